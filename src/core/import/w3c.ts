// W3C Web Annotation in: annotations from Hypothesis, Recogito or our own export (src/core/export/w3c.ts),
// each placed with its TextQuoteSelector and TextPositionSelector by the sidecars' anchoring.
import { ANNOTATION_KINDS, type Anchor, type Annotation, type AnnotationKind, type AnnotationLinks } from '../annotations/model';
import { CodePointOffsets } from '../text/codePoints';
import { ANNOTATION_IRI, LINK_IRI, LINK_ROLES } from '../export/w3c';
import { addToPlan, articleForQuote, articleForSource, emptyPlan, freshIds, placeAnchor, type ImportArticle, type ImportPlan } from './place';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const typeOf = (v: Json): string[] => list(v.type ?? v['@type']).map(String);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * The annotations of a JSON document: one Annotation, a list of them, an AnnotationCollection or an
 * AnnotationPage (their pages embedded), or the `rows` of a Hypothesis search.
 */
export function w3cAnnotations(doc: unknown): Json[] {
  const found: Json[] = [];
  const walk = (v: unknown, depth: number) => {
    if (depth > 20) return;
    if (Array.isArray(v)) { for (const item of v) walk(item, depth + 1); return; }
    if (!isObject(v)) return;
    if (typeOf(v).includes('Annotation') || (v.target !== undefined && !typeOf(v).some(t => /Collection|Page/.test(t)))) { found.push(v); return; }
    for (const key of ['items', 'first', 'next', 'rows', '@graph']) if (v[key] !== undefined) walk(v[key], depth + 1);
  };
  walk(doc, 0);
  return found;
}

/** Kind names other tools use (Recogito's PLACE, PERSON, EVENT; brat's and spaCy's). */
const KIND_WORDS: Record<string, AnnotationKind> = {
  person: 'person', per: 'person', organisation: 'organisation', organization: 'organisation', org: 'organisation',
  place: 'place', location: 'place', loc: 'place', gpe: 'place', country: 'place', city: 'place', event: 'event', quote: 'quote', quotation: 'quote', claim: 'claim', note: 'note',
};

export function kindOf(word: string): AnnotationKind | undefined {
  const w = word.trim().toLowerCase().replace(/_/g, '-');
  return (ANNOTATION_KINDS as readonly string[]).includes(w) ? (w as AnnotationKind) : KIND_WORDS[w];
}

interface Described {
  kind?: AnnotationKind;
  label?: string;
  notes: string[];
  tags: string[];
  rating?: string;
  date?: string;
  links: AnnotationLinks;
}

/** What the bodies say: kind, label, note, rating, links (ours, by their IRIs), tags. */
function describe(a: Json): Described {
  const out: Described = { notes: [], tags: [], links: {} };
  const motivation = str(list(a.motivation)[0]);
  const link = (iri: string, purpose: string | undefined) => {
    if (!iri.startsWith(LINK_IRI)) { out.notes.push(iri); return; }
    const [role, ...rest] = iri.slice(LINK_IRI.length).split(':');
    const value = decodeURIComponent(rest.join(':'));
    if (role === 'date') out.date = value;
    else if (role in LINK_ROLES) out.links[LINK_ROLES[role as keyof typeof LINK_ROLES]] = value;
    else if (purpose) out.notes.push(iri);
  };
  if (typeof a.bodyValue === 'string') out.notes.push(a.bodyValue);
  if (typeof a.text === 'string' && a.text) out.notes.push(a.text); // a Hypothesis row
  const tagged = (value: string) => {
    const kind = kindOf(value);
    if (kind && !out.kind) out.kind = kind; else out.tags.push(value);
  };
  for (const tag of list(a.tags)) if (typeof tag === 'string') tagged(tag);
  for (const body of list(a.body)) {
    if (typeof body === 'string') { link(body, motivation); continue; }
    if (!isObject(body)) continue;
    const purpose = str(list(body.purpose)[0]) ?? motivation;
    const value = str(body.value) ?? str(body.chars);
    const iri = str(body.source) ?? (value === undefined ? str(body.id) : undefined);
    if (value === undefined) { if (iri) link(iri, purpose); continue; }
    if (purpose === 'classifying' || purpose === 'tagging') tagged(value);
    else if (purpose === 'identifying') out.label = value;
    else if (purpose === 'assessing') out.rating = value;
    else out.notes.push(value);
  }
  return out;
}

