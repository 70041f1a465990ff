// A sidecar edited by hand (comments, its own order, keys of its own, fields of the wrong type) keeps all of
// it when the extension or the CLI saves: only what the save changes is changed.
import * as assert from 'node:assert/strict';
import { parseSidecar, serializeSidecar } from '../../src/core/annotations/codec';
import type { Annotation, Sidecar } from '../../src/core/annotations/model';
import { runSave, saveSidecarSteps, type SaveStep } from '../../src/core/annotations/save';
import { editSidecarText } from '../../src/core/annotations/sidecarEdit';
import { contentHash } from '../../src/core/text/hash';

const ARTICLE = 'Donald Trump met Kim Jong Un in Hanoi. Kim said: "We have overcome all the obstacles."';

const HAND_EDITED = `# Source Annotator annotations for a.txt
# Checked by the desk on Monday.

version: 1
article: a.txt
contentHash: "cyrb53:00000000000001"
reviewer: kim   # a key of our own
annotations:
  # the leader
  - id: a-1
    kind: person   # not a place
    label: [Kim, Jong, Un]
    note: {reviewed: yes}
    links: person:kim-jong-un
    desk: foreign
    author: 'Reporter'
    created: 2019-02-27T09:00:00.000Z
    anchor:
      text: Kim Jong Un
      start: 17
      end: 28
      length: 11
  - kind: quote
    id: a-2
    anchor: {text: We have overcome all the obstacles., start: 50, end: 85}
    author: Reporter
    note: "to check"
`;

const parse = (text: string) => parseSidecar(text, 'a.txt');

/** Saves `change` over `text` as the extension and the CLI do, and returns what is written. */
function save(text: string, change: (list: Annotation[]) => Annotation[]): string {
  let bytes = new TextEncoder().encode(text);
  runSave(saveSidecarSteps('a.txt', ARTICLE, change), (step: SaveStep) => {
    if (step.op === 'read') return bytes;
    if (step.op === 'commit') bytes = new TextEncoder().encode(step.content);
    return undefined;
  });
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

/** The hand-edited file with the article's content hash, which every save records (in the same quotes). */
const withHash = (text: string) => text.replace('"cyrb53:00000000000001"', JSON.stringify(contentHash(ARTICLE)));

/** The annotation `id` changed by `edit`, the others as they are. */
const changing = (id: string, edit: (a: Annotation) => Annotation) => (list: Annotation[]) => list.map(a => (a.id === id ? edit(a) : a));

describe('sidecar hand edits: what the reader says', () => {
  it('a field of the wrong type is reported at its line, ignored, and said to be kept', () => {
    const parsed = parse(HAND_EDITED);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.warnings.map(w => [w.message.replace(/:.*/, ''), w.line]), [
      ['Unknown key `reviewer`', 7],
      ['`label` should be text, not a list', 12],
      ['`note` should be text, not a mapping', 13],
      ['`links` should be a mapping (entityId, speaker, eventId, claimant), not "person', 14],
      ['Unknown key `desk` in an annotation', 15],
      ['Unknown key `length` in `anchor`', 22],
    ]);
    assert.ok(parsed.warnings.every(w => /kept as written\.$/.test(w.message)), 'nothing is said to be dropped');
    const [kim] = parsed.sidecar!.annotations;
    assert.deepEqual([kim.label, kim.note, kim.links], [undefined, undefined, {}]);
  });

  it('numbers and booleans are still read as text; a mapping or list inside `links` or `anchor` is ignored', () => {
    const source = 'version: 1\nannotations:\n  - id: a-1\n    kind: note\n    label: 2019\n    author: true\n    links:\n      entityId: [x]\n      speaker: kim\n    anchor:\n      text: x\n      prefix: {a: 1}\n      start: 0\n      end: 1\n';
    const parsed = parse(source);
    const [a] = parsed.sidecar!.annotations;
    assert.deepEqual([a.label, a.author, a.links, a.anchor.prefix], ['2019', 'true', { speaker: 'kim' }, '']);
    assert.deepEqual(parsed.warnings.map(w => [w.message.replace(/ should.*/, ''), w.line]), [['`links.entityId`', 8], ['`anchor.prefix`', 12]]);
  });
});

