import { Document, isMap, isPair, isScalar, isSeq, Scalar, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { annotationAsWritten, parseSidecar, readSidecarDocument, serializeSidecar, SIDECAR_KEYS, WRITE_OPTIONS } from './codec';
import { sameAnnotation } from './merge';
import type { Annotation, Sidecar } from './model';

/*
 * Saving over a sidecar someone may have edited by hand. The file on disk is changed only where the
 * annotations changed: an annotation left as it was keeps its text byte for byte; a changed field has only its
 * value replaced (or its line added or removed); a deleted annotation loses its block; a new one is inserted
 * before the first annotation further on in the article. Comments, blank lines, key order, quoting, unknown
 * keys and fields of the wrong type (which the reader reports and ignores) are left as they are.
 * The edits are splices of the text at the places the YAML parser gives for each node; the values put in are
 * written by the yaml library, as serializeSidecar writes them. A mapping written inline (`{text: x, start: 0}`)
 * cannot be edited line by line: it is changed through the library and written again, inline, as a whole.
 */

type Fields = Record<string, unknown>;

/** The keys of the mappings inside an annotation. */
const INNER_KEYS: Record<string, readonly string[]> = { links: SIDECAR_KEYS.links, anchor: SIDECAR_KEYS.anchor };

/**
 * The text of `sidecar` written over `previous`, the sidecar's text as the save read it: only what changed is
 * changed. Without a previous text (a new file), or one that cannot be read, it is serializeSidecar's.
 */
export function editSidecarText(previous: string | undefined, sidecar: Sidecar, maxBytes?: number): string {
  const bom = previous?.startsWith('\uFEFF') ? '\uFEFF' : '';
  const source = previous?.slice(bom.length) ?? '';
  if (!source.trim()) return serializeSidecar(sidecar);
  const { sidecar: before, document: doc } = readSidecarDocument(source, sidecar.article, maxBytes);
  if (!before || !doc || !isMap(doc.contents) || doc.contents.flow) return serializeSidecar(sidecar);
  let edited: string | undefined;
  try {
    const text = new SidecarText(source, doc);
    text.editHeader(doc.contents, sidecar, before.published);
    text.editAnnotations(doc.contents, before.annotations, sidecar.annotations);
    edited = text.result();
  } catch {
    // a shape not foreseen (an annotation written as an alias…): written afresh, below
  }
  // the safety net: what is written must read back as exactly these annotations
  return edited !== undefined && readsBackAs(edited, sidecar) ? bom + edited : serializeSidecar(sidecar);
}

class SidecarText {
  private readonly splices: { start: number; end: number; text: string }[] = [];
  private readonly lineBreak: string;

  constructor(private readonly source: string, private readonly doc: Document) {
    this.lineBreak = source.includes('\r\n') ? '\r\n' : '\n';
  }

  editHeader(root: YAMLMap, sidecar: Sidecar, published: string | undefined): void {
    for (const key of ['version', 'article', 'contentHash'] as const) {
      const pair = findPair(root, key);
      const written = pair && isScalar(pair.value) ? pair.value.value : undefined;
      if (written != null ? String(written) === String(sidecar[key]) : !pair && sidecar[key] === '') continue;
      this.setField(root, key, sidecar[key], SIDECAR_KEYS.root);
    }
    // the publication date: changed only when the user changed it (one written wrongly by hand stays as written)
    if (published === sidecar.published) return;
    const pair = findPair(root, 'published');
    if (sidecar.published !== undefined) this.setField(root, 'published', sidecar.published, SIDECAR_KEYS.root);
    else if (pair) this.removePair(root, pair);
  }

  editAnnotations(root: YAMLMap, before: Annotation[], after: Annotation[]): void {
    const pair = findPair(root, 'annotations');
    const list = pair?.value;
    const afterById = new Map(after.map(a => [a.id, a]));
    const ids = new Set(before.map(a => a.id));
    const added = after.filter(a => !ids.has(a.id)).sort((a, b) => a.anchor.start - b.anchor.start || a.id.localeCompare(b.id));
    if (!isSeq(list) || !list.items.length) {
      if (added.length) this.setField(root, 'annotations', added.map(annotationAsWritten), SIDECAR_KEYS.root);
      return;
    }
    if (!added.length && !before.some(a => afterById.has(a.id))) return this.replaceValue(pair!, 'annotations', []);
    // where a new annotation goes: before the first one kept that starts further on
    const next = (a: Annotation) => before.findIndex(old => (afterById.get(old.id)?.anchor.start ?? -1) > a.anchor.start);
    if (list.flow) {
      return this.rewriteInline(list, seq => {
        const items: unknown[] = [];
        const insert = (i: number) => { for (const a of added) if (next(a) === i) items.push(this.doc.createNode(annotationAsWritten(a))); };
        before.forEach((old, i) => {
          insert(i);
          const now = afterById.get(old.id);
          if (now) items.push(seq.items[i]);
          if (now) changeInline(this.doc, seq.items[i] as YAMLMap, annotationAsWritten(old), annotationAsWritten(now), SIDECAR_KEYS.annotation);
        });
        insert(-1);
        seq.items = items;
      });
    }
    const items = list.items as Node[];
    before.forEach((old, i) => {
      const now = afterById.get(old.id);
      if (!now) this.splice(this.itemStart(items[i]), this.lineEnd(this.end(items[i])), '');
      else this.editMap(items[i] as YAMLMap, annotationAsWritten(old), annotationAsWritten(now), SIDECAR_KEYS.annotation);
    });
    const indent = this.column(list.range![0]);
    for (const a of added) {
      const i = next(a);
      const at = i < 0 ? this.lineEnd(this.end(items[items.length - 1])) : this.withCommentsAbove(this.itemStart(items[i]));
      this.insertLines(at, ' '.repeat(indent) + indentLines(new Document([annotationAsWritten(a)]).toString(WRITE_OPTIONS), indent));
    }
  }

  result(): string {
    let out = '';
    let at = 0;
    for (const s of [...this.splices].sort((a, b) => a.start - b.start || a.end - b.end)) {
      const start = Math.max(s.start, at); // never overlap: an insertion inside a removed stretch goes after it
      out += this.source.slice(at, start) + s.text;
      at = Math.max(at, s.end);
    }
    return out + this.source.slice(at);
  }

  /** Edits a mapping key by key: unchanged fields are not touched, nor are keys the format does not have. */
  private editMap(map: YAMLMap, before: Fields, after: Fields, keys: readonly string[]): void {
    if (!isMap(map)) throw new Error('not a mapping');
    if (map.flow) return this.rewriteInline(map, m => changeInline(this.doc, m, before, after, keys));
    for (const key of keys) {
      if (same(before[key], after[key])) continue;
      const pair = findPair(map, key);
      const inner = INNER_KEYS[key];
      const value = pair?.value;
      // a mapping that keeps keys of its own (unknown ones, or of the wrong type) is edited inside, not replaced
      if (inner && isMap(value) && (after[key] !== undefined || value.items.some(p => (before[key] as Fields | undefined)?.[keyOf(p)] === undefined))) {
        this.editMap(value, (before[key] ?? {}) as Fields, (after[key] ?? {}) as Fields, inner);
      } else if (after[key] === undefined) {
        if (pair) this.removePair(map, pair);
      } else this.setField(map, key, after[key], keys);
    }
  }

  private setField(map: YAMLMap, key: string, value: unknown, keys: readonly string[]): void {
    const pair = findPair(map, key);
    if (pair) return this.replaceValue(pair, key, value);
    // a new key goes after the nearest key that comes before it in the format's order (else after the last)
    const rank = (p: Pair) => keys.indexOf(keyOf(p));
    const after = map.items.filter(p => rank(p) >= 0 && rank(p) < keys.indexOf(key)).sort((a, b) => rank(a) - rank(b)).pop() ?? map.items[map.items.length - 1];
    const indent = this.column((map.items[0].key as Node).range![0]);
    this.insertLines(this.pairEnd(after), ' '.repeat(indent) + renderField(key, value, indent, false) + '\n');
  }

  /** Replaces what follows `key:`, up to the end of the value (a comment after it stays). */
  private replaceValue(pair: Pair, key: string, value: unknown): void {
    const colon = this.source.indexOf(':', (pair.key as Node).range![1]);
    const node = pair.value as Node | null;
    const end = node?.range ? Math.max(colon + 1, this.end(node)) : colon + 1;
    const commentAfter = this.source.slice(end, this.lineEnd(end)).trim() !== '';
    const indent = this.column((pair.key as Node).range![0]);
    // text that was quoted is quoted the same way
    if (isScalar(node) && typeof value === 'string' && !value.includes('\n') && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) {
      value = Object.assign(new Scalar(value), { type: node.type });
    }
    this.splice(colon + 1, end, renderField(key, value, indent, commentAfter).slice(key.length + 1));
  }

  private removePair(map: YAMLMap, pair: Pair): void {
    const start = (pair.key as Node).range![0];
    const lineStart = this.lineStart(start);
    if (!this.source.slice(lineStart, start).trim()) return this.splice(lineStart, this.pairEnd(pair), '');
    // the first key of a list item, on the line of its `-`: the next key takes its place
    const next = map.items[map.items.indexOf(pair) + 1];
    if (next) this.splice(start, (next.key as Node).range![0], '');
  }

  /** Changes a mapping or list written inline through the yaml library, and writes it again, inline. */
  private rewriteInline<T extends YAMLMap | YAMLSeq>(node: T, change: (node: T) => void): void {
    const range = node.range!;
    change(node);
    Object.assign(node, { comment: undefined, commentBefore: undefined, spaceBefore: false }); // they stay where they are
    this.splice(range[0], range[1], new Document(node).toString(WRITE_OPTIONS).replace(/\n$/, ''));
  }

  private splice(start: number, end: number, text: string): void {
    this.splices.push({ start, end, text: this.lineBreak === '\n' ? text : text.replace(/\n/g, this.lineBreak) });
  }

  private insertLines(at: number, lines: string): void {
    this.splice(at, at, at > 0 && this.source[at - 1] !== '\n' ? `\n${lines}` : lines);
  }

  /** The end of a key's value, with the rest of its last line. */
  private pairEnd(pair: Pair): number {
    return this.lineEnd(this.end((pair.value ?? pair.key) as Node));
  }

  /**
   * Where a node's own text ends: the end of its last value for a mapping or list written as lines (their
   * range may take in the comment lines after them, and the indentation of the next line).
   */
  private end(node: Node): number {
    if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length) {
      const last = node.items[node.items.length - 1] as Node | Pair;
      return this.end((isPair(last) ? last.value ?? last.key : last) as Node);
    }
    let end = node.range![1];
    while (end > node.range![0] && /\s/.test(this.source[end - 1])) end--;
    return end;
  }

  /** The start of the line of a list item's `-`. */
  private itemStart(item: Node): number {
    let p = item.range![0] - 1;
    while (p >= 0 && /\s/.test(this.source[p])) p--;
    return this.lineStart(this.source[p] === '-' ? p : item.range![0]);
  }

  /** The start of the comment lines right above `lineStart`, which belong to what follows them. */
  private withCommentsAbove(lineStart: number): number {
    let at = lineStart;
    while (at > 0) {
      const above = this.lineStart(at - 1);
      if (!this.source.slice(above, at).trim().startsWith('#')) break;
      at = above;
    }
    return at;
  }

  private lineStart(at: number): number {
    return this.source.lastIndexOf('\n', at - 1) + 1;
  }

  /** `at` if it starts a line, else the start of the next line (or the end of the text). */
  private lineEnd(at: number): number {
    if (at > 0 && this.source[at - 1] === '\n') return at;
    const next = this.source.indexOf('\n', at);
    return next < 0 ? this.source.length : next + 1;
  }

  private column(at: number): number {
    return at - this.lineStart(at);
  }
}

