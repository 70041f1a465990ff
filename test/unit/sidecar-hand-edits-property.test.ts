// Hand edits survive a save, property-based (fast-check): a sidecar edited at random by hand (comments and
// blank lines anywhere, keys and annotations in another order, keys of its own, fields of the wrong type,
// mappings written inline, CRLF), then a save that changes, adds or deletes one annotation: the result reads
// as exactly the intended annotations, and every line outside the annotation that changed is as it was.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { parseDocument, stringify } from 'yaml';
import { annotationAsWritten, parseSidecar, serializeSidecar, WRITE_OPTIONS } from '../../src/core/annotations/codec';
import { sameAnnotation } from '../../src/core/annotations/merge';
import { ANNOTATION_KINDS, type Annotation, type Sidecar } from '../../src/core/annotations/model';
import { editSidecarText } from '../../src/core/annotations/sidecarEdit';

const words = fc.constantFrom('Kim Jong Un', 'null', 'yes', '# not a comment', 'a: b', '"quoted"', "it's", '2019', ' spaces ', '- dash', '{x}', '😀', 'person:kim-jong-un');
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const annotation = fc.record({
  kind: fc.constantFrom(...ANNOTATION_KINDS), label: maybe(words), note: maybe(words), entityId: maybe(words),
  start: fc.nat(1000), length: fc.nat(40), repeats: maybe(fc.integer({ min: 1, max: 3 })),
}).map((r): Omit<Annotation, 'id'> => ({
  kind: r.kind, ...(r.label !== undefined ? { label: r.label } : {}), ...(r.note ? { note: r.note } : {}),
  links: r.entityId ? { entityId: r.entityId } : {}, author: 'Reporter', created: '2019-02-27T09:00:00.000Z', updated: '2019-02-27T09:00:00.000Z',
  anchor: { text: 'x'.repeat(r.length), prefix: 'before ', suffix: '', start: r.start, end: r.start + r.length, ...(r.repeats ? { repeats: r.repeats } : {}) },
}));

type Change =
  | { op: 'edit'; target: number; field: 'label' | 'note' | 'entityId' | 'move' | 'repeats'; value: string | undefined }
  | { op: 'add'; added: Omit<Annotation, 'id'> }
  | { op: 'delete'; target: number }
  | { op: 'none' };

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ op: fc.constant('edit' as const), target: fc.nat(), field: fc.constantFrom('label' as const, 'note' as const, 'entityId' as const, 'move' as const, 'repeats' as const), value: maybe(words) }),
  fc.record({ op: fc.constant('add' as const), added: annotation }),
  fc.record({ op: fc.constant('delete' as const), target: fc.nat() }),
  fc.constant({ op: 'none' as const }),
);

/** A small deterministic random source, so one integer describes every hand edit. */
function randomFrom(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (s + 0x6d2b79f5) >>> 0; let t = Math.imul(s ^ (s >>> 15), 1 | s); t ^= t + Math.imul(t ^ (t >>> 7), 61 | t); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

/** `sidecar` as someone might have written it by hand, decided by `random`. */
function handWritten(sidecar: Sidecar, random: () => number): string {
  const chance = (p: number) => random() < p;
  const shuffle = <T>(xs: T[]) => xs.map(x => [random(), x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);
  const field = (key: string, value: unknown, indent: number) => stringify({ [key]: value }, WRITE_OPTIONS).replace(/^/gm, ' '.repeat(indent)).replace(/ +$/, '');
  const header = [field('version', 1, 0), field('article', sidecar.article, 0), field('contentHash', sidecar.contentHash, 0), ...(chance(0.5) ? ['reviewer: kim\n'] : [])];
  let text = shuffle(header).join('') + 'annotations:\n';
  for (const a of shuffle(sidecar.annotations)) {
    const written = annotationAsWritten(a);
    const entries = Object.entries(written).filter(([key]) => key !== 'anchor').map(([key, value]) => field(key, value, 4));
    const anchor = written.anchor as Record<string, unknown>;
    if (chance(0.3)) entries.push(`    anchor: ${stringify(anchor, { ...WRITE_OPTIONS, collectionStyle: 'flow' })}`);
    else entries.push('    anchor:\n' + shuffle([...Object.entries(anchor).map(([key, value]) => field(key, value, 6)), ...(chance(0.3) ? ['      length: 3\n'] : [])]).join(''));
    if (written.label === undefined && chance(0.3)) entries.push('    label: [Kim, Jong, Un]\n');
    if (written.note === undefined && chance(0.3)) entries.push('    note: {reviewed: yes}\n');
    if (written.links === undefined && chance(0.3)) entries.push('    links: person:kim-jong-un\n');
    if (chance(0.3)) entries.push('    desk: foreign\n');
    const ordered = chance(0.5) ? shuffle(entries) : entries;
    text += ordered.join('').replace(/^ {4}/, '  - ');
  }
  const lines = text.split('\n').slice(0, -1);
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (chance(0.1)) out.push(`${' '.repeat(Math.floor(random() * 7))}# note ${i}`);
    if (chance(0.03)) out.push('');
    out.push(chance(0.1) ? `${line} # on line ${i}` : line);
  });
  const written = out.join('\n') + '\n';
  return chance(0.2) ? written.replace(/\n/g, '\r\n') : written;
}

