import { stringify } from 'csv-stringify/sync';
import type { CorpusView, ResolvedQuote } from '../corpus';
import { Outlets } from '../timeline/outlets';
import { markdownTimeline, timelineJs } from './timeline';
import { nameKey } from '../entities/names';

/** The per-article record of the CLI's `analyze` contract (README, "The command-line interface"). */
export interface ArticleRecord {
  path: string;
  /** The publication date the article's dates were counted from, and where it comes from (user, text, option, file). */
  published: { value: string | null; source: string };
  /** Why the article was not analysed (binary, too large); only then present, with empty lists. */
  skipped?: string;
  /** DATE entities carry their normalised `value` (null where none can be given). */
  entities: { start: number; end: number; text: string; type: string; entityId: string; value?: string | null; origin?: string }[];
  /** Speech quotes carry `confidence`: the probability (0–1) that `speaker` is right (for "no speaker", that there is none). */
  quotes: { start: number; end: number; text: string; kind: string; confidence?: number; speaker: { name: string; entityId: string | null; start: number; end: number } | null; origin?: string }[];
  events: { eventId: string; label: string; date: string | null; mentions: { start: number; end: number; text: string }[]; participants: string[] }[];
}

export const HIGHLIGHTED_TYPES = new Set(['PERSON', 'ORG', 'PLACE', 'DATE']);

const eventIndexes = new WeakMap<CorpusView['events'], Map<string, CorpusView['events']>>();

/** The events with a mention in each article, found once per list of events (not once per article). */
function eventsOf(view: CorpusView, path: string): CorpusView['events'] {
  let index = eventIndexes.get(view.events);
  if (!index) {
    index = new Map();
    for (const e of view.events) for (const p of new Set(e.mentions.map(m => m.path))) (index.get(p) ?? index.set(p, []).get(p)!).push(e);
    eventIndexes.set(view.events, index);
  }
  return index.get(path) ?? [];
}

export function articleRecord(view: CorpusView, path: string, options: { origin?: boolean } = {}): ArticleRecord {
  const a = view.articles.get(path)!;
  return {
    path,
    published: { value: a.analysis.published?.value ?? null, source: a.analysis.published?.source ?? 'file' },
    ...(a.analysis.skipped ? { skipped: a.analysis.skipped } : {}),
    entities: a.mentions.filter(m => HIGHLIGHTED_TYPES.has(m.type)).map(m => ({
      start: m.start, end: m.end, text: m.text, type: m.type, entityId: m.entityId ?? '', ...(m.type === 'DATE' ? { value: m.value ?? null } : {}), ...(options.origin ? { origin: m.origin } : {}),
    })),
    quotes: a.quotes.map(q => ({
      start: q.inner.start, end: q.inner.end, text: q.text, kind: q.kind, ...(q.kind === 'speech' ? { confidence: Math.round(q.confidence * 1000) / 1000 } : {}),
      speaker: q.speaker ? { name: q.speaker.name, entityId: q.speaker.entityId ?? null, start: q.speaker.start, end: q.speaker.end } : null,
      ...(options.origin ? { origin: q.origin } : {}),
    })),
    events: eventsOf(view, path).map(e => ({
      eventId: e.eventId, label: e.label, date: e.date || null,
      mentions: e.mentions.filter(m => m.path === path).map(m => ({ start: m.start, end: m.end, text: m.text })),
      participants: e.participants,
    })),
  };
}