/** The same change as editMap, on a node that is written again as a whole. */
function changeInline(doc: Document, map: YAMLMap, before: Fields, after: Fields, keys: readonly string[]): void {
  for (const key of keys) {
    if (same(before[key], after[key])) continue;
    const value = map.get(key, true);
    if (after[key] === undefined) map.delete(key);
    else if (INNER_KEYS[key] && isMap(value)) changeInline(doc, value, (before[key] ?? {}) as Fields, after[key] as Fields, INNER_KEYS[key]);
    else map.set(key, doc.createNode(after[key]));
  }
}

/**
 * `key: value` as the yaml library writes it, its lines after the first indented under a key at column
 * `indent`. `oneLine`: a comment follows on the line, so text is not written as a block (`|-`) below it.
 */
function renderField(key: string, value: unknown, indent: number, oneLine: boolean): string {
  const text = new Document({ [key]: value }).toString({ ...WRITE_OPTIONS, ...(oneLine ? { blockQuote: false } : {}) });
  return indentLines(text, indent).replace(/\n$/, '');
}

function indentLines(text: string, indent: number): string {
  return text.replace(/^(?=[^\n])/gm, ' '.repeat(indent)).slice(indent);
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find(p => keyOf(p) === key);
}

function keyOf(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Whether `text` reads as the annotations of `sidecar` (as its own serialisation would). */
function readsBackAs(text: string, sidecar: Sidecar): boolean {
  const parsed = parseSidecar(text, sidecar.article).sidecar;
  const read = parsed?.annotations;
  if (!read || parsed.published !== sidecar.published) return false;
  const matches = (expected: Annotation[]) => {
    const byId = new Map(read.map(a => [a.id, a]));
    return expected.length === read.length && expected.every(a => byId.has(a.id) && sameAnnotation(byId.get(a.id)!, a));
  };
  return matches(sidecar.annotations) || matches(parseSidecar(serializeSidecar(sidecar), sidecar.article).sidecar!.annotations);
}
