// Anchoring under edits, property-based (fast-check): what must always hold, whatever the edit.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { makeAnchor, resolveAnchor } from '../../src/core/annotations/anchor';
import { moveSpan } from '../../src/core/annotations/edits';
import { runFuzz } from '../fuzz/anchoring';
import { readSample, sampleFiles } from './helpers';

const articles = sampleFiles().map(readSample);

/** An annotation on a stretch whose text and context occur once in the article, and an edit well away from it. */
const scenario = fc.record({
  article: fc.integer({ min: 0, max: articles.length - 1 }),
  at: fc.integer({ min: 0, max: 1_000_000 }),
  length: fc.integer({ min: 3, max: 60 }),
  editAt: fc.integer({ min: 0, max: 1_000_000 }),
  deleted: fc.integer({ min: 0, max: 80 }),
  inserted: fc.string({ maxLength: 40 }),
});

describe('anchoring: properties under random edits', () => {
  it('an edit that leaves the annotated text and its context alone never loses or misplaces it', () => {
    fc.assert(fc.property(scenario, s => {
      const text = articles[s.article];
      const start = s.at % (text.length - s.length);
      const span = { start, end: start + s.length };
      const anchor = makeAnchor(text, span);
      fc.pre(anchor.text.trim().length > 0 && text.indexOf(anchor.prefix + anchor.text + anchor.suffix) === text.lastIndexOf(anchor.prefix + anchor.text + anchor.suffix));
      const editStart = s.editAt % text.length;
      const editEnd = Math.min(text.length, editStart + s.deleted);
      fc.pre(editEnd < span.start - anchor.prefix.length || editStart > span.end + anchor.suffix.length);
      const edited = text.slice(0, editStart) + s.inserted + text.slice(editEnd);
      const expected = moveSpan(span, { start: editStart, end: editEnd, insertedLength: s.inserted.length })!;
      const placed = resolveAnchor(edited, anchor);
      assert.ok(placed.status === 'anchored' || placed.status === 'moved' || placed.status === 'needs-review', placed.status);
      if (placed.status !== 'needs-review') assert.deepEqual(placed.span, expected);
      else assert.ok(text.split(anchor.text).length > 2, 'review only when the words occur more than once');
    }), { numRuns: 300, seed: 7 });
  });

  it('deleting the annotated text with its context orphans it or asks for review; it is never dropped', () => {
    fc.assert(fc.property(scenario, s => {
      const text = articles[s.article];
      const start = s.at % (text.length - s.length);
      const anchor = makeAnchor(text, { start, end: start + s.length });
      fc.pre(anchor.text.trim().length >= 8 && text.split(anchor.text).length === 2);
      const edited = text.slice(0, Math.max(0, start - 40)) + s.inserted + text.slice(start + s.length + 40);
      fc.pre(!edited.includes(anchor.text));
      const placed = resolveAnchor(edited, anchor);
      assert.ok(placed.status === 'orphaned' || placed.status === 'needs-review', `${placed.status} for ${JSON.stringify(anchor.text)}`);
    }), { numRuns: 300, seed: 11 });
  });

  it('an anchor written by hand, without context, is found by its text once near its offsets', () => {
    const text = readSample('the-diplomat-trump-kim-second-summit-hanoi.txt');
    const at = text.indexOf('Seoul');
    assert.equal(text.split('Seoul').length, 2, 'test setup: the name occurs once');
    assert.deepEqual(resolveAnchor(text, { text: 'Seoul', prefix: '', suffix: '', start: at + 3, end: at + 8 }), { status: 'moved', span: { start: at, end: at + 5 } });
    const far = 0;
    assert.equal(resolveAnchor(text, { text: 'Seoul', prefix: '', suffix: '', start: far, end: far + 5 }).status, 'needs-review', 'far from its offsets: asked, not guessed');
  });

  it('a fuzz of 1,000 random edits loses no annotation through the sidecar round trip', () => {
    const f = runFuzz(articles, { cases: 50, editsPerCase: 20, seed: 3 });
    assert.equal(f.edits, 1000);
    assert.equal(f.lost, 0);
    assert.equal(f.survived + f.changed, f.annotations);
    assert.ok(f.survivedExact > 0 && f.statuses.orphaned + f.statuses['needs-review'] > 0, 'both outcomes occur: the fuzz exercises them');
  });
});
