import { Document, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { firstInvalidUtf8 } from '../text/utf8';
import { conflictMarkerLine } from './conflictMarkers';
import { toDay } from '../dates/calendar';
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
  root: ['version', 'article', 'contentHash', 'published', 'annotations'],
  annotation: ['id', 'kind', 'label', 'note', 'date', 'rating', 'links', 'author', 'created', 'updated', 'anchor'],
  links: ['entityId', 'speaker', 'eventId', 'claimant'],
  anchor: ['text', 'prefix', 'suffix', 'start', 'end', 'repeats', 'repeatContext'],
};

/** A sidecar that cannot be used, for one reason. */
export function refused(message: string, line = 1, column = 1): ParsedSidecar {
  return { sidecar: null, problems: [{ message, line, column }], warnings: [] };
}

/** The refusal of a sidecar of `size` bytes, for callers that check the size before reading the file. */
export function sidecarTooLarge(size: number, maxBytes = MAX_SIDECAR_BYTES): ParsedSidecar {
  return refused(`The annotations file is larger than ${sizeInWords(maxBytes)} (${sizeInWords(size, 1)}) and was not read. The limit is the setting sourceAnnotator.maxSidecarSizeKB (--max-sidecar-kb on the command line).`);
}

/** A size as people say it: "5 MB", "5.4 MB", "300 KB", "200 bytes". */
export function sizeInWords(bytes: number, digits = 0): string {
  if (bytes >= 1048576) return `${Number((bytes / 1048576).toFixed(digits))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(digits))} KB`;
  return `${bytes} bytes`;
}

/**
 * Reads a sidecar from its bytes: too large, or not UTF-8 (with the line and column of the first bad byte),
 * is a problem; a byte-order mark is skipped; the rest is parseSidecar.
 */
export function decodeSidecar(bytes: Uint8Array, article: string, maxBytes = MAX_SIDECAR_BYTES): ParsedSidecar {
  if (bytes.length > maxBytes) return sidecarTooLarge(bytes.length, maxBytes);
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const before = new TextDecoder().decode(bytes.subarray(0, bad)); // drops a byte-order mark, as editors do
    const lines = before.split('\n');
    return refused(`The annotations file is not valid UTF-8 (byte 0x${bytes[bad].toString(16).padStart(2, '0')} at offset ${bad}); save it as UTF-8.`, lines.length, lines[lines.length - 1].length + 1);
  }
  return parseSidecar(new TextDecoder().decode(bytes), article, maxBytes);
}

/**
 * Reads a sidecar leniently: every problem is returned with its line and column, nothing throws.
 * Alias bombs are cut off by a low alias limit; an empty file is an empty sidecar. The `article` field is
 * only a label for people: the sidecar belongs to `article` (the file it sits beside), whatever it says.
 */
export function parseSidecar(source: string, article: string, maxBytes = MAX_SIDECAR_BYTES): ParsedSidecar {
  const { problems, sidecar, warnings } = readSidecarDocument(source, article, maxBytes);
  return { sidecar, problems, warnings };
}

/** parseSidecar, with the YAML document read when the sidecar is usable (to edit the file in place: sidecarEdit.ts). */
export function readSidecarDocument(source: string, article: string, maxBytes = MAX_SIDECAR_BYTES): ParsedSidecar & { document?: Document.Parsed } {
  if (source.length > maxBytes) return sidecarTooLarge(source.length, maxBytes);
  if (!source.trim()) return { sidecar: { version: 1, article, contentHash: '', annotations: [] }, problems: [], warnings: [] };
  const marker = conflictMarkerLine(source);
  if (marker !== undefined) {
    return refused('The annotations file has git conflict markers (<<<<<<<, =======, >>>>>>>) left by a merge: keep the annotations of both sides, delete the marker lines, and save. `source-annotator install-merge-driver` makes git merge annotations files by itself (see the README). The file is not overwritten meanwhile.', marker);
  }
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
    // whole numbers a string can have (1e300 is a number YAML reads as whole, but no offset: it would be written back as 1e+300)
    const offset = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;
    if (!offset(anchor.start) || !offset(anchor.end) || (anchor.end as number) < (anchor.start as number)) {
      const which = !offset(anchor.start) ? 'start' : 'end';
      return problem(`\`anchor.start\` and \`anchor.end\` must be offsets (whole numbers from 0) with start ≤ end, not ${which} ${JSON.stringify(anchor[which]) ?? 'missing'}.`, where('anchor', ...(which in anchor ? [which] : [])));
    }
    // a field of the wrong type is reported at its line, read as absent and kept as written (sidecarEdit.ts)
    const text = (value: unknown, ...path: string[]): string | undefined => {
      if (value == null || typeof value !== 'object') return value == null ? undefined : String(value);
      warnings.push({ message: `\`${path.join('.')}\` should be text, not a ${Array.isArray(value) ? 'list' : 'mapping'}: it is ignored, and kept as written.`, ...at(nodeAt(where(...path))?.range?.[0]) });
      return undefined;
    };
    let links: Record<string, unknown> = {};
    if (isMap(doc.getIn(where('links'), true))) links = a.links;
    else if (a.links != null) warnings.push({ message: `\`links\` should be a mapping (entityId, speaker, eventId, claimant), not ${Array.isArray(a.links) ? 'a list' : JSON.stringify(a.links)}: it is ignored, and kept as written.`, ...at(nodeAt(where('links'))?.range?.[0]) });
    const link = (key: string) => { const value = text(links[key], 'links', key); return value ? { [key]: value } : {}; };
    const label = text(a.label, 'label');
    const note = text(a.note, 'note');
    const date = text(a.date, 'date');
    const rating = text(a.rating, 'rating');
    const created = text(a.created, 'created');
    // look-alikes: a count that is not a whole number is reported and read as absent
    const count = (key: 'repeats' | 'repeatContext') => {
      const value = anchor[key];
      if (value == null) return undefined;
      if (Number.isSafeInteger(value) && (value as number) >= 0) return value as number;
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
      ...(rating ? { rating } : {}),
      links: { ...link('entityId'), ...link('speaker'), ...link('eventId'), ...link('claimant') },
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
  const published = publishedDate(root.published);
  if (root.published != null && !published) {
    warnings.push({ message: `\`published\` should be the article's publication date written YYYY-MM-DD (2019-02-27), not ${JSON.stringify(root.published)}: it is ignored, and kept as written.`, ...at(nodeAt(['published'])?.range?.[0]) });
  }
  warnings.sort((a, b) => a.line - b.line || a.column - b.column);
  return { sidecar: { version: 1, article, contentHash: String(root.contentHash ?? ''), ...(published ? { published } : {}), annotations }, problems, warnings, document: doc };
}

/** A publication date as the sidecar may give it: `YYYY-MM-DD`, a day the calendar has; else undefined. */
export function publishedDate(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d\d-\d\d$/.test(value)) return undefined;
  return toDay(value) ? value : undefined;
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
    ...(sidecar.published !== undefined ? { published: sidecar.published } : {}),
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
    ...(a.rating !== undefined ? { rating: a.rating } : {}),
    ...(Object.keys(a.links).length ? { links: { ...pick(a.links, ['entityId', 'speaker', 'eventId', 'claimant']) } } : {}),
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
