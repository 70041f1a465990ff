import { Document, isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
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
  problems: SidecarProblem[];
}

/** Above this, a sidecar is refused rather than parsed. */
export const MAX_SIDECAR_BYTES = 5 * 1024 * 1024;

/**
 * Reads a sidecar leniently: every problem is returned with its line and column, nothing throws.
 * Alias bombs are cut off by a low alias limit; an empty file is an empty sidecar.
 */
export function parseSidecar(source: string, article: string): ParsedSidecar {
  if (source.length > MAX_SIDECAR_BYTES) return { sidecar: null, problems: [{ message: `The annotations file is larger than ${MAX_SIDECAR_BYTES / 1048576} MB and was not read.`, line: 1, column: 1 }] };
  if (!source.trim()) return { sidecar: { version: 1, article, contentHash: '', annotations: [] }, problems: [] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined) => { const p = lineCounter.linePos(offset ?? 0); return { line: p.line, column: p.col }; };
  const problems: SidecarProblem[] = doc.errors.map(e => ({ message: e.message.split('\n')[0], ...at(e.pos[0]) }));
  if (problems.length) return { sidecar: null, problems };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    return { sidecar: null, problems: [{ message: `Cannot read the annotations file: ${(e as Error).message}`, line: 1, column: 1 }] };
  }
  const nodeAt = (path: (string | number)[]) => doc.getIn(path, true) as Node | undefined;
  const problem = (message: string, path: (string | number)[]) => problems.push({ message, ...at(nodeAt(path)?.range?.[0] ?? (path.length ? nodeAt(path.slice(0, -1))?.range?.[0] : 0)) });
  if (!isMap(doc.contents) || typeof data !== 'object' || data === null) {
    return { sidecar: null, problems: [{ message: 'An annotations file must be a YAML mapping with `version` and `annotations`.', line: 1, column: 1 }] };
  }
  const root = data as Record<string, unknown>;
  if (root.version !== 1) problem(`Unsupported version ${JSON.stringify(root.version)}: this extension reads version 1.`, ['version']);
  const list = root.annotations ?? [];
  if (!Array.isArray(list) || (root.annotations !== undefined && !isSeq(doc.get('annotations', true)))) {
    problem('`annotations` must be a list.', ['annotations']);
    return { sidecar: null, problems };
  }
  const annotations: Annotation[] = [];
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
    const links = (typeof a.links === 'object' && a.links) || {};
    annotations.push({
      id: a.id, kind: a.kind,
      ...(a.label != null ? { label: String(a.label) } : {}),
      ...(a.note != null && a.note !== '' ? { note: String(a.note) } : {}),
      ...(a.date != null ? { date: String(a.date) } : {}),
      links: {
        ...(links.entityId ? { entityId: String(links.entityId) } : {}),
        ...(links.speaker ? { speaker: String(links.speaker) } : {}),
        ...(links.eventId ? { eventId: String(links.eventId) } : {}),
      },
      author: String(a.author ?? ''),
      created: String(a.created ?? ''),
      updated: String(a.updated ?? a.created ?? ''),
      anchor: {
        text: anchor.text, prefix: String(anchor.prefix ?? ''), suffix: String(anchor.suffix ?? ''),
        start: anchor.start as number, end: anchor.end as number,
      },
    });
  });
  if (problems.length) return { sidecar: null, problems };
  return { sidecar: { version: 1, article: String(root.article ?? article), contentHash: String(root.contentHash ?? ''), annotations }, problems };
}

/** Writes a sidecar with a stable key order and one block per annotation, so diffs and merges stay readable. */
export function serializeSidecar(sidecar: Sidecar): string {
  const ordered = {
    version: 1,
    article: sidecar.article,
    contentHash: sidecar.contentHash,
    annotations: [...sidecar.annotations].sort((a, b) => a.anchor.start - b.anchor.start || a.id.localeCompare(b.id)).map(a => ({
      id: a.id,
      kind: a.kind,
      ...(a.label !== undefined ? { label: a.label } : {}),
      ...(a.note !== undefined ? { note: a.note } : {}),
      ...(a.date !== undefined ? { date: a.date } : {}),
      ...(Object.keys(a.links).length ? { links: { ...pick(a.links, ['entityId', 'speaker', 'eventId']) } } : {}),
      author: a.author,
      created: a.created,
      updated: a.updated,
      anchor: { text: a.anchor.text, prefix: a.anchor.prefix, suffix: a.anchor.suffix, start: a.anchor.start, end: a.anchor.end },
    })),
  };
  const doc = new Document(ordered);
  doc.commentBefore = ` Source Annotator annotations for ${sidecar.article} (format: version 1, see the extension's README)`;
  return doc.toString({ lineWidth: 0, indentSeq: true });
}

function pick<T extends object>(o: T, keys: (keyof T)[]): Partial<T> {
  const out: Partial<T> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}
