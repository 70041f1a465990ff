// Saving a sidecar while another program writes it (a git pull, the CLI, a second window): merge by id,
// nothing either side added or edited is lost.
import * as assert from 'node:assert/strict';
import { decodeSidecar, parseSidecar, serializeSidecar, sidecarTooLarge } from '../../src/core/annotations/codec';
import { mergeAnnotations, sameAnnotation } from '../../src/core/annotations/merge';
import type { Annotation, Sidecar } from '../../src/core/annotations/model';
import { makeAnchor } from '../../src/core/annotations/anchor';
import { contentHash } from '../../src/core/text/hash';
import { MAX_SAVE_ATTEMPTS, runSave, runSaveAsync, saveSidecarSteps, UnreadableSidecarError, type SaveStep, type SidecarRead } from '../../src/core/annotations/save';

function note(id: string, updated = '2019-02-27T09:00:00.000Z', extra: Partial<Annotation> = {}): Annotation {
  return { id, kind: 'note', links: {}, author: 'Reporter', created: '2019-02-27T09:00:00.000Z', updated, anchor: { text: id, prefix: '', suffix: '', start: 0, end: id.length }, ...extra };
}
const edited = (a: Annotation, text: string, updated: string) => ({ ...a, note: text, updated });
const ids = (list: Annotation[]) => list.map(a => a.id);

describe('sidecar merge: mergeAnnotations', () => {
  const a = note('a');
  const b = note('b');

  it('keeps what either side added', () => {
    assert.deepEqual(ids(mergeAnnotations([a], [a, note('ours')], [a, note('theirs')])), ['a', 'ours', 'theirs']);
    assert.deepEqual(ids(mergeAnnotations([], [note('x')], [note('y')])), ['x', 'y'], 'no base: everything of both');
  });

  it('the same id changed on both sides: the later `updated` wins, whichever side it is on', () => {
    const ours = edited(a, 'ours', '2019-02-27T10:00:00.000Z');
    const theirs = edited(a, 'theirs', '2019-02-27T11:00:00.000Z');
    assert.equal(mergeAnnotations([a], [ours], [theirs])[0].note, 'theirs');
    assert.equal(mergeAnnotations([a], [theirs], [ours])[0].note, 'theirs');
    assert.equal(mergeAnnotations([], [ours], [theirs])[0].note, 'theirs', 'added on both sides with one id');
    assert.equal(mergeAnnotations([a], [ours], [{ ...theirs, updated: ours.updated }])[0].note, 'ours', 'equal times: ours');
    assert.equal(mergeAnnotations([a], [ours], [{ ...theirs, updated: 'yesterday' }])[0].note, 'ours', 'an unreadable time never wins');
    assert.equal(mergeAnnotations([a], [{ ...ours, updated: '' }], [theirs])[0].note, 'theirs');
  });

  it('the side that left it alone does not undo the other side’s edit, even an edit without a newer `updated`', () => {
    const handEdited = { ...a, note: 'fixed by hand in the YAML' }; // same `updated` as the base
    assert.equal(mergeAnnotations([a, b], [a, edited(b, 'ours', '2019-02-28T00:00:00.000Z')], [handEdited, b])[0].note, 'fixed by hand in the YAML');
    assert.deepEqual(mergeAnnotations([a], [handEdited], [a]), [handEdited]);
  });

  it('a deletion wins only over an annotation nobody edited', () => {
    const later = '2019-03-01T00:00:00.000Z';
    assert.deepEqual(ids(mergeAnnotations([a, b], [b], [a, b])), ['b'], 'we deleted a, they left it');
    assert.deepEqual(ids(mergeAnnotations([a, b], [a, b], [b])), ['b'], 'they deleted a, we left it');
    assert.deepEqual(mergeAnnotations([a, b], [b], [edited(a, 'theirs', later), b]).map(x => x.note), [undefined, 'theirs'], 'we deleted a, they edited it: kept');
    assert.deepEqual(mergeAnnotations([a, b], [edited(a, 'ours', later), b], [b]).map(x => x.note), ['ours', undefined], 'they deleted a, we edited it: kept');
    assert.deepEqual(ids(mergeAnnotations([a, b], [b], [b, note('c')])), ['b', 'c'], 'our deletion and their addition');
  });

  it('compares annotations by content, not by key order', () => {
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as unknown as Annotation;
    assert.ok(sameAnnotation(a, reordered));
    assert.ok(!sameAnnotation(a, { ...a, anchor: { ...a.anchor, start: 1 } }));
    assert.ok(sameAnnotation(a, { ...a, label: undefined }), 'an absent key is an undefined one');
  });
});

