import { AnalysisCache, type AnalysisOptions } from './analysis';
import { resolveAnchor, type Anchoring, type AnchorStatus } from './annotations/anchor';
import { KIND_ENTITY_TYPE, type Annotation } from './annotations/model';
import { resolveEntities, type Entity } from './entities/resolve';
import { isSurnameFirst, slug } from './entities/names';
import { collectEvents, type StoryEvent, type UserEventInput } from './events';
import type { ArticleAnalysis, EntityType, Mention, Quote } from './model';
import { overlaps, SpanIndex, type Span } from './text/span';

/** A user annotation placed in the article's current text. */
export interface PlacedAnnotation {
  annotation: Annotation;
  status: AnchorStatus;
  span?: Span;
}

/** A quote's speaker after corpus-wide resolution. */
export interface ResolvedSpeaker extends Span {
  text: string;
  name: string;
  entityId?: string;
}

export interface ResolvedQuote extends Omit<Quote, 'speaker'> {
  speaker: ResolvedSpeaker | null;
}

/** One article as the user sees it: the model's findings, overridden by the user's annotations. */
export interface ArticleView {
  path: string;
  text: string;
  analysis: ArticleAnalysis;
  mentions: Mention[];
  quotes: ResolvedQuote[];
  annotations: PlacedAnnotation[];
}

export interface CorpusView {
  articles: Map<string, ArticleView>;
  entities: Map<string, Entity>;
  events: StoryEvent[];
}

interface ArticleInput {
  text: string;
  annotations: Annotation[];
  /** Where the annotations are, when an editor tracks them live (src/core/annotations/live.ts); else they are resolved. */
  placements?: Map<string, Anchoring>;
}

/**
 * The articles of a workspace and their annotations. Holds texts, computes per-article analysis through a
 * content-hash cache, and resolves entities, speakers and events across all articles on demand.
 */
export class Corpus {
  private readonly inputs = new Map<string, ArticleInput>();
  private readonly cache = new AnalysisCache();
  private view: CorpusView | undefined;

  constructor(private options: AnalysisOptions = {}) {}

  /** Changes how articles are analysed (the entity model arrived, a setting changed); results are recomputed. */
  setOptions(options: AnalysisOptions): void {
    this.options = { ...this.options, ...options };
    this.view = undefined;
  }

  /**
   * An article's text and annotations; `placements` (for this very text) say where the annotations are, for
   * an article whose editor moves them with each edit; without them they are found in the text.
   */
  setArticle(path: string, text: string, annotations: Annotation[] = this.inputs.get(path)?.annotations ?? [], placements?: Map<string, Anchoring>): void {
    this.inputs.set(path, { text, annotations, placements });
    this.view = undefined;
  }

  /** Hands over an analysis made elsewhere (the worker) so that resolving does not redo it. */
  primeAnalysis(text: string, analysis: ArticleAnalysis): void {
    this.cache.put(text, this.options, analysis);
  }

  isAnalysed(text: string): boolean {
    return this.cache.has(text, this.options);
  }

  setAnnotations(path: string, annotations: Annotation[]): void {
    const input = this.inputs.get(path);
    if (!input) return;
    input.annotations = annotations;
    input.placements = undefined;
    this.view = undefined;
  }

  /** The annotations an article was given (as stored, before placing). */
  annotationsOf(path: string): Annotation[] {
    return this.inputs.get(path)?.annotations ?? [];
  }

  removeArticle(path: string): void {
    if (this.inputs.delete(path)) this.view = undefined;
  }

  has(path: string): boolean {
    return this.inputs.has(path);
  }

  paths(): string[] {
    return [...this.inputs.keys()].sort();
  }

  /** The resolved corpus; recomputed only after a change. */
  resolve(): CorpusView {
    if (this.view) return this.view;
    const articles = new Map<string, ArticleView>();
    for (const path of this.paths()) {
      const input = this.inputs.get(path)!;
      articles.set(path, applyAnnotations(path, input.text, this.cache.get(input.text, this.options), input.annotations, input.placements));
    }
    knownFamilyNames(articles);
    applyDecisions(articles);
    const entities = resolveEntities([...articles.values()].map(a => ({ path: a.path, mentions: a.mentions })));
    for (const a of articles.values()) a.quotes = a.quotes.map(q => resolveSpeaker(q, a.mentions, entities));
    const userEvents: UserEventInput[] = [];
    for (const a of articles.values()) {
      for (const p of a.annotations) {
        if (p.annotation.kind !== 'event' || !p.span) continue;
        const inside = a.mentions.filter(m => m.entityId && m.type !== 'DATE' && m.type !== 'MISC' && m.start >= p.span!.start && m.end <= p.span!.end);
        userEvents.push({
          path: a.path, id: p.annotation.id, eventId: p.annotation.links.eventId, date: p.annotation.date,
          label: p.annotation.label || p.annotation.note || a.text.slice(p.span.start, p.span.end), span: p.span,
          text: a.text.slice(p.span.start, p.span.end), participants: [...new Set(inside.map(m => m.entityId!))],
        });
      }
    }
    const events = collectEvents([...articles.values()].map(a => ({ path: a.path, sentences: a.analysis.datedSentences, mentions: a.mentions })), userEvents);
    this.view = { articles, entities, events };
    return this.view;
  }
}

