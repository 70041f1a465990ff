import { resolveAnchor, type Anchoring } from '../annotations/anchor';
import { KIND_ENTITY_TYPE, type Annotation } from '../annotations/model';
import type { Entity } from '../entities/entity';
import { slug } from '../entities/names';
import type { ArticleAnalysis, Mention, Quote } from '../model';
import { overlaps, SpanIndex, type Span } from '../text/span';
import type { ArticleView, PlacedAnnotation, ResolvedQuote } from './types';
import { AttributedQuote } from './attributedQuote';
import { textOf, type HeldText } from '../text/heldText';
import { detached } from '../text/memo';
import { mentionsOf, ResolvedMentions } from './resolvedMention';

/** An article's mentions and quotes as one step of resolution leaves them; quotes point at their speaker's mention by index. */
export interface MentionsAndQuotes {
  mentions: Mention[];
  quotes: Quote[];
}

/**
 * Gives an article a new list of mentions (some of them the old objects, some copies standing for them);
 * quotes, which point at their speaker's mention by index, follow. `standsFor` maps a copy to the old mention.
 */
export function replaceMentions(old: MentionsAndQuotes, mentions: Mention[], standsFor?: Map<Mention, Mention>): MentionsAndQuotes {
  const position = new Map<Mention, number>();
  mentions.forEach((m, i) => position.set(standsFor?.get(m) ?? m, i));
  const quotes = old.quotes.map(q => {
    const index = q.speaker?.mentionIndex;
    if (index === undefined) return q;
    return { ...q, speaker: { ...q.speaker!, mentionIndex: position.get(old.mentions[index]) } };
  });
  return { mentions, quotes };
}

/** User annotations win: an entity annotation replaces the model's overlapping mentions, a quote annotation the model's quote. */
export function applyAnnotations(path: string, held: HeldText, analysis: ArticleAnalysis, annotations: Annotation[], placements?: Map<string, Anchoring>, text = textOf(held)): ArticleView {
  // most articles have no annotation: their view is the analysis's, as the steps below would give it (its very
  // lists: no step after this one changes a list it is given, each makes its own)
  if (!annotations.length && inOrder(analysis.mentions) && inOrder(analysis.quotes)) return articleView(path, held, analysis, analysis.mentions, analysis.quotes as unknown as ResolvedQuote[], []);
  const placed: PlacedAnnotation[] = annotations.map(annotation => ({ annotation, ...(placements?.get(annotation.id) ?? resolveAnchor(text, annotation.anchor)) }));
  const live = placed.filter(p => p.span && (p.status === 'anchored' || p.status === 'moved'));
  const userMentions: Mention[] = [];
  for (const p of live) {
    const type = KIND_ENTITY_TYPE[p.annotation.kind];
    if (!type) continue;
    const entityId = p.annotation.links.entityId ?? (p.annotation.label ? `${type === 'ORG' ? 'org' : type.toLowerCase()}:${slug(p.annotation.label)}` : undefined);
    userMentions.push({
      ...p.span!, text: detached(text.slice(p.span!.start, p.span!.end)), type, origin: 'user', annotationId: p.annotation.id,
      ...(entityId ? { entityId } : {}), ...(p.annotation.label ? { label: p.annotation.label } : {}),
    });
  }
  const rejected = live.filter(p => p.annotation.kind === 'not-entity').map(p => p.span!);
  const userSpans = new SpanIndex([...userMentions, ...rejected]);
  const mentions = [
    // the analysis's own mention objects: nothing after this step changes a mention, it copies it
    ...analysis.mentions.filter(m => !userSpans.overlapping(m).length),
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
      start: p.span!.start, end: p.span!.end, inner, text: detached(text.slice(inner.start, inner.end)), kind: 'speech',
      speaker: speaker ? { start: p.span!.start, end: p.span!.start, text: speaker, ...(speaker.includes(':') ? { entityId: speaker } : { name: speaker }) } : null,
      cue: null, how: 'you', confidence: 1, origin: 'user', annotationId: p.annotation.id,
    };
  });
  // "Not a quotation": the model's quote there is dropped; the user's own quotes stay
  const notQuotes = new SpanIndex(live.filter(p => p.annotation.kind === 'not-quote').map(p => p.span!));
  const modelQuotes = analysis.quotes.filter(q => !userQuotes.some(u => overlaps(u, q)) && !notQuotes.overlapping(q).length);
  const quotes = followCorrections([...modelQuotes.map(remap), ...userQuotes].sort((a, b) => a.start - b.start));
  return articleView(path, held, analysis, mentions, quotes as unknown as ResolvedQuote[], placed);
}

