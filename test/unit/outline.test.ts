import * as assert from 'node:assert/strict';
import { Corpus } from '../../src/core/corpus';
import { articleOutline, entitySymbols } from '../../src/core/outline';

// An article written for this test: two people, a place, an organisation, two quotations.
const TEXT = [
  'Maria Ortega met Paul Grant in Lisbon on Monday.',
  '“The budget is finished,” Ortega said. The Finance Ministry did not comment.',
  '“It is not,” Grant said. Ortega left Lisbon.',
].join('\n\n');

function corpus() {
  const c = new Corpus();
  c.setArticle('a.txt', TEXT, []);
  c.setArticle('b.txt', 'Paul Grant spoke to reporters in Porto.', []);
  return c.resolve();
}

describe('outline', () => {
  it('an article: headings in a fixed order, items in reading order, entities by name with their mentions here', () => {
    const view = corpus();
    const outline = articleOutline(view.articles.get('a.txt')!, view);
    const headings = outline.map(h => h.name);
    assert.deepEqual(headings.filter(h => h !== 'Organisations' && h !== 'Events'), ['People', 'Places', 'Quotations']);
    const people = outline.find(h => h.name === 'People')!;
    assert.deepEqual(people.children.map(p => [p.name, p.detail]), [['Maria Ortega', 'Person · 3 mentions'], ['Paul Grant', 'Person · 2 mentions']]);
    assert.equal(TEXT.slice(people.children[0].selection.start, people.children[0].selection.end), 'Maria Ortega');
    const quotes = outline.find(h => h.name === 'Quotations')!.children;
    assert.deepEqual(quotes.map(q => [q.name, q.detail]), [['“The budget is finished,”', 'said by Maria Ortega'], ['“It is not,”', 'said by Paul Grant']]);
    for (const h of outline) {
      assert.ok(h.span.start <= h.children[0].span.start && h.children.every(c => c.span.end <= h.span.end), `${h.name} spans its items`);
      for (const item of h.children) assert.ok(!/\b(?:person|org|place|date):/.test(item.name + item.detail), item.name);
    }
  });

  it('the corpus: entities whose name holds the query’s letters in order, the most mentioned first, counted in words', () => {
    const view = corpus();
    const found = entitySymbols(view, 'pgrant');
    assert.deepEqual(found.map(e => [e.name, e.detail]), [['Paul Grant', 'Person · 3 mentions in 2 articles']]);
    const all = entitySymbols(view, '');
    assert.ok(all.length >= 4 && all[0].mentions >= all[all.length - 1].mentions);
    assert.deepEqual(entitySymbols(view, 'zzz'), []);
  });
});