function applyChange(list: Annotation[], c: Change): Annotation[] {
  if (c.op === 'none') return list;
  if (c.op === 'add') return [...list, { id: 'a-new', ...c.added }];
  const target = list[c.target % list.length];
  if (c.op === 'delete') return list.filter(a => a !== target);
  const edited: Annotation = JSON.parse(JSON.stringify(target));
  if (c.field === 'label' || c.field === 'note') edited[c.field] = c.value;
  else if (c.field === 'entityId') edited.links = c.value ? { entityId: c.value } : {};
  else if (c.field === 'move') edited.anchor = { ...edited.anchor, start: edited.anchor.start + 3, end: edited.anchor.end + 3 };
  else edited.anchor = { ...edited.anchor, repeats: c.value ? 2 : undefined };
  if (edited.note === '') delete edited.note;
  return list.map(a => (a === target ? edited : a));
}

/** Whether `after` is `before` with lines inserted at one place. */
function insertedInto(before: string[], after: string[]): boolean {
  let head = 0;
  while (head < before.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return after.length >= before.length && head + tail >= before.length;
}

/** Whether every line of `before` outside lines [from, to] is in `after`, in place before them and after them. */
function keptAround(before: string[], after: string[], [from, to]: [number, number]): boolean {
  const tail = before.length - 1 - to;
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((line, i) => line === b[i]);
  return after.length >= from + tail && same(after.slice(0, from), before.slice(0, from)) && same(after.slice(after.length - tail), before.slice(to + 1));
}

/** The lines of the annotation `id` in `text`: [first, last]. */
function linesOf(text: string, id: string): [number, number] {
  const doc = parseDocument(text);
  const item = (doc.get('annotations') as { items: { get(k: string): unknown; range: [number, number, number] }[] }).items.find(i => i.get('id') === id)!;
  const lineOf = (at: number) => text.slice(0, at).split('\n').length - 1;
  return [lineOf(item.range[0]), lineOf(text.slice(0, item.range[1]).trimEnd().length - 1)];
}

const byId = (list: Annotation[]) => new Map(list.map(a => [a.id, a]));

describe('sidecar hand edits: property (fast-check)', () => {
  it('a save changes only the lines of the annotation it changes, and reads back as intended', function () {
    this.timeout(120_000); // a few seconds; more on a loaded machine
    fc.assert(fc.property(fc.array(annotation, { minLength: 2, maxLength: 5 }), fc.integer(), change, (drafts, seed, c) => {
      const sidecar: Sidecar = { version: 1, article: 'a.txt', contentHash: 'cyrb53:00000000000001', annotations: drafts.map((a, i) => ({ id: `a-${i}`, ...a })) };
      const hand = handWritten(sidecar, randomFrom(seed));
      const read = parseSidecar(hand, 'a.txt');
      assert.deepEqual(read.problems, [], hand);
      const intended: Sidecar = { ...sidecar, annotations: applyChange(read.sidecar!.annotations, c) };
      const output = editSidecarText(hand, intended);

      const back = byId(parseSidecar(output, 'a.txt').sidecar?.annotations ?? []);
      const expected = parseSidecar(serializeSidecar(intended), 'a.txt').sidecar!.annotations;
      assert.equal(back.size, expected.length, output);
      for (const a of expected) assert.ok(back.has(a.id) && sameAnnotation(back.get(a.id)!, a), `${a.id}\n${output}`);

      const [before, after] = [hand.split('\n'), output.split('\n')];
      if (c.op === 'none') return assert.equal(output, hand);
      if (c.op === 'add') {
        assert.ok(insertedInto(before, after), `a pure insertion\n${hand}\n---\n${output}`);
        const order = [...back.keys()];
        const next = read.sidecar!.annotations.find(a => a.anchor.start > c.added.anchor.start);
        assert.equal(order[order.indexOf('a-new') + 1], next?.id, 'before the first that starts further on');
        return;
      }
      const target = read.sidecar!.annotations[c.target % read.sidecar!.annotations.length].id;
      const span = linesOf(hand, target);
      assert.ok(keptAround(before, after, span), `only ${target} changed\n${hand}\n---\n${output}`);
    }), { numRuns: 300, seed: 12 });
  });
});