/** A list of JSON values as JSON.stringify(…, null, 2) writes it as the value of a top-level key. */
function* jsonList(key: string, items: Iterable<unknown>, last: boolean): Generator<string> {
  let first = true;
  for (const item of items) {
    yield `${first ? `  "${key}": [\n` : ',\n'}${JSON.stringify(item, null, 2).replace(/^/gm, '    ')}`;
    first = false;
  }
  yield `${first ? `  "${key}": []` : '\n  ]'}${last ? '\n' : ',\n'}`;
}

/**
 * Everything a user may take away: per article the automatic findings and their own annotations. In pieces,
 * an article at a time, so that a large corpus is written without holding the whole export in memory.
 */
export function* exportJsonChunks(view: CorpusView, relative: (path: string) => string = p => p): Generator<string> {
  yield '{\n  "generator": "Source Annotator",\n';
  yield* jsonList('articles', (function* () {
    for (const path of view.articles.keys()) {
      const record = articleRecord(view, path, { origin: true });
      const a = view.articles.get(path)!;
      yield {
        ...record,
        path: relative(path),
        annotations: a.annotations.map(p => ({ ...p.annotation, status: p.status, start: p.span?.start ?? null, end: p.span?.end ?? null })),
      };
    }
  })(), false);
  yield* jsonList('people', [...view.entities.values()].filter(e => e.type === 'PERSON').map(e => ({ entityId: e.id, name: e.name, forms: [...e.forms.keys()], titles: [...e.titles] })), false);
  const outlets = new Outlets();
  yield* jsonList('events', view.events.map(e => ({ ...e, mentions: e.mentions.map(m => ({ ...m, path: relative(m.path), outlet: outlets.of(m.path, view.articles.get(m.path)?.text) })) })), true);
  yield '}\n';
}

export function exportJson(view: CorpusView, relative: (path: string) => string = p => p): string {
  return [...exportJsonChunks(view, relative)].join('');
}

const CSV_COLUMNS = ['article', 'record', 'kind', 'start', 'end', 'text', 'entityId', 'name', 'speaker', 'speakerId', 'note', 'origin', 'status'];

/**
 * Rows as CSV (csv-stringify): CRLF line ends; a cell that holds a comma, a quote or a line break quoted; a
 * cell that begins with = + - @, a tab or a CR prefixed with ' so that a spreadsheet shows it rather than
 * running it as a formula. With `bom`, a byte-order mark first: without it a spreadsheet reads the UTF-8 as a
 * local code page (curly quotes garbled).
 */
function csvRows(rows: unknown[][], bom = false): string {
  return stringify(rows.map(r => r.map(v => (v === undefined || v === null ? '' : String(v)))), { bom, record_delimiter: 'windows', escape_formulas: true });
}

/** One row per entity mention, quotation, event mention and user annotation; an article at a time. */
export function* exportCsvChunks(view: CorpusView, relative: (path: string) => string = p => p): Generator<string> {
  yield csvRows([CSV_COLUMNS], true);
  for (const [path, a] of view.articles) {
    const rows: unknown[][] = [];
    const article = relative(path);
    for (const m of a.mentions.filter(x => HIGHLIGHTED_TYPES.has(x.type))) rows.push([article, 'entity', m.type, m.start, m.end, m.text, m.entityId, m.entityId ? view.entities.get(m.entityId)?.name ?? m.value ?? '' : '', '', '', '', m.origin, '']);
    for (const q of a.quotes) rows.push([article, 'quote', q.kind, q.inner.start, q.inner.end, q.text, '', '', q.speaker?.name, q.speaker?.entityId, '', q.origin, '']);
    for (const e of eventsOf(view, path)) for (const m of e.mentions.filter(x => x.path === path)) rows.push([article, 'event', e.date, m.start, m.end, m.text, e.eventId, e.label, '', '', '', e.origin, '']);
    for (const p of a.annotations) rows.push([article, 'annotation', p.annotation.kind, p.span?.start, p.span?.end, p.annotation.anchor.text, p.annotation.links.entityId ?? p.annotation.links.eventId, p.annotation.label, p.annotation.links.speaker, '', p.annotation.note, 'user', p.status]);
    if (rows.length) yield csvRows(rows);
  }
}

export function exportCsv(view: CorpusView, relative: (path: string) => string = p => p): string {
  return [...exportCsvChunks(view, relative)].join('');
}

function md(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/([\\`*_[\]|<>])/g, '\\$1');
}

/** The report's lines, one after another (see exportMarkdownChunks). */
function* markdownLines(view: CorpusView, relative: (path: string) => string): Generator<string> {
  yield* ['# Source Annotator report', ''];
  const paths = [...view.articles.keys()];
  yield* [`${paths.length} articles: ${paths.map(p => md(relative(p))).join(', ')}.`, ''];
  const people = [...view.entities.values()].filter(e => e.type === 'PERSON');
  // counts from the corpus's index of mentions per entity and article; quotations gathered once by speaker
  const bySource = (id: string) => [...(view.mentionCounts.get(id) ?? new Map<string, number>())].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const totals = new Map(people.map(e => [e.id, bySource(e.id).reduce((n, [, k]) => n + k, 0)]));
  const quoted = new Map<string, { q: ResolvedQuote; p: string }[]>();
  for (const p of paths) for (const q of view.articles.get(p)!.quotes) if (q.kind === 'speech' && q.speaker?.entityId) (quoted.get(q.speaker.entityId) ?? quoted.set(q.speaker.entityId, []).get(q.speaker.entityId)!).push({ q, p });
  people.sort((a, b) => totals.get(b.id)! - totals.get(a.id)! || a.name.localeCompare(b.name));
  yield* ['## People', ''];
  for (const person of people) {
    yield* [`### ${md(person.name)}`, ''];
    const described = describedAs(person.titles);
    if (described.length) yield* [`Described as: ${described.map(md).join('; ')}.`, ''];
    yield* ['| Source | Mentions |', '| --- | ---: |'];
    for (const [p, n] of bySource(person.id)) if (n) yield* [`| ${md(relative(p))} | ${n} |`];
    yield* [''];
    const quotes = quoted.get(person.id) ?? [];
    if (quotes.length) {
      yield* ['Quotations:', ''];
      for (const { q, p } of quotes) yield* [`- “${md(q.text.trim())}” — ${md(relative(p))}${q.cue ? ` (${md(q.cue.text)})` : ''}${q.origin === 'user' ? ' (your annotation)' : ''}`];
      yield* [''];
    }
  }
  const unattributed = paths.flatMap(p => view.articles.get(p)!.quotes.filter(q => q.kind === 'speech' && !q.speaker?.entityId).map(q => ({ q, p })));
  if (unattributed.length) {
    yield* ['## Quotations without a known speaker', ''];
    for (const { q, p } of unattributed) yield* [`- “${md(q.text.trim())}” — ${md(relative(p))}${q.speaker ? ` (${md(q.speaker.name)})` : ''}`];
    yield* [''];
  }
  yield* markdownTimeline(view, relative, md);
  const notes = paths.flatMap(p => view.articles.get(p)!.annotations.map(a => ({ a, p })));
  if (notes.length) {
    yield* ['## Your annotations', ''];
    for (const { a, p } of notes) yield* [`- **${md(a.annotation.kind)}** “${md(a.annotation.anchor.text)}” — ${md(relative(p))}${a.annotation.label ? `: ${md(a.annotation.label)}` : ''}${a.annotation.note ? ` — ${md(a.annotation.note)}` : ''}${a.status === 'anchored' || a.status === 'moved' ? '' : ` (${a.status})`}`];
    yield* [''];
  }
}

/**
 * A report by person: mentions per source, then their quotations with the source that carried them. In pieces of
 * a few hundred lines, so that a report on a large corpus is never held whole in memory.
 */
export function* exportMarkdownChunks(view: CorpusView, relative: (path: string) => string = p => p): Generator<string> {
  let batch: string[] = [];
  let started = false;
  for (const line of markdownLines(view, relative)) {
    batch.push(line);
    if (batch.length < 500) continue;
    yield (started ? '\n' : '') + batch.join('\n');
    started = true;
    batch = [];
  }
  if (batch.length || !started) yield (started ? '\n' : '') + batch.join('\n');
}

export function exportMarkdown(view: CorpusView, relative: (path: string) => string = p => p): string {
  return [...exportMarkdownChunks(view, relative)].join('');
}

/** The TimelineJS file: one JSON document (its size is that of the events, not of the articles). */
export function exportTimelineJs(view: CorpusView, relative: (path: string) => string = p => p): string {
  return JSON.stringify(timelineJs(view, relative), null, 2) + '\n';
}

/** Courtesy titles say nothing of who someone is. */
const COURTESY = new Set(['mr', 'mrs', 'ms', 'miss', 'mx']);

/** A person's roles as the report lists them: without courtesy titles, and once each however written ("U.S. President", "US President"). */
export function describedAs(titles: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const title of titles) {
    const key = nameKey(title);
    if (!key || COURTESY.has(key) || seen.has(key)) continue;
    seen.add(key);
    out.push(title);
  }
  return out;
}