/** An article's view, whose text is made from the held text when asked for (src/core/text/heldText.ts). */
export function articleView(path: string, held: HeldText, analysis: ArticleAnalysis, mentions: Mention[] | ResolvedMentions, quotes: ResolvedQuote[], annotations: PlacedAnnotation[]): ArticleView {
  return new HeldView(path, held, analysis, mentions, quotes, annotations);
}

/**
 * The text is a getter of the class, not of each view: an object written with a getter of its own is kept as a
 * dictionary by V8 (450 bytes a view, 9 MB at 10,000 articles), with a function of its own besides.
 */
class HeldView implements ArticleView {
  constructor(
    readonly path: string,
    private readonly held: HeldText,
    readonly analysis: ArticleAnalysis,
    private readonly found: Mention[] | ResolvedMentions,
    readonly quotes: ResolvedQuote[],
    readonly annotations: PlacedAnnotation[],
  ) {}

  get text(): string {
    return textOf(this.held);
  }

  /** Resolved, the mentions are made when read (src/core/corpus/resolvedMention.ts). */
  get mentions(): Mention[] {
    return this.found instanceof ResolvedMentions ? mentionsOf(this.found) : this.found;
  }
}

/** Sorted by start, no two starting at the same place (so that sorting and re-indexing would change nothing). */
function inOrder(spans: readonly Span[]): boolean {
  for (let i = 1; i < spans.length; i++) if (spans[i].start <= spans[i - 1].start) return false;
  return true;
}

/**
 * A quotation that continues another takes its speaker from it: when the user set that one's speaker (or it
 * follows one the user set), the continuation follows the correction. Quotes in reading order.
 */
function followCorrections(quotes: Quote[]): Quote[] {
  const corrected = new Set<Quote>();
  for (let i = 0; i < quotes.length; i++) {
    const q = quotes[i];
    if (q.origin !== 'model' || q.continues === undefined) continue;
    let j = i - 1;
    while (j >= 0 && !(quotes[j].start <= q.continues! && q.continues! < quotes[j].end)) j--;
    const before = quotes[j];
    if (!before || (before.origin !== 'user' && !corrected.has(before))) continue;
    const s = before.speaker;
    quotes[i] = { ...q, speaker: s ? { start: s.start, end: s.end, text: s.text, ...(s.entityId ? { entityId: s.entityId } : {}), ...(s.name ? { name: s.name } : {}) } : null, cue: null, how: 'continues a quotation whose speaker you set' };
    corrected.add(quotes[i]);
  }
  return quotes;
}

const MARKS = '"“”‘’\'«»„';

/** A quote's words without the quotation marks around them, when the user selected those too. */
function withoutMarks(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && MARKS.includes(text[start])) start++;
  while (end > start && MARKS.includes(text[end - 1])) end--;
  return start < end ? { start, end } : span;
}

/** A quote's speaker as the reader sees it: the entity's canonical name where the attribution reaches one. */
export function resolveSpeaker(q: Quote, mentions: Mention[], entities: ReadonlyMap<string, Entity>): ResolvedQuote {
  const s = q.speaker as (Quote['speaker'] & { name?: string; entityId?: string }) | null;
  if (!s) return new AttributedQuote(q, null);
  const target = s.mentionIndex !== undefined ? mentions[s.mentionIndex] : undefined;
  const entityId = s.entityId ?? target?.entityId;
  const name = (entityId && entities.get(entityId)?.name) || s.name || target?.text || s.text;
  return new AttributedQuote(q, { start: s.start, end: s.end, text: s.text, name, ...(entityId ? { entityId } : {}) });
}
