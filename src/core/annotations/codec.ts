import { Document, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { firstInvalidUtf8 } from '../text/utf8';
import { ANNOTATION_KINDS, type Annotation, type Sidecar } from './model';

export interface SidecarProblem {
  message: string;
  /** 1-based line and column in the sidecar file. */
  line: number;
  column: number;
}

export interface ParsedSidecar {
  /** null when the file cannot be used: it must then be left untouched until the user fixes it. */
  sidecar: Sidecar | null;
  /** Why the file cannot be used. */
  problems: SidecarProblem[];
  /** What is read but ignored (unknown keys, an `article` naming another file): the file is still used. */
  warnings: SidecarProblem[];
}

/** Above this, a sidecar is refused rather than parsed. */
export const MAX_SIDECAR_BYTES = 5 * 1024 * 1024;
/** YAML aliases a sidecar may expand (ours are written without any): enough for hand-written ones, not for a “billion laughs”. */
export const MAX_SIDECAR_ALIASES = 50;

/** The keys of format version 1, per level, in the order they are written; anything else is reported and kept as written. */
export const SIDECAR_KEYS = {
  root: ['version', 'article', 'contentHash', 'annotations'],
  annotation: ['id', 'kind', 'label', 'note', 'date', 'links', 'author', 'created', 'updated', 'anchor'],
  links: ['entityId', 'speaker', 'eventId'],
  anchor: ['text', 'prefix', 'suffix', 'start', 'end', 'repeats', 'repeatContext'],
};

/** A sidecar that cannot be used, for one reason. */
export function refused(message: string, line = 1, column = 1): ParsedSidecar {
  return { sidecar: null, problems: [{ message, line, column }], warnings: [] };
}

/** The refusal of a sidecar of `size` bytes, for callers that check the size before reading the file. */
export function sidecarTooLarge(size: number): ParsedSidecar {
  return refused(`The annotations file is larger than ${MAX_SIDECAR_BYTES / 1048576} MB (${(size / 1048576).toFixed(1)} MB) and was not read.`);
}

/**
 * Reads a sidecar from its bytes: too large, or not UTF-8 (with the line and column of the first bad byte),
 * is a problem; a byte-order mark is skipped; the rest is parseSidecar.
 */
export function decodeSidecar(bytes: Uint8Array, article: string): ParsedSidecar {
  if (bytes.length > MAX_SIDECAR_BYTES) return sidecarTooLarge(bytes.length);
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const before = new TextDecoder().decode(bytes.subarray(0, bad)); // drops a byte-order mark, as editors do
    const lines = before.split('\n');
    return refused(`The annotations file is not valid UTF-8 (byte 0x${bytes[bad].toString(16).padStart(2, '0')} at offset ${bad}); save it as UTF-8.`, lines.length, lines[lines.length - 1].length + 1);
  }
  return parseSidecar(new TextDecoder().decode(bytes), article);
}

/**
 * Reads a sidecar leniently: every problem is returned with its line and column, nothing throws.
 * Alias bombs are cut off by a low alias limit; an empty file is an empty sidecar. The `article` field is
 * only a label for people: the sidecar belongs to `article` (the file it sits beside), whatever it says.
 */
export function parseSidecar(source: string, article: string): ParsedSidecar {
  const { problems, sidecar, warnings } = readSidecarDocument(source, article);
  return { sidecar, problems, warnings };
}