/** A sidecar in memory, with a hook where another program's write can race with the save. */
class FakeSidecar {
  bytes: Uint8Array | undefined;
  temp: string | undefined;
  steps: SaveStep['op'][] = [];
  beforeCheck: (attempt: number) => void = () => {};
  private attempts = 0;

  constructor(sidecar?: Sidecar | string) {
    if (sidecar !== undefined) this.write(typeof sidecar === 'string' ? sidecar : serializeSidecar(sidecar));
  }

  write(text: string): void { this.bytes = new TextEncoder().encode(text); }

  read(): Sidecar | null { return this.bytes ? decodeSidecar(this.bytes, 'a.txt').sidecar : null; }

  readonly io = (step: SaveStep): SidecarRead | void => {
    if (!['read', 'write-temp', 'commit', 'discard'].includes(step.op)) return; // no lock, nothing to inspect: see sidecar-lock.test.ts
    this.steps.push(step.op);
    switch (step.op) {
      case 'read': return this.bytes?.slice();
      case 'write-temp': this.temp = step.content; this.beforeCheck(++this.attempts); return;
      case 'commit': assert.equal(this.temp, step.content); this.write(this.temp!); this.temp = undefined; return;
      case 'discard': this.temp = undefined; return;
    }
  };
}

const file = (...annotations: Annotation[]): Sidecar => ({ version: 1, article: 'a.txt', contentHash: 'cyrb53:00000000000001', annotations });
const add = (a: Annotation) => (list: Annotation[]) => [...list, a];