/** The first target that says where in a text: its source and its quote and position selectors. */
function selection(a: Json): { source?: string; quote?: Json; position?: Json } | undefined {
  for (const target of list(a.target)) {
    if (!isObject(target)) continue;
    const selectors: Json[] = [];
    const collect = (s: unknown) => { for (const x of list(s)) if (isObject(x)) { selectors.push(x); collect(x.refinedBy); } };
    collect(target.selector);
    const quote = selectors.find(s => typeOf(s).includes('TextQuoteSelector') && typeof s.exact === 'string');
    const position = selectors.find(s => typeOf(s).includes('TextPositionSelector') && Number.isSafeInteger(s.start) && Number.isSafeInteger(s.end) && (s.end as number) >= (s.start as number) && (s.start as number) >= 0);
    if (quote || position) return { source: str(target.source) ?? str(target.id), quote, position };
  }
  return undefined;
}

/** The anchor the selectors describe in `text`: the quote's words and context, at the position's offsets (code points). */
function describedAnchor(text: string, s: { quote?: Json; position?: Json }): Anchor {
  const offsets = new CodePointOffsets(text);
  const start = s.position ? offsets.toUnits(s.position.start as number) : 0;
  const end = s.position ? offsets.toUnits(s.position.end as number) : start + String(s.quote?.exact ?? '').length;
  if (!s.quote) return { text: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32), start, end };
  return { text: String(s.quote.exact), prefix: str(s.quote.prefix) ?? '', suffix: str(s.quote.suffix) ?? '', start, end };
}

function creatorOf(a: Json): string | undefined {
  for (const c of list(a.creator)) {
    if (typeof c === 'string') return c;
    if (isObject(c)) return str(c.name) ?? str(c.nickname) ?? str(c.id);
  }
  const user = str(a.user); // a Hypothesis row: acct:name@hypothes.is
  return user?.replace(/^acct:/, '').replace(/@.*$/, '');
}

/** An annotation of ours from what the W3C annotation says, at `anchor`. */
function annotationFrom(a: Json, d: Described, anchor: Anchor, defaults: { author: string; now: string; id: () => string }): Annotation {
  const id = str(a.id)?.startsWith(ANNOTATION_IRI) ? str(a.id)!.slice(ANNOTATION_IRI.length) : defaults.id();
  const notes = [...d.notes, ...(d.tags.length ? [`Tags: ${d.tags.join(', ')}`] : [])];
  const created = str(a.created) ?? defaults.now;
  return {
    id, kind: d.kind ?? (d.rating || d.links.claimant ? 'claim' : 'note'),
    ...(d.label ? { label: d.label } : {}),
    ...(notes.length ? { note: notes.join('\n\n') } : {}),
    ...(d.date ? { date: d.date } : {}),
    ...(d.rating ? { rating: d.rating } : {}),
    links: d.links, author: creatorOf(a) ?? defaults.author, created, updated: str(a.modified) ?? str(a.updated) ?? created, anchor,
  };
}

/**
 * Where each annotation of the documents goes: the article its target's source names (placed there even
 * when its words are not found: an orphan the user can re-attach), else the one article where its quote is
 * found for sure (a URL of another site: annotations made in Hypothesis on the same text).
 */
export function planW3cImport(docs: unknown[], articles: readonly ImportArticle[], defaults: { author: string; now: string }): ImportPlan {
  const plan = emptyPlan();
  const id = freshIds();
  for (const a of docs.flatMap(w3cAnnotations)) {
    const name = str(a.id) ?? 'an annotation';
    const s = selection(a);
    if (!s) { plan.notPlaced.push(`${name}: no TextQuoteSelector or TextPositionSelector`); continue; }
    let article = articleForSource(s.source, articles);
    if (!article) {
      if (!s.quote) { plan.notPlaced.push(`${name}: ${s.source ?? 'its source'} is no article of the folder, and it has no quote to find`); continue; }
      const found = articleForQuote({ text: String(s.quote.exact), prefix: str(s.quote.prefix) ?? '', suffix: str(s.quote.suffix) ?? '', start: 0, end: 0 }, articles);
      if (!found.article) { plan.notPlaced.push(`${name}: ${found.why}`); continue; }
      article = found.article;
    }
    const placed = placeAnchor(article.text, describedAnchor(article.text, s));
    addToPlan(plan, article, { annotation: annotationFrom(a, describe(a), placed.anchor, { ...defaults, id }), status: placed.status });
  }
  return plan;
}
