// brat standoff in: the .ann files of brat, INCEpTION or our own export (src/core/export/brat.ts). What the
// analysis already shows the same way (an entity of the same type and link, a quotation with the same speaker)
// is not added again; what it does not becomes the user's annotation, placed with the sidecars' anchoring.
import type { Anchor, Annotation, AnnotationKind, AnnotationLinks } from '../annotations/model';
import { makeAnchor } from '../annotations/anchor';
import type { ArticleView } from '../corpus';
import { CodePointOffsets } from '../text/codePoints';
import type { Span } from '../text/span';
import { BRAT_QUOTE, BRAT_REFERENCE, BRAT_SPEAKER, bratName } from '../export/brat';
import { KIND_ENTITY_TYPE } from '../annotations/model';
import { kindOf } from './w3c';
import { addToPlan, emptyPlan, freshIds, placeAnchor, type ImportArticle, type ImportPlan } from './place';

export interface BratTextBound { id: string; type: string; start: number; end: number; text: string }

export interface BratAnn {
  textBounds: Map<string, BratTextBound>;
  /** Quotation → speaker, from R lines (Arg1 the quotation) and E lines (a Speaker argument). */
  speakers: Map<string, string>;
  /** N lines: target → type → the reference's value (ours decoded) and its name. */
  references: Map<string, Map<string, { value: string; name: string; ours: boolean }>>;
  /** A lines: target → attribute → value (spaces for underscores). */
  attributes: Map<string, Map<string, string>>;
  notes: Map<string, string[]>;
}

const mapIn = <K, V>(m: Map<string, Map<K, V>>, key: string) => m.get(key) ?? m.set(key, new Map()).get(key)!;

/** Reads a .ann file; lines it does not know (M, *, malformed ones) are left out. */
export function parseAnn(source: string): BratAnn {
  const ann: BratAnn = { textBounds: new Map(), speakers: new Map(), references: new Map(), attributes: new Map(), notes: new Map() };
  for (const line of source.split(/\r?\n/)) {
    const [id, body = '', rest = ''] = line.split('\t');
    const fields = body.split(' ');
    if (/^T\d/.test(id)) {
      // T1<tab>Type 0 5;8 12<tab>text: from the first fragment's start to the last one's end
      const where = body.slice(fields[0].length + 1).split(';').map(f => f.trim().split(/\s+/).map(Number));
      const start = where[0]?.[0];
      const end = where[where.length - 1]?.[1];
      if (Number.isSafeInteger(start) && Number.isSafeInteger(end) && start >= 0 && end >= start) ann.textBounds.set(id, { id, type: fields[0], start, end, text: rest });
    } else if (/^R\d/.test(id)) {
      const args = Object.fromEntries(fields.slice(1).map(f => f.split(':')));
      if (fields[0] === BRAT_SPEAKER && args.Arg1 && args.Arg2) ann.speakers.set(args.Arg1, args.Arg2);
    } else if (/^E\d/.test(id)) {
      const [trigger, ...args] = fields.map(f => f.split(':'));
      const speaker = args.find(([role]) => role === BRAT_SPEAKER);
      if (trigger?.[1] && speaker?.[1]) ann.speakers.set(trigger[1], speaker[1]);
    } else if (/^N\d/.test(id) && fields.length >= 3) {
      const [type, target, reference] = fields;
      const colon = reference.indexOf(':');
      const ours = reference.slice(0, colon) === BRAT_REFERENCE;
      let value = reference.slice(colon + 1);
      try { if (ours) value = decodeURI(value); } catch { /* kept as written */ }
      mapIn(ann.references, target).set(type, { value: ours ? value : reference, name: rest, ours });
    } else if (/^A\d/.test(id) && fields.length >= 2) {
      mapIn(ann.attributes, fields[1]).set(fields[0], fields.slice(2).join(' ').replace(/_/g, ' ') || 'true');
    } else if (id.startsWith('#') && fields[0] === 'AnnotatorNotes' && fields[1]) {
      (ann.notes.get(fields[1]) ?? ann.notes.set(fields[1], []).get(fields[1])!).push(rest);
    }
  }
  return ann;
}

const ENTITY_TYPES: Partial<Record<AnnotationKind, string>> = KIND_ENTITY_TYPE;
const DATE_TYPES = new Set(['date', 'time', 'timex', 'timex3']);

/** The article a .ann file (its path relative to the folder imported, without `.ann`) is about. */
export function articleForAnn(name: string, articles: readonly ImportArticle[]): ImportArticle | undefined {
  const byName = (n: string) => articles.find(a => bratName(a.relative) === n);
  const exact = byName(name);
  if (exact) return exact;
  const base = name.slice(name.lastIndexOf('/') + 1);
  const same = articles.filter(a => bratName(a.relative).split('/').pop() === base);
  return same.length === 1 ? same[0] : undefined;
}