/** parseSidecar, with the YAML document read when the sidecar is usable (to edit the file in place: sidecarEdit.ts). */
export function readSidecarDocument(source: string, article: string): ParsedSidecar & { document?: Document.Parsed } {
  if (source.length > MAX_SIDECAR_BYTES) return sidecarTooLarge(source.length);
  if (!source.trim()) return { sidecar: { version: 1, article, contentHash: '', annotations: [] }, problems: [], warnings: [] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined) => { const p = lineCounter.linePos(offset ?? 0); return { line: p.line, column: p.col }; };
  const problems: SidecarProblem[] = doc.errors.map(e => ({ message: e.message.split('\n')[0], ...at(e.pos[0]) }));
  if (problems.length) return { sidecar: null, problems, warnings: [] };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_SIDECAR_ALIASES });
  } catch (e) {
    return refused(`Cannot read the annotations file: ${(e as Error).message}`);
  }
  const nodeAt = (path: (string | number)[]) => doc.getIn(path, true) as Node | undefined;
  const problem = (message: string, path: (string | number)[]) => problems.push({ message, ...at(nodeAt(path)?.range?.[0] ?? (path.length ? nodeAt(path.slice(0, -1))?.range?.[0] : 0)) });
  if (!isMap(doc.contents) || typeof data !== 'object' || data === null) {
    return refused('An annotations file must be a YAML mapping with `version` and `annotations`.');
  }
  const root = data as Record<string, unknown>;
  if (root.version !== 1) problem(`Unsupported version ${JSON.stringify(root.version)}: this extension reads version 1.`, ['version']);
  const list = root.annotations ?? [];
  if (!Array.isArray(list) || (root.annotations !== undefined && !isSeq(doc.get('annotations', true)))) {
    problem('`annotations` must be a list.', ['annotations']);
    return { sidecar: null, problems, warnings: [] };
  }
  const annotations: Annotation[] = [];
  const warnings: SidecarProblem[] = [];
  const ids = new Set<string>();
  list.forEach((raw, i) => {
    const where = (...rest: string[]) => ['annotations', i, ...rest];
    const a = raw as Record<string, any>;
    if (typeof a !== 'object' || a === null) return problem('Each annotation must be a mapping.', where());
    if (typeof a.id !== 'string' || !a.id) return problem('An annotation needs an `id`.', where());
    if (ids.has(a.id)) return problem(`Duplicate annotation id ${a.id}.`, where('id'));
    ids.add(a.id);
    if (!ANNOTATION_KINDS.includes(a.kind)) return problem(`Unknown kind ${JSON.stringify(a.kind)}; expected one of ${ANNOTATION_KINDS.join(', ')}.`, where('kind'));
    const anchor = a.anchor as Record<string, unknown> | undefined;
    if (!anchor || typeof anchor.text !== 'string') return problem('An annotation needs `anchor.text`.', where('anchor'));
    if (!Number.isInteger(anchor.start) || !Number.isInteger(anchor.end) || (anchor.start as number) < 0 || (anchor.end as number) < (anchor.start as number)) {
      return problem('`anchor.start` and `anchor.end` must be offsets with start ≤ end.', where('anchor'));
    }
    // a field of the wrong type is reported at its line, read as absent and kept as written (sidecarEdit.ts)
    const text = (value: unknown, ...path: string[]): string | undefined => {
      if (value == null || typeof value !== 'object') return value == null ? undefined : String(value);
      warnings.push({ message: `\`${path.join('.')}\` should be text, not a ${Array.isArray(value) ? 'list' : 'mapping'}: it is ignored, and kept as written.`, ...at(nodeAt(where(...path))?.range?.[0]) });
      return undefined;
    };
    let links: Record<string, unknown> = {};
    if (isMap(doc.getIn(where('links'), true))) links = a.links;
    else if (a.links != null) warnings.push({ message: `\`links\` should be a mapping (entityId, speaker, eventId), not ${Array.isArray(a.links) ? 'a list' : JSON.stringify(a.links)}: it is ignored, and kept as written.`, ...at(nodeAt(where('links'))?.range?.[0]) });
    const link = (key: string) => { const value = text(links[key], 'links', key); return value ? { [key]: value } : {}; };
    const label = text(a.label, 'label');
    const note = text(a.note, 'note');
    const date = text(a.date, 'date');
    const created = text(a.created, 'created');
    // look-alikes: a count that is not a whole number is reported and read as absent
    const count = (key: 'repeats' | 'repeatContext') => {
      const value = anchor[key];
      if (value == null) return undefined;
      if (Number.isInteger(value) && (value as number) >= 0) return value as number;
      warnings.push({ message: `\`anchor.${key}\` must be a whole number ≥ 0, not ${JSON.stringify(value)}: it is ignored, and kept as written until the look-alikes are counted again.`, ...at(nodeAt(where('anchor', key))?.range?.[0]) });
      return undefined;
    };
    const repeats = count('repeats');
    const repeatContext = count('repeatContext');
    annotations.push({
      id: a.id, kind: a.kind,
      ...(label !== undefined ? { label } : {}),
      ...(note ? { note } : {}),
      ...(date !== undefined ? { date } : {}),
      links: { ...link('entityId'), ...link('speaker'), ...link('eventId') },
      author: text(a.author, 'author') ?? '',
      created: created ?? '',
      updated: text(a.updated, 'updated') ?? created ?? '',
      anchor: {
        text: anchor.text, prefix: text(anchor.prefix, 'anchor', 'prefix') ?? '', suffix: text(anchor.suffix, 'anchor', 'suffix') ?? '',
        start: anchor.start as number, end: anchor.end as number,
        ...(repeats ? { repeats } : {}),
        ...(repeatContext !== undefined ? { repeatContext } : {}),
      },
    });
  });
  if (problems.length) return { sidecar: null, problems, warnings: [] };
  warnings.push(...unknownKeys(doc.contents).map(({ message, offset }) => ({ message, ...at(offset) })));
  if (root.article != null && String(root.article) !== article) {
    warnings.push({ message: `\`article\` says ${JSON.stringify(String(root.article))}, but this file belongs to ${JSON.stringify(article)}, the article beside it; the field is only a label, is ignored, and is corrected on the next save.`, ...at(nodeAt(['article'])?.range?.[0]) });
  }
  warnings.sort((a, b) => a.line - b.line || a.column - b.column);
  return { sidecar: { version: 1, article, contentHash: String(root.contentHash ?? ''), annotations }, problems, warnings, document: doc };
}

