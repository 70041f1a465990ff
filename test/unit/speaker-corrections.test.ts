import * as assert from 'node:assert/strict';
import { makeAnchor } from '../../src/core/annotations/anchor';
import type { Annotation } from '../../src/core/annotations/model';
import { Corpus } from '../../src/core/corpus';

// Change Speaker on one quotation: the quotations that continue it (same speaker, no cue of their own) follow.
// The article is written for this test.

const TEXT = [
  '“The budget is finished,” said Maria Ortega, the committee chair.',
  '“We will vote on it next week. Nobody should expect surprises.”',
  '“The numbers are the numbers,” she added.',
  '',
  'Paul Grant, her deputy, disagreed. “It is not finished,” Grant said. “Not by a long way.”',
].join('\n');

function quoteAnnotation(text: string, quoteStart: number, speaker: string): Annotation {
  const end = text.indexOf('”', quoteStart) + 1;
  const time = '2026-11-30T10:00:00.000Z';
  return { id: 'q1', kind: 'quote', links: { speaker }, author: 't', created: time, updated: time, anchor: makeAnchor(text, { start: quoteStart, end }) };
}

function speakers(annotations: Annotation[]) {
  const corpus = new Corpus();
  corpus.setArticle('budget.txt', TEXT, annotations);
  const article = corpus.resolve().articles.get('budget.txt')!;
  return article.quotes.map(q => ({ text: q.text.slice(0, 20), speaker: q.speaker?.name ?? null, how: q.how }));
}

describe('quotes: corrections propagate to continuations', () => {
  it('without a correction, the continuation carries the speaker of the quotation before it', () => {
    const before = speakers([]);
    assert.equal(before[0].speaker, 'Maria Ortega');
    assert.equal(before[1].speaker, 'Maria Ortega');
    assert.equal(before[1].how, 'continues the previous speaker');
  });

  it('after Change Speaker on the first quotation, the one continuing it follows, and says why', () => {
    const after = speakers([quoteAnnotation(TEXT, 0, 'Paul Grant')]);
    assert.equal(after[0].speaker, 'Paul Grant');
    assert.equal(after[1].speaker, 'Paul Grant', 'the continuation follows the correction');
    assert.equal(after[1].how, 'continues a quotation whose speaker you set');
    assert.notEqual(after[2].how, 'continues a quotation whose speaker you set', 'a quotation with its own cue keeps its attribution');
    // the second paragraph's quotations have their own speaker and are untouched
    assert.deepEqual(after.slice(3).map(q => q.speaker), ['Paul Grant', 'Paul Grant']);
    assert.equal(after[4].how, 'continues the previous speaker');
  });
});
