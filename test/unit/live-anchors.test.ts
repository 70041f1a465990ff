// Annotations carried along with live edits in an editor (src/core/annotations/live.ts).
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { makeAnchor } from '../../src/core/annotations/anchor';
import { LiveAnchors, type TypedChange } from '../../src/core/annotations/live';
import type { Annotation } from '../../src/core/annotations/model';

const TEXT = 'The council met on Tuesday. Mayor Ana Ruiz said the bridge would reopen in May. Residents were not convinced.\n';

function note(id: string, text: string, needle: string, nth = 0): Annotation {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(needle, start + 1);
  const now = '2026-01-01T00:00:00.000Z';
  return { id, kind: 'note', note: id, links: {}, author: 't', created: now, updated: now, anchor: makeAnchor(text, { start, end: start + needle.length }) };
}

/** Applies changes to a text one after the other, as the editor does, and tells the tracker. */
function apply(live: LiveAnchors, changes: TypedChange[]): string {
  let text = live.text;
  for (const c of changes) text = text.slice(0, c.start) + c.text + text.slice(c.end);
  live.edit(changes, text);
  return text;
}

const at = (live: LiveAnchors, id: string) => {
  const p = live.placements().get(id)!;
  return { status: p.status, text: p.span ? live.text.slice(p.span.start, p.span.end) : undefined, span: p.span };
};

describe('live anchors: annotations move with each edit', () => {
  it('typing before an annotation shifts it, inside grows it, after leaves it', () => {
    const live = new LiveAnchors(TEXT, [note('a', TEXT, 'Ana Ruiz')]);
    apply(live, [{ start: 0, end: 0, text: 'Updated: ' }]);
    assert.deepEqual(at(live, 'a'), { status: 'moved', text: 'Ana Ruiz', span: { start: TEXT.indexOf('Ana Ruiz') + 9, end: TEXT.indexOf('Ana Ruiz') + 17 } }, 'moved: away from the offsets its sidecar has');
    const inside = live.text.indexOf('Ruiz');
    apply(live, [{ start: inside, end: inside, text: 'María ' }]);
    assert.equal(at(live, 'a').text, 'Ana María Ruiz');
    apply(live, [{ start: live.text.length - 1, end: live.text.length - 1, text: ' Some were.' }]);
    assert.equal(at(live, 'a').text, 'Ana María Ruiz');
  });

  it('deleting the annotated words makes an orphan, never a zero-length ghost; undo brings it back', () => {
    const live = new LiveAnchors(TEXT, [note('a', TEXT, 'the bridge')]);
    const start = TEXT.indexOf('the bridge');
    apply(live, [{ start: start - 5, end: start + 'the bridge'.length, text: '' }]);
    assert.deepEqual(at(live, 'a'), { status: 'orphaned', text: undefined, span: undefined });
    assert.equal(live.anchors().size, 0, 'an orphan keeps its stored anchor');
    apply(live, [{ start: 0, end: 0, text: 'Late: ' }]); // an unrelated edit before the place
    apply(live, [{ start: start + 1, end: start + 1, text: 'said the bridge' }]); // undo: the deleted text put back
    assert.deepEqual(at(live, 'a'), { status: 'moved', text: 'the bridge', span: { start: start + 6, end: start + 16 } });
  });

  it('typing over the words orphans the annotation; pasting other words over them makes them a candidate', () => {
    const live = new LiveAnchors(TEXT, [note('a', TEXT, 'Tuesday')]);
    const start = TEXT.indexOf('Tuesday');
    apply(live, [{ start, end: start + 7, text: 'W' }]);
    assert.equal(at(live, 'a').status, 'orphaned');
    const pasted = new LiveAnchors(TEXT, [note('a', TEXT, 'Tuesday')]);
    apply(pasted, [{ start, end: start + 7, text: 'Wednesday' }]);
    assert.deepEqual(at(pasted, 'a'), { status: 'needs-review', text: 'Wednesday', span: { start, end: start + 9 } });
  });

  it('a change that rewrites a whole region with the words in it (a reload from disk) finds them again by context', () => {
    const live = new LiveAnchors(TEXT, [note('a', TEXT, 'Ana Ruiz'), note('b', TEXT, 'Residents')]);
    const reloaded = 'Breaking.\n' + TEXT.replace('not convinced', 'sceptical');
    apply(live, [{ start: 0, end: TEXT.length, text: reloaded }]);
    assert.deepEqual(at(live, 'a'), { status: 'moved', text: 'Ana Ruiz', span: { start: reloaded.indexOf('Ana Ruiz'), end: reloaded.indexOf('Ana Ruiz') + 8 } });
    assert.equal(at(live, 'b').text, 'Residents');
  });

  it('several changes in one event (multiple cursors) apply one after the other', () => {
    const live = new LiveAnchors(TEXT, [note('a', TEXT, 'Ana Ruiz'), note('b', TEXT, 'Residents')]);
    const r = TEXT.indexOf('Residents');
    const m = TEXT.indexOf('Mayor');
    apply(live, [{ start: r, end: r, text: '>> ' }, { start: m, end: m, text: '>> ' }]); // last first, as VS Code sends them
    assert.equal(at(live, 'a').text, 'Ana Ruiz');
    assert.equal(at(live, 'b').text, 'Residents');
  });

  it('an event that does not lead to the editor’s text (one was missed) finds every annotation again', () => {
    const live = new LiveAnchors(TEXT, [note('a', TEXT, 'Ana Ruiz')]);
    const actual = 'Intro. ' + TEXT;
    live.edit([{ start: 0, end: 0, text: 'Intro' }], actual);
    assert.deepEqual(at(live, 'a').text, 'Ana Ruiz');
    assert.equal(live.text, actual);
  });

  it('anchors() gives the new anchors of annotations that moved, with their new context', () => {
    const live = new LiveAnchors(TEXT, [note('a', TEXT, 'not convinced'), note('b', TEXT, 'Tuesday')]);
    assert.equal(live.anchors().size, 0, 'nothing moved yet');
    const text = apply(live, [{ start: TEXT.indexOf('Residents'), end: TEXT.indexOf('Residents'), text: 'Many ' }]);
    const anchors = live.anchors();
    assert.deepEqual([...anchors.keys()], ['a'], 'Tuesday, far before the edit, did not move');
    assert.deepEqual(anchors.get('a'), makeAnchor(text, { start: text.indexOf('not convinced'), end: text.indexOf('not convinced') + 13 }));
  });

  it('a new tracker for the same text keeps the live place of unchanged annotations and places changed ones afresh', () => {
    const a = note('a', TEXT, 'the bridge');
    const live = new LiveAnchors(TEXT, [a, note('b', TEXT, 'Residents')]);
    const start = TEXT.indexOf('the bridge');
    apply(live, [{ start, end: start + 10, text: '' }]);
    const b2 = note('b', live.text, 'Mayor'); // b re-attached elsewhere
    const next = new LiveAnchors(live.text, [a, b2], live);
    assert.equal(at(next, 'a').status, 'orphaned', 'the orphan stays an orphan (the words "the bridge" are gone)');
    assert.equal(at(next, 'b').text, 'Mayor');
  });

  it('property: whatever is typed away from the annotated words, they are where the tracker says', () => {
    const edit = fc.record({ at: fc.nat(), deleted: fc.nat({ max: 30 }), text: fc.string({ maxLength: 12 }) });
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 25 }), edits => {
      const live = new LiveAnchors(TEXT, [note('a', TEXT, 'the bridge would reopen')]);
      for (const e of edits) {
        const p = live.placements().get('a')!;
        if (!p.span) break;
        const start = e.at % (live.text.length + 1);
        const end = Math.min(live.text.length, start + e.deleted);
        if (end > p.span.start && start < p.span.end) continue; // touching the words themselves is another test
        apply(live, [{ start, end, text: e.text }]);
        const now = live.placements().get('a')!;
        assert.equal(now.status, now.span!.start === TEXT.indexOf('the bridge would reopen') ? 'anchored' : 'moved');
        assert.equal(live.text.slice(now.span!.start, now.span!.end), 'the bridge would reopen');
      }
    }), { numRuns: 300, seed: 11 });
  });
});