/** Who said a quotation, as brat says it: the speaker's link to one of ours, else its words. */
function speakerOf(ann: BratAnn, quote: string): string | undefined {
  const target = ann.speakers.get(quote);
  if (target) {
    const ref = ann.references.get(target)?.get('Reference');
    return ref?.ours ? ref.value : ann.textBounds.get(target)?.text;
  }
  const named = ann.references.get(quote)?.get(BRAT_SPEAKER);
  return named ? (named.ours ? named.value : named.name) : undefined;
}

/** Whether the analysis shows this already: the same entity (type, link) or the same quotation with the same speaker. */
function alreadyShown(view: ArticleView | undefined, kind: AnnotationKind, span: Span, links: AnnotationLinks): boolean {
  if (!view) return false;
  if (kind === 'quote') {
    const q = view.quotes.find(x => (x.start === span.start && x.end === span.end) || (x.inner.start === span.start && x.inner.end === span.end));
    if (!q) return false;
    const s = links.speaker;
    return s === undefined || q.speaker?.entityId === s || (!!q.speaker && [q.speaker.name, q.speaker.text].some(n => n?.toLowerCase() === s.toLowerCase()));
  }
  const type = ENTITY_TYPES[kind];
  return !!type && view.mentions.some(m => m.start === span.start && m.end === span.end && m.type === type && (!links.entityId || m.entityId === links.entityId));
}

/**
 * The anchor a text-bound annotation describes: in brat's copy of the text when there is one (its context
 * from there, so an article edited since is still found), else at its offsets in the article.
 */
function describedAnchor(article: string, t: BratTextBound, bratText: string | undefined): Anchor {
  const own = bratText ?? article;
  const offsets = new CodePointOffsets(own);
  const span = { start: offsets.toUnits(t.start), end: offsets.toUnits(t.end) };
  if (span.end > own.length) return { text: t.text, prefix: '', suffix: '', start: span.start, end: span.end };
  return makeAnchor(own, span, false);
}

/** The .ann documents' annotations by article (`name`: the .ann's path relative to the folder imported, without `.ann`). */
export function planBratImport(docs: { name: string; ann: string; txt?: string }[], articles: readonly ImportArticle[], defaults: { author: string; now: string }): ImportPlan {
  const plan = emptyPlan();
  const id = freshIds();
  for (const doc of docs) {
    const article = articleForAnn(doc.name, articles);
    if (!article) { plan.notPlaced.push(`${doc.name}.ann: no article ${doc.name}.txt or ${doc.name} in the folder`); continue; }
    const ann = parseAnn(doc.ann);
    for (const t of ann.textBounds.values()) {
      if (t.type === BRAT_SPEAKER || DATE_TYPES.has(t.type.toLowerCase())) { plan.alreadyShown++; continue; }
      const kind = t.type === BRAT_QUOTE ? 'quote' : kindOf(t.type) ?? 'note';
      const refs = ann.references.get(t.id);
      const attributes = ann.attributes.get(t.id);
      const reference = refs?.get('Reference');
      const links: AnnotationLinks = {};
      if (reference?.ours) links[kind === 'event' ? 'eventId' : 'entityId'] = reference.value;
      const speaker = kind === 'quote' ? speakerOf(ann, t.id) : undefined;
      if (speaker) links.speaker = speaker;
      const claimant = refs?.get('Claimant');
      if (claimant) links.claimant = claimant.value;
      const placed = placeAnchor(article.text, describedAnchor(article.text, t, doc.txt));
      if (placed.status === 'anchored' && alreadyShown(article.view, kind, placed.span!, links)) { plan.alreadyShown++; continue; }
      const notes = ann.notes.get(t.id) ?? [];
      const label = notes.find(n => n.startsWith('Label: '))?.slice(7) ?? (kind === 'event' && reference?.ours ? reference.name : undefined);
      const note = [...notes.filter(n => !n.startsWith('Label: ')), ...(kindOf(t.type) || t.type === BRAT_QUOTE ? [] : [`brat type: ${t.type}`]), ...(reference && !reference.ours ? [`Reference: ${reference.value}`] : [])].join('\n\n');
      const annotation: Annotation = {
        id: id(), kind,
        ...(label ? { label } : {}),
        ...(note ? { note } : {}),
        ...(attributes?.get('Date') ? { date: attributes.get('Date')! } : {}),
        ...(attributes?.get('Rating') ? { rating: attributes.get('Rating')! } : {}),
        links, author: defaults.author, created: defaults.now, updated: defaults.now, anchor: placed.anchor,
      };
      addToPlan(plan, article, { annotation, status: placed.status });
    }
  }
  return plan;
}