describe('sidecar merge: saving (saveSidecarSteps)', () => {
  it('no sidecar yet: writes one (temporary file, check, rename)', () => {
    const disk = new FakeSidecar();
    const saved = runSave(saveSidecarSteps('a.txt', 'The article.', add(note('ours'))), disk.io);
    assert.deepEqual(disk.steps, ['read', 'write-temp', 'read', 'commit']);
    assert.equal(saved.merges, 0);
    assert.deepEqual(disk.read(), saved.sidecar);
    assert.equal(saved.sidecar.contentHash, contentHash('The article.'));
  });

  it('another program writes between our read and our rename: both annotations are kept', () => {
    const disk = new FakeSidecar(file(note('old')));
    disk.beforeCheck = attempt => { if (attempt === 1) disk.write(serializeSidecar(file(note('old'), note('theirs')))); };
    const saved = runSave(saveSidecarSteps('a.txt', '', add(note('ours'))), disk.io);
    assert.equal(saved.merges, 1);
    assert.deepEqual(ids(disk.read()!.annotations).sort(), ['old', 'ours', 'theirs']);
    assert.deepEqual(disk.steps, ['read', 'write-temp', 'read', 'discard', 'write-temp', 'read', 'commit']);
    assert.equal(disk.temp, undefined);
  });

  it('their edit and our edit of different annotations both survive; of the same one, the later wins', () => {
    const disk = new FakeSidecar(file(note('x'), note('y')));
    disk.beforeCheck = attempt => { if (attempt === 1) disk.write(serializeSidecar(file(edited(note('x'), 'theirs x', '2019-03-01T00:00:00.000Z'), edited(note('y'), 'theirs y', '2019-03-03T00:00:00.000Z')))); };
    runSave(saveSidecarSteps('a.txt', '', list => list.map(a => edited(a, `ours ${a.id}`, '2019-03-02T00:00:00.000Z'))), disk.io);
    assert.deepEqual(disk.read()!.annotations.map(a => a.note), ['ours x', 'theirs y']);
  });

  it('the sidecar deleted meanwhile: ours is written (nothing we hold is lost)', () => {
    const disk = new FakeSidecar(file(note('old')));
    disk.beforeCheck = () => { disk.bytes = undefined; };
    runSave(saveSidecarSteps('a.txt', '', add(note('ours'))), disk.io);
    assert.deepEqual(ids(disk.read()!.annotations).sort(), ['old', 'ours']);
  });

  it('a sidecar that cannot be read is never written: broken, too large, or broken by the other program meanwhile', () => {
    const broken = 'version: 1\nannotations:\n  - id: x\n    kind: [unclosed\n';
    const brokenMeanwhile = new FakeSidecar(file(note('old')));
    brokenMeanwhile.beforeCheck = () => brokenMeanwhile.write(broken);
    for (const disk of [new FakeSidecar(broken), brokenMeanwhile]) {
      assert.throws(() => runSave(saveSidecarSteps('a.txt', '', add(note('ours'))), disk.io), (e: unknown) => e instanceof UnreadableSidecarError && /cannot be read/.test(e.message) && e.problems[0].line === 5);
      assert.equal(new TextDecoder().decode(disk.bytes), broken);
      assert.equal(disk.temp, undefined, 'the temporary file is gone');
    }
    const steps: SaveStep['op'][] = [];
    assert.throws(() => runSave(saveSidecarSteps('a.txt', '', add(note('ours'))), step => { steps.push(step.op); return step.op === 'read' ? { refused: sidecarTooLarge(6e6) } : undefined; }), /larger than 5 MB/);
    assert.deepEqual(steps.filter(op => !op.startsWith('lock-')), ['inspect', 'list-temps', 'read'], 'nothing written');
  });

  it('a sidecar that keeps changing: gives up after a bounded number of attempts, leaving theirs', () => {
    const disk = new FakeSidecar(file(note('old')));
    disk.beforeCheck = attempt => disk.write(serializeSidecar(file(note('old'), note(`theirs-${attempt}`))));
    assert.throws(() => runSave(saveSidecarSteps('a.txt', '', add(note('ours'))), disk.io), /kept changing/);
    assert.equal(disk.steps.filter(s => s === 'write-temp').length, MAX_SAVE_ATTEMPTS);
    assert.deepEqual(ids(disk.read()!.annotations), ['old', `theirs-${MAX_SAVE_ATTEMPTS}`]);
    assert.equal(disk.temp, undefined);
  });

  it('a failing rename removes the temporary file and reports the error', () => {
    const disk = new FakeSidecar(file(note('old')));
    const io = (step: SaveStep) => { if (step.op === 'commit') { disk.steps.push('commit'); throw new Error('EACCES'); } return disk.io(step); };
    assert.throws(() => runSave(saveSidecarSteps('a.txt', '', add(note('ours'))), io), /EACCES/);
    assert.deepEqual(disk.steps.slice(-2), ['commit', 'discard']);
    assert.equal(disk.temp, undefined);
    assert.deepEqual(ids(disk.read()!.annotations), ['old']);
  });

  it('the change gets a copy: editing it in place does not hide the edit from the merge', () => {
    const disk = new FakeSidecar(file(note('x')));
    disk.beforeCheck = attempt => { if (attempt === 1) disk.write(serializeSidecar(file(note('x'), note('theirs')))); };
    runSave(saveSidecarSteps('a.txt', '', list => { list[0].note = 'edited in place'; list[0].updated = '2019-03-01T00:00:00.000Z'; return list; }), disk.io);
    assert.deepEqual(disk.read()!.annotations.map(a => [a.id, a.note]), [['theirs', undefined], ['x', 'edited in place']]);
  });

  it('runs the same with an asynchronous file API', async () => {
    const disk = new FakeSidecar(file(note('old')));
    disk.beforeCheck = attempt => { if (attempt === 1) disk.write(serializeSidecar(file(note('old'), note('theirs')))); };
    const saved = await runSaveAsync(saveSidecarSteps('a.txt', '', add(note('ours'))), async step => disk.io(step));
    assert.equal(saved.merges, 1);
    assert.deepEqual(ids(parseSidecar(saved.content, 'a.txt').sidecar!.annotations).sort(), ['old', 'ours', 'theirs']);
    assert.deepEqual(disk.read(), parseSidecar(saved.content, 'a.txt').sidecar);
  });
});

