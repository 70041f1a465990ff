import type { ArticleView, CorpusView } from '../corpus';
import type { Entity } from '../entities/entity';
import type { EntityType } from '../model';
import type { Span } from '../text/span';

/*
 * An article's outline, as the editor's Outline view and breadcrumbs show it: its people, organisations,
 * places, quotations and events, each under a heading, in reading order; and the corpus's entities by name
 * for Go to Symbol in Workspace. Names and words only, never ids.
 */

export type OutlineKind = 'heading' | 'person' | 'organisation' | 'place' | 'quotation' | 'event';

export interface OutlineItem {
  name: string;
  /** Shown after the name: "Person · 12 mentions". */
  detail: string;
  kind: OutlineKind;
  /** Where it is: a heading spans its items; an entity is at its first mention; a quotation at itself. */
  span: Span;
  /** What is selected when the item is chosen. */
  selection: Span;
  children: OutlineItem[];
}

type EntityKind = 'person' | 'organisation' | 'place';
const KIND_OF_TYPE: Partial<Record<EntityType, EntityKind>> = { PERSON: 'person', ORG: 'organisation', PLACE: 'place' };
const TYPE_WORD: Record<EntityKind, string> = { person: 'Person', organisation: 'Organisation', place: 'Place' };
const HEADINGS: [OutlineKind, string][] = [['person', 'People'], ['organisation', 'Organisations'], ['place', 'Places'], ['quotation', 'Quotations'], ['event', 'Events']];

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/** A quotation's name in the outline: its first words. */
function quoteName(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= 60) return `“${clean}”`;
  const cut = clean.lastIndexOf(' ', 58);
  return `“${clean.slice(0, cut > 20 ? cut : 58)}…”`;
}

/** The outline of one article: headings in a fixed order, each with its items in reading order; empty headings left out. */
export function articleOutline(article: ArticleView, corpus: Pick<CorpusView, 'entities' | 'events'>): OutlineItem[] {
  const items = new Map<OutlineKind, OutlineItem[]>();
  const add = (item: OutlineItem) => (items.get(item.kind) ?? items.set(item.kind, []).get(item.kind)!).push(item);

  // entities: one item per entity, at its first mention, counting its mentions here
  const byEntity = new Map<string, { kind: EntityKind; first: Span; count: number; written: string }>();
  for (const m of article.mentions) {
    const kind = KIND_OF_TYPE[m.type];
    if (!kind || !m.entityId) continue;
    const seen = byEntity.get(m.entityId);
    if (seen) seen.count++;
    else byEntity.set(m.entityId, { kind, first: { start: m.start, end: m.end }, count: 1, written: m.text });
  }
  for (const [id, e] of byEntity) {
    const entity: Entity | undefined = corpus.entities.get(id);
    const kind = entity ? KIND_OF_TYPE[entity.type] ?? e.kind : e.kind;
    add({ name: entity?.name ?? e.written, detail: `${TYPE_WORD[kind]} · ${plural(e.count, 'mention')}`, kind, span: e.first, selection: e.first, children: [] });
  }
  for (const q of article.quotes) {
    if (q.kind !== 'speech') continue;
    add({ name: quoteName(q.text), detail: q.speaker ? `said by ${q.speaker.name}` : 'speaker not found', kind: 'quotation', span: { start: q.start, end: q.end }, selection: { start: q.start, end: q.end }, children: [] });
  }
  for (const e of corpus.events) {
    const here = e.mentions.filter(m => m.path === article.path);
    if (!here.length) continue;
    const first = here.reduce((a, b) => (b.start < a.start ? b : a));
    add({ name: e.label, detail: e.date ? e.date : 'undated', kind: 'event', span: { start: first.start, end: first.end }, selection: { start: first.start, end: first.end }, children: [] });
  }

  const out: OutlineItem[] = [];
  for (const [kind, heading] of HEADINGS) {
    const children = items.get(kind);
    if (!children?.length) continue;
    children.sort((a, b) => a.span.start - b.span.start);
    const span = { start: children[0].span.start, end: Math.max(...children.map(c => c.span.end)) };
    out.push({ name: heading, detail: `${children.length}`, kind: 'heading', span, selection: children[0].selection, children });
  }
  return out;
}

export interface EntitySymbol {
  id: string;
  name: string;
  kind: EntityKind;
  /** "Person · 51 mentions in 5 articles". */
  detail: string;
  /** How many mentions across the corpus (the most mentioned first). */
  mentions: number;
}

/** Does every character of the query appear in the name, in order (case aside)? The editor then ranks the matches. */
function matches(name: string, query: string): boolean {
  if (!query) return true;
  const n = name.toLowerCase();
  let i = 0;
  for (const ch of query.toLowerCase()) {
    if (ch === ' ') continue;
    i = n.indexOf(ch, i);
    if (i < 0) return false;
    i++;
  }
  return true;
}

/** The corpus's people, organisations and places whose name matches a query, the most mentioned first. */
export function entitySymbols(corpus: Pick<CorpusView, 'entities' | 'mentionCounts'>, query: string, limit = 500): EntitySymbol[] {
  const found: EntitySymbol[] = [];
  for (const entity of corpus.entities.values()) {
    const kind = KIND_OF_TYPE[entity.type];
    if (!kind || !matches(entity.name, query)) continue;
    const { mentions, articles } = reach(corpus, entity.id);
    if (!mentions) continue;
    found.push({ id: entity.id, name: entity.name, kind, mentions, detail: `${TYPE_WORD[kind]} · ${reachInWords({ mentions, articles })}` });
  }
  found.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
  return found.slice(0, limit);
}

/** How many mentions an entity has across the corpus, and in how many articles. */
export function reach(corpus: Pick<CorpusView, 'mentionCounts'>, id: string): { mentions: number; articles: number } {
  const counts = corpus.mentionCounts.get(id);
  let mentions = 0;
  for (const n of counts?.values() ?? []) mentions += n;
  return { mentions, articles: counts?.size ?? 0 };
}

/** "51 mentions in 5 articles". */
export function reachInWords(r: { mentions: number; articles: number }): string {
  return `${plural(r.mentions, 'mention')} in ${plural(r.articles, 'article')}`;
}