/** Keys format version 1 does not have, at every level, with where they are. */
function unknownKeys(root: YAMLMap): { message: string; offset: number }[] {
  const found: { message: string; offset: number }[] = [];
  const check = (map: unknown, known: string[], where: string) => {
    if (!isMap(map)) return;
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (!known.includes(key)) found.push({ message: `Unknown key \`${key}\`${where}: it is ignored, and kept as written.`, offset: (pair.key as Node | null)?.range?.[0] ?? 0 });
    }
  };
  check(root, SIDECAR_KEYS.root, '');
  const list = root.get('annotations', true);
  for (const item of isSeq(list) ? list.items : []) {
    check(item, SIDECAR_KEYS.annotation, ' in an annotation');
    if (isMap(item)) {
      check(item.get('links', true), SIDECAR_KEYS.links, ' in `links`');
      check(item.get('anchor', true), SIDECAR_KEYS.anchor, ' in `anchor`');
    }
  }
  return found;
}

/** Writes a sidecar with a stable key order and one block per annotation, so diffs and merges stay readable. */
export function serializeSidecar(sidecar: Sidecar): string {
  const ordered = {
    version: 1,
    article: sidecar.article,
    contentHash: sidecar.contentHash,
    annotations: [...sidecar.annotations].sort((a, b) => a.anchor.start - b.anchor.start || a.id.localeCompare(b.id)).map(annotationAsWritten),
  };
  const doc = new Document(ordered);
  doc.commentBefore = ` Source Annotator annotations for ${sidecar.article} (format: version 1, see the extension's README)`;
  return doc.toString(WRITE_OPTIONS);
}

/** How sidecars are laid out: no folded lines, list items indented under their key. */
export const WRITE_OPTIONS = { lineWidth: 0, indentSeq: true } as const;

/** An annotation as it is written: its keys in the order of SIDECAR_KEYS, absent ones left out. */
export function annotationAsWritten(a: Annotation): Record<string, unknown> {
  return {
    id: a.id,
    kind: a.kind,
    ...(a.label !== undefined ? { label: a.label } : {}),
    ...(a.note !== undefined ? { note: a.note } : {}),
    ...(a.date !== undefined ? { date: a.date } : {}),
    ...(Object.keys(a.links).length ? { links: { ...pick(a.links, ['entityId', 'speaker', 'eventId']) } } : {}),
    author: a.author,
    created: a.created,
    updated: a.updated,
    anchor: {
      text: a.anchor.text, prefix: a.anchor.prefix, suffix: a.anchor.suffix, start: a.anchor.start, end: a.anchor.end,
      ...(a.anchor.repeats ? { repeats: a.anchor.repeats } : {}),
      ...(a.anchor.repeatContext !== undefined ? { repeatContext: a.anchor.repeatContext } : {}),
    },
  };
}

function pick<T extends object>(o: T, keys: (keyof T)[]): Partial<T> {
  const out: Partial<T> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}