describe('sidecar save: look-alikes counted again', () => {
  const SENTENCE = 'The new bridge opened on Monday.';
  const STORY = `Elm River\n\nResidents gathered early. ${SENTENCE} Cars crossed within minutes.`;
  const WITH_CAPTION = `Photo: ${SENTENCE} (City of Elm River)\n\n${STORY}`;
  const on = (text: string, needle: string) => ({ start: text.lastIndexOf(needle), end: text.lastIndexOf(needle) + needle.length });
  const withoutCount = (a: Annotation): Annotation => {
    const { repeats: _r, repeatContext: _c, ...anchor } = a.anchor;
    return { ...a, anchor };
  };

  it('a sidecar written without the count (or before a caption was added) gets it when anything is saved', () => {
    const old = withoutCount(note('old', undefined, { anchor: makeAnchor(WITH_CAPTION, on(WITH_CAPTION, 'bridge opened')) }));
    const disk = new FakeSidecar(file(old));
    const saved = runSave(saveSidecarSteps('a.txt', WITH_CAPTION, add(note('ours'))), disk.io);
    const anchor = saved.sidecar.annotations.find(a => a.id === 'old')!.anchor;
    assert.equal(anchor.repeats, 1);
    assert.deepEqual(anchor, makeAnchor(WITH_CAPTION, on(WITH_CAPTION, 'bridge opened')));
    assert.deepEqual(withoutCount({ ...old, anchor }).anchor, old.anchor, 'nothing else of it changes');
    assert.deepEqual(disk.read()!.annotations.find(a => a.id === 'old')!.anchor, anchor, 'and that is what is written');
  });

  it('an anchor that does not describe the text as it is (moved, edited, written by hand) is left as it was', () => {
    const stale = withoutCount(note('stale', undefined, { anchor: makeAnchor(STORY, on(STORY, 'bridge opened')) }));
    const byHand = note('byhand', undefined, { anchor: { text: 'bridge opened', prefix: '', suffix: '', ...on(WITH_CAPTION, 'bridge opened') } });
    const disk = new FakeSidecar(file(stale, byHand));
    const saved = runSave(saveSidecarSteps('a.txt', WITH_CAPTION, list => list), disk.io);
    assert.deepEqual(saved.sidecar.annotations.map(a => a.anchor), [stale.anchor, byHand.anchor]);
  });

  it('the caption deleted: the count goes', () => {
    const counted = note('counted', undefined, { anchor: makeAnchor(WITH_CAPTION, on(WITH_CAPTION, 'bridge opened')) });
    const disk = new FakeSidecar(file(counted));
    // the story's sentence with the same offsets and context, the caption replaced by as many other characters
    const captionGone = WITH_CAPTION.replace(`Photo: ${SENTENCE}`, 'x'.repeat(`Photo: ${SENTENCE}`.length));
    const saved = runSave(saveSidecarSteps('a.txt', captionGone, list => list), disk.io);
    assert.deepEqual(saved.sidecar.annotations[0].anchor, withoutCount(counted).anchor);
  });
});