describe('sidecar hand edits: a save keeps them', () => {
  it('a save that changes nothing writes the file back as it was (but for the content hash)', () => {
    const written = save(HAND_EDITED, l => l);
    assert.equal(written, withHash(HAND_EDITED));
  });

  it('comments, unknown keys, key order, quoting and wrong-typed fields survive a change to another annotation', () => {
    const written = save(HAND_EDITED, changing('a-2', a => ({ ...a, note: 'checked', updated: '2019-03-01T00:00:00.000Z' })));
    const expected = withHash(HAND_EDITED).replace('    author: Reporter\n    note: "to check"\n', '    author: Reporter\n    updated: 2019-03-01T00:00:00.000Z\n    note: "checked"\n');
    assert.equal(written, expected);
    for (const kept of ['# Checked by the desk', 'reviewer: kim   # a key of our own', '  # the leader', 'kind: person   # not a place', 'label: [Kim, Jong, Un]', 'note: {reviewed: yes}', 'links: person:kim-jong-un', 'desk: foreign', "author: 'Reporter'", 'length: 11', '  - kind: quote\n    id: a-2']) {
      assert.ok(written.includes(kept), kept);
    }
  });

  it('a changed field has only its value replaced; a wrong-typed field the save changes is replaced', () => {
    const written = save(HAND_EDITED, changing('a-1', a => ({ ...a, label: 'Kim Jong Un', links: { entityId: 'person:kim-jong-un' } })));
    assert.equal(written, withHash(HAND_EDITED).replace('label: [Kim, Jong, Un]', 'label: Kim Jong Un').replace('links: person:kim-jong-un', 'links:\n      entityId: person:kim-jong-un'));
    assert.deepEqual(parse(written).sidecar!.annotations[0].links, { entityId: 'person:kim-jong-un' });
  });

  it('a field removed loses its line; one added goes after the key before it in the format’s order', () => {
    const written = save(HAND_EDITED, changing('a-2', a => ({ ...a, note: undefined, label: 'Kim' })));
    assert.equal(written, withHash(HAND_EDITED).replace('    note: "to check"\n', '').replace('  - kind: quote\n', '  - kind: quote\n    label: Kim\n'));
  });

  it('a mapping written inline is written again inline, keeping its keys of its own', () => {
    const source = HAND_EDITED.replace('anchor: {text: We have overcome all the obstacles., start: 50, end: 85}', 'anchor: {text: We have overcome all the obstacles., start: 50, end: 85, checked: yes} # moved');
    const written = editSidecarText(source, { ...parse(source).sidecar!, annotations: parse(source).sidecar!.annotations.map(a => (a.id === 'a-2' ? { ...a, anchor: { ...a.anchor, start: 51, end: 86 } } : a)) });
    assert.match(written, /\n {4}anchor: \{ text: We have overcome all the obstacles\., start: 51, end: 86, checked: yes \} # moved\n/);
  });

  it('a deleted annotation loses its block; a new one goes before the first that starts further on', () => {
    const deleted = save(HAND_EDITED, list => list.filter(a => a.id !== 'a-1'));
    assert.equal(deleted, withHash(HAND_EDITED).replace(/ {2}- id: a-1\n[\s\S]*?length: 11\n/, ''));
    const added: Annotation = { id: 'a-3', kind: 'place', label: 'Hanoi', links: {}, author: 'Reporter', created: '2019-02-28T00:00:00.000Z', updated: '2019-02-28T00:00:00.000Z', anchor: { text: 'Hanoi', prefix: '', suffix: '', start: 32, end: 37 } };
    const written = save(HAND_EDITED, list => [...list, added]);
    const block = serializeSidecar({ version: 1, article: 'a.txt', contentHash: '', annotations: [added] }).split('annotations:\n')[1];
    assert.equal(written, withHash(HAND_EDITED).replace('  - kind: quote\n', `${block}  - kind: quote\n`));
    assert.deepEqual(parse(written).sidecar!.annotations.map(a => a.id), ['a-1', 'a-3', 'a-2']);
  });

  it('every annotation deleted: `annotations: []`, the rest of the file kept', () => {
    const written = save(HAND_EDITED, () => []);
    assert.equal(written, withHash(HAND_EDITED).replace(/annotations:\n[\s\S]*$/, 'annotations: []\n'));
  });

  it('CRLF line ends and a byte-order mark are kept, new lines included', () => {
    const source = '\uFEFF' + HAND_EDITED.replace(/\n/g, '\r\n');
    const written = save(source, changing('a-2', a => ({ ...a, label: 'Kim' })));
    assert.ok(written.startsWith('\uFEFF'));
    assert.equal(written.replace(/\r\n/g, ''), written.replace(/\n/g, '').replace(/\r/g, ''), 'no lone LF');
    assert.equal(written, '\uFEFF' + withHash(HAND_EDITED).replace('  - kind: quote\n', '  - kind: quote\n    label: Kim\n').replace(/\n/g, '\r\n'));
  });

  it('a list of annotations written inline stays inline: changed, deleted and added annotations in place', () => {
    const source = '# inline\nversion: 1\narticle: a.txt\ncontentHash: "cyrb53:00000000000001"\nannotations: [{id: a-1, kind: note, mine: 1, anchor: {text: Kim, start: 17, end: 20}}, {id: a-2, kind: note, anchor: {text: We, start: 50, end: 52}}]\n';
    const added: Annotation = { id: 'a-3', kind: 'place', links: {}, author: '', created: '', updated: '', anchor: { text: 'Hanoi', prefix: '', suffix: '', start: 32, end: 37 } };
    const written = save(source, list => [{ ...list[0], label: 'Kim' }, added]);
    const lines = written.split('\n');
    assert.deepEqual(lines.slice(0, 4), withHash(source).split('\n').slice(0, 4));
    assert.match(lines[4], /^annotations: \[ \{ id: a-1, kind: note, mine: 1, anchor: \{ text: Kim, start: 17, end: 20 \}, label: Kim \}, \{ id: a-3, .*start: 32, end: 37 \} \} \]$/);
    assert.deepEqual(parse(written).sidecar!.annotations.map(a => [a.id, a.label]), [['a-1', 'Kim'], ['a-3', undefined]]);
  });

  it('an annotation written inline in a list of lines is written again inline; YAML anchors and aliases are kept', () => {
    const source = 'version: 1\nannotations:\n  - {id: a-1, kind: note, anchor: {text: Kim, start: 17, end: 20}} # short\n  - id: a-2\n    kind: note\n    anchor: {text: We, start: 50, end: 52}\n';
    const written = editSidecarText(source, { ...parse(source).sidecar!, annotations: parse(source).sidecar!.annotations.map(a => (a.id === 'a-1' ? { ...a, note: 'checked' } : a)) });
    assert.equal(written, source.replace('end: 20}} # short', 'end: 20}} # short').replace('  - {id: a-1, kind: note, anchor: {text: Kim, start: 17, end: 20}}', '  - { id: a-1, kind: note, anchor: { text: Kim, start: 17, end: 20 }, note: checked }').replace('version: 1\n', 'version: 1\narticle: a.txt\n'));
    const aliased = 'version: 1\narticle: a.txt\nannotations:\n  - id: a-1\n    kind: note\n    author: &me Reporter\n    anchor: {text: Kim, start: 17, end: 20}\n  - id: a-2\n    kind: note\n    author: *me\n    anchor: {text: We, start: 50, end: 52}\n';
    const relabelled = editSidecarText(aliased, { ...parse(aliased).sidecar!, annotations: parse(aliased).sidecar!.annotations.map(a => ({ ...a, label: a.id })) });
    assert.equal(relabelled, aliased.replace(/kind: note\n/g, (line, at: number) => `${line}    label: ${at < 60 ? 'a-1' : 'a-2'}\n`));
  });

  it('`article` naming another file is corrected where it is', () => {
    const written = save(HAND_EDITED.replace('article: a.txt', 'article: "../b.txt" # copied'), l => l);
    assert.equal(written, withHash(HAND_EDITED).replace('article: a.txt', 'article: "a.txt" # copied'));
  });

  it('a new file, or an empty one, is written exactly as serializeSidecar writes it', () => {
    const sidecar: Sidecar = { ...parse(HAND_EDITED).sidecar! };
    for (const previous of [undefined, '', '\n  \n']) assert.equal(editSidecarText(previous, sidecar), serializeSidecar(sidecar));
  });
});