describe('live anchors: a region rewritten around an annotation', () => {
  it('a reload that changes the words a little makes it need review, with the new words as the candidate', () => {
    const live = new LiveAnchors(TEXT, [note('a', TEXT, 'the bridge would reopen in May')]);
    const reloaded = TEXT.replace('in May', 'in June');
    const from = TEXT.indexOf('Mayor');
    apply(live, [{ start: from, end: TEXT.length, text: reloaded.slice(from) }]);
    assert.deepEqual(at(live, 'a').status, 'needs-review');
    assert.match(at(live, 'a').text!, /^the bridge would reopen in J?/);
  });

  it('typing over the words orphans it even when the same words occur elsewhere', () => {
    const text = 'Kim arrived. Kim Jong Un met Trump. Kim left.';
    const live = new LiveAnchors(text, [note('a', text, 'Kim', 1)]);
    apply(live, [{ start: 13, end: 16, text: 'He' }]);
    assert.equal(at(live, 'a').status, 'orphaned');
  });
});

describe('live anchors: property under any edits', () => {
  it('no annotation is ever lost; untouched words are exactly where they are; a deleted annotation is an orphan', () => {
    const edit = fc.record({ at: fc.nat(), deleted: fc.nat({ max: 40 }), text: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('Ana Ruiz', 'the bridge', '\r\n', '')) });
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 40 }), edits => {
      const ids = ['Ana Ruiz', 'the bridge', 'Residents', 'Tuesday'];
      const live = new LiveAnchors(TEXT, ids.map(w => note(w, TEXT, w)));
      // the truth: where each annotation's words are, as long as no edit touched them
      const truth = new Map(ids.map(w => [w, { start: TEXT.indexOf(w), end: TEXT.indexOf(w) + w.length } as { start: number; end: number } | null]));
      for (const e of edits) {
        const start = e.at % (live.text.length + 1);
        const end = Math.min(live.text.length, start + e.deleted);
        for (const [id, span] of truth) {
          if (!span) continue;
          const touched = end > span.start && start < span.end || (start === end && start > span.start && start < span.end);
          truth.set(id, touched ? null : start >= span.end ? span : { start: span.start + e.text.length - (end - start), end: span.end + e.text.length - (end - start) });
        }
        const before = live.placements();
        apply(live, [{ start, end, text: e.text }]);
        const placements = live.placements();
        for (const id of ids) {
          const was = before.get(id)!.span;
          if (was && !e.text && start <= was.start && end >= was.end) assert.equal(placements.get(id)!.status, 'orphaned', `${id}: its words were deleted`);
        }
        for (const id of ids) {
          const p = placements.get(id);
          assert.ok(p, `${id} is never lost`);
          if (p.span) assert.ok(p.span.start >= 0 && p.span.end <= live.text.length && p.span.end > p.span.start, 'a placed annotation has words');
          const t = truth.get(id);
          if (t) assert.deepEqual({ status: p.status, span: p.span }, { status: t.start === TEXT.indexOf(id) ? 'anchored' : 'moved', span: t }, `${id} untouched`);
        }
      }
    }), { numRuns: 400, seed: 5 });
  });
});