/**
 * Corpus-wide consistency: the family name of a person named in full in any article ("Trump" after
 * "Donald Trump") is that person where the model left it unlabelled or called it an organisation —
 * mid-sentence only, and never when the name is also part of a place or organisation in the corpus.
 */
function knownFamilyNames(articles: Map<string, ArticleView>): void {
  const family = new Set<string>();
  const partOfOther = new Set<string>();
  for (const a of articles.values()) {
    for (const m of a.mentions) {
      const parts = m.text.split(/\s+/);
      if (m.type === 'PERSON' && parts.length >= 2) family.add(isSurnameFirst(m.text) ? parts[0] : parts[parts.length - 1]);
      if ((m.type === 'PLACE' || m.type === 'ORG') && parts.length >= 2) for (const p of parts) partOfOther.add(p);
    }
  }
  for (const name of partOfOther) family.delete(name);
  if (!family.size) return;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}.-])(${[...family].map(f => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}]|-\\p{Lu})`, 'gu');
  for (const a of articles.values()) {
    if (a.analysis.skipped) continue;
    const covered = new SpanIndex(a.mentions);
    const added: Mention[] = [];
    for (const m of a.text.matchAll(pattern)) {
      const span = { start: m.index!, end: m.index! + m[0].length };
      const before = a.text.slice(Math.max(0, span.start - 3), span.start);
      if (/(^|[.!?]["”’]?\s+)$/.test(before) || span.start === 0 || /\n\s*$/.test(before)) continue; // sentence starts decide nothing
      const over = covered.overlapping(span);
      if (over.length === 1 && over[0].origin === 'model' && over[0].type === 'ORG' && over[0].start === span.start && over[0].end === span.end) { over[0].type = 'PERSON'; continue; }
      if (over.length) continue;
      added.push({ ...span, text: m[0], type: 'PERSON', origin: 'model' });
    }
    if (added.length) replaceMentions(a, [...a.mentions, ...added].sort((x, y) => x.start - y.start || y.end - x.end));
  }
}

/** Gives an article a new list of mentions; quotes, which point at their speaker's mention by index, follow. */
function replaceMentions(a: ArticleView, mentions: Mention[]): void {
  const position = new Map(mentions.map((m, i) => [m, i]));
  const old = a.mentions;
  a.mentions = mentions;
  a.quotes = a.quotes.map(q => {
    const index = (q.speaker as { mentionIndex?: number } | null)?.mentionIndex;
    if (index === undefined) return q;
    const moved = position.get(old[index]);
    return { ...q, speaker: { ...q.speaker!, mentionIndex: moved } } as ResolvedQuote;
  });
}

/** What the user decided about a name: its type and link, or that it is no entity at all. */
interface Decision {
  type?: EntityType;
  entityId?: string;
  reject: boolean;
  annotationId: string;
  updated: string;
}

/**
 * The user is learned from: a name the user marked, retyped or linked (or rejected) in one place is read the
 * same way wherever the model finds exactly that text, in every article. The latest decision on a text wins.
 */
function applyDecisions(articles: Map<string, ArticleView>): void {
  const decisions = new Map<string, Decision>();
  for (const a of articles.values()) {
    for (const p of a.annotations) {
      if (!p.span || (p.status !== 'anchored' && p.status !== 'moved')) continue;
      const kind = p.annotation.kind;
      const type = KIND_ENTITY_TYPE[kind];
      if (!type && kind !== 'not-entity') continue;
      const text = a.text.slice(p.span.start, p.span.end);
      const earlier = decisions.get(text);
      if (earlier && earlier.updated > p.annotation.updated) continue;
      const user = a.mentions.find(m => m.annotationId === p.annotation.id);
      decisions.set(text, { type, entityId: user?.entityId, reject: kind === 'not-entity', annotationId: p.annotation.id, updated: p.annotation.updated });
    }
  }
  if (!decisions.size) return;
  for (const a of articles.values()) {
    const kept = a.mentions.filter(m => {
      const d = m.origin === 'model' ? decisions.get(m.text) : undefined;
      if (!d) return true;
      if (d.reject) return false;
      m.type = d.type!;
      if (d.entityId) m.entityId = d.entityId;
      m.learnedFrom = d.annotationId;
      return true;
    });
    if (kept.length !== a.mentions.length) replaceMentions(a, kept);
  }
}

/** User annotations win: an entity annotation replaces the model's overlapping mentions, a quote annotation the model's quote. */
function applyAnnotations(path: string, text: string, analysis: ArticleAnalysis, annotations: Annotation[], placements?: Map<string, Anchoring>): ArticleView {
  const placed: PlacedAnnotation[] = annotations.map(annotation => ({ annotation, ...(placements?.get(annotation.id) ?? resolveAnchor(text, annotation.anchor)) }));
  const live = placed.filter(p => p.span && (p.status === 'anchored' || p.status === 'moved'));
  const userMentions: Mention[] = [];
  for (const p of live) {
    const type = KIND_ENTITY_TYPE[p.annotation.kind];
    if (!type) continue;
    const entityId = p.annotation.links.entityId ?? (p.annotation.label ? `${type === 'ORG' ? 'org' : type.toLowerCase()}:${slug(p.annotation.label)}` : undefined);
    userMentions.push({
      ...p.span!, text: text.slice(p.span!.start, p.span!.end), type, origin: 'user', annotationId: p.annotation.id,
      ...(entityId ? { entityId } : {}), ...(p.annotation.label ? { label: p.annotation.label } : {}),
    });
  }
  const rejected = live.filter(p => p.annotation.kind === 'not-entity').map(p => p.span!);
  const userSpans = new SpanIndex([...userMentions, ...rejected]);
  const mentions = [
    ...analysis.mentions.filter(m => !userSpans.overlapping(m).length).map(m => ({ ...m })),
    ...userMentions,
  ].sort((a, b) => a.start - b.start);
  const position = new Map(mentions.map((m, i) => [`${m.start}:${m.end}`, i]));
  const userIndex = new SpanIndex(userMentions.map(u => ({ start: u.start, end: u.end, i: mentions.indexOf(u) })));
  const remap = (q: Quote): Quote => {
    if (!q.speaker || q.speaker.mentionIndex === undefined) return q;
    const original = analysis.mentions[q.speaker.mentionIndex];
    const index = position.get(`${original.start}:${original.end}`) ?? userIndex.overlapping(original)[0]?.i ?? -1;
    return { ...q, speaker: { ...q.speaker, mentionIndex: index >= 0 ? index : undefined } };
  };
  const userQuotes: Quote[] = live.filter(p => p.annotation.kind === 'quote').map(p => {
    const inner = withoutMarks(text, p.span!);
    const speaker = p.annotation.links.speaker;
    return {
      start: p.span!.start, end: p.span!.end, inner, text: text.slice(inner.start, inner.end), kind: 'speech',
      speaker: speaker ? { start: p.span!.start, end: p.span!.start, text: speaker, ...(speaker.includes(':') ? { entityId: speaker } : { name: speaker }) } : null,
      cue: null, how: 'you', confidence: 1, origin: 'user', annotationId: p.annotation.id,
    };
  });
  // "Not a quotation": the model's quote there is dropped; the user's own quotes stay
  const notQuotes = new SpanIndex(live.filter(p => p.annotation.kind === 'not-quote').map(p => p.span!));
  const modelQuotes = analysis.quotes.filter(q => !userQuotes.some(u => overlaps(u, q)) && !notQuotes.overlapping(q).length);
  const quotes = [...modelQuotes.map(remap), ...userQuotes].sort((a, b) => a.start - b.start);
  return { path, text, analysis, mentions, quotes: quotes as unknown as ResolvedQuote[], annotations: placed };
}

const MARKS = '"“”‘’\'«»„';

/** A quote's words without the quotation marks around them, when the user selected those too. */
function withoutMarks(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && MARKS.includes(text[start])) start++;
  while (end > start && MARKS.includes(text[end - 1])) end--;
  return start < end ? { start, end } : span;
}

function resolveSpeaker(q: ResolvedQuote | Quote, mentions: Mention[], entities: Map<string, Entity>): ResolvedQuote {
  const s = q.speaker as (Quote['speaker'] & { name?: string; entityId?: string }) | null;
  if (!s) return { ...q, speaker: null };
  const target = s.mentionIndex !== undefined ? mentions[s.mentionIndex] : undefined;
  const entityId = s.entityId ?? target?.entityId;
  const name = (entityId && entities.get(entityId)?.name) || s.name || target?.text || s.text;
  return { ...q, speaker: { start: s.start, end: s.end, text: s.text, name, ...(entityId ? { entityId } : {}) } };
}
