import * as assert from 'node:assert/strict';
import { Corpus } from '../../src/core/corpus';
import { articlePeople } from '../../src/core/entities/withinArticle';
import type { Mention } from '../../src/core/model';
import { shippedRecogniser } from './helpers';

// Articles written for these tests (issue 14, "who is who within an article").

const person = (text: string, start: number): Mention => ({ start, end: start + text.length, text, type: 'PERSON', origin: 'model' });

// the trained tagger, as the extension and the CLI run (the word-list rules do not find "Hillary" alone)
const recogniser = shippedRecogniser();

function idsOf(articles: Record<string, string>, at: string, text: string): (string | undefined)[] {
  const corpus = new Corpus({ recogniser });
  for (const [p, t] of Object.entries(articles)) corpus.setArticle(p, t);
  return corpus.resolve().articles.get(at)!.mentions.filter(m => m.text === text).map(m => m.entityId);
}

describe('who is who within an article', () => {
  it('"Hillary" alone is Hillary Clinton, not a person of her own; "Clinton" is the Clinton the article names most', () => {
    const text = [
      'Hillary Clinton spoke to steelworkers in Toledo on Monday.',
      'Her husband, former President Bill Clinton, stayed in New York.',
      'Hillary told the crowd that jobs came first. Clinton later met union leaders, and Hillary Clinton said the meeting went well.',
      'Hillary thanked them before she left.',
    ].join('\n\n');
    const hillary = idsOf({ 'a.txt': text }, 'a.txt', 'Hillary');
    assert.ok(hillary.length >= 1, 'the first name alone is found');
    for (const id of hillary) assert.equal(id, 'person:hillary-clinton');
    assert.deepEqual(idsOf({ 'a.txt': text }, 'a.txt', 'Clinton'), ['person:hillary-clinton']);
    assert.deepEqual(idsOf({ 'a.txt': text }, 'a.txt', 'Bill Clinton'), ['person:bill-clinton']);
  });

  it('Bill then Hillary: the family name goes to the one the article names in full most, whoever comes first', () => {
    const m = [
      person('Bill Clinton', 0), person('Hillary Clinton', 40), person('Clinton', 80), person('Hillary', 120),
      person('Hillary Clinton', 160), person('Clinton', 200),
    ];
    const people = articlePeople(m);
    assert.equal(people.decided.get('clinton'), 'hillary clinton');
    assert.equal(people.decided.get('hillary'), 'hillary clinton');
    assert.equal(people.prominence.get('hillary clinton'), 2);
  });

  it('a first name alone does not make its person the family name’s: "Freddy" beside Donald Trump', () => {
    const people = articlePeople([person('Donald Trump', 0), person('Freddy Trump', 20), person('Freddy', 40), person('Freddy', 50), person('Trump', 60), person('Donald Trump', 80)]);
    assert.equal(people.decided.get('freddy'), 'freddy trump');
    assert.equal(people.decided.get('trump'), 'donald trump');
  });

  it('a first name alone joins only the one person of the article who has it', () => {
    const one = articlePeople([person('Jane Roe', 0), person('John Doe', 20), person('Jane', 40)]);
    assert.equal(one.decided.get('jane'), 'jane roe');
    const two = articlePeople([person('Jane Roe', 0), person('Jane Poe', 20), person('Jane', 40)]);
    assert.equal(two.decided.has('jane'), false, 'two Janes: the article does not say which');
  });

  it('people of one family equally prominent are left to the corpus; a family named nowhere in full too', () => {
    const people = articlePeople([person('Bill Clinton', 0), person('Hillary Clinton', 20), person('Clinton', 40), person('Obama', 60)]);
    assert.equal(people.open.get('clinton'), 'tie');
    assert.equal(people.open.get('obama'), 'none');
  });

  it('the corpus never overrides the article: a more mentioned Bill Clinton elsewhere leaves this article’s "Clinton" to Hillary', () => {
    const about = 'Hillary Clinton campaigned in Ohio. Clinton said jobs came first. Hillary Clinton left on Tuesday.';
    const other = 'Bill Clinton spoke. Bill Clinton laughed. Bill Clinton left. Bill Clinton returned. Clinton waved.';
    assert.deepEqual(idsOf({ 'a.txt': about, 'b.txt': other }, 'a.txt', 'Clinton'), ['person:hillary-clinton']);
    assert.deepEqual(idsOf({ 'a.txt': about, 'b.txt': other }, 'b.txt', 'Clinton'), ['person:bill-clinton']);
  });

  it('"Tim Sloan" and "Timothy J. Sloan" in one article are one person, named as the corpus names them most', () => {
    const text = 'Timothy J. Sloan, the bank’s chief executive, resigned on Tuesday. Tim Sloan had led the bank since 2016. Sloan said he was proud of the staff.';
    const ids = [...idsOf({ 'a.txt': text }, 'a.txt', 'Timothy J. Sloan'), ...idsOf({ 'a.txt': text }, 'a.txt', 'Tim Sloan'), ...idsOf({ 'a.txt': text }, 'a.txt', 'Sloan')];
    assert.equal(ids.length, 3);
    assert.equal(new Set(ids).size, 1, `one person: ${ids}`);
    const other = 'Timothy Sloan spoke. Timothy Sloan left. Timothy Sloan returned.';
    const both = { 'a.txt': text, 'b.txt': other };
    assert.deepEqual(idsOf(both, 'a.txt', 'Tim Sloan'), ['person:timothy-sloan'], 'the form the corpus writes most');
    const people = articlePeople([person('Timothy J. Sloan', 0), person('Tim Sloan', 30), person('Tim', 60)]);
    assert.equal(people.prominence.get('timothy sloan'), 2);
    assert.equal(people.decided.get('tim'), 'timothy sloan');
    assert.equal(articlePeople([person('Tim Sloan', 0), person('Timothy Cook', 20)]).formal.size, 0, 'another family: no join');
  });

  it('the form follows the corpus as articles come and go, as resolving from scratch gives it', () => {
    const a = 'Timothy J. Sloan, the bank’s chief executive, resigned on Tuesday. Tim Sloan had led the bank since 2016.';
    const b = 'Tim Sloan spoke. Tim Sloan left. Tim Sloan returned. Tim Sloan waved.';
    const c = 'Timothy Sloan spoke. Timothy Sloan left. Timothy Sloan returned. Timothy Sloan waved. Timothy Sloan sat.';
    const corpus = new Corpus({ recogniser });
    const ids = () => corpus.resolve().articles.get('a.txt')!.mentions.filter(m => /Sloan/.test(m.text)).map(m => m.entityId);
    corpus.setArticle('a.txt', a);
    ids();
    for (const [step, articles] of [['b added', { b }], ['c added', { b, c }], ['b removed', { c }]] as const) {
      for (const path of ['b.txt', 'c.txt']) if (!(path.slice(0, 1) in articles)) corpus.removeArticle(path);
      for (const [name, text] of Object.entries(articles)) corpus.setArticle(`${name}.txt`, text);
      const scratch = new Corpus({ recogniser });
      for (const [name, text] of Object.entries({ a, ...articles })) scratch.setArticle(`${name}.txt`, text);
      assert.deepEqual(ids(), scratch.resolve().articles.get('a.txt')!.mentions.filter(m => /Sloan/.test(m.text)).map(m => m.entityId), step);
    }
  });
});
