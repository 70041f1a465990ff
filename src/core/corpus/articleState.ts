import type { Anchoring } from '../annotations/anchor';
import type { ArticleAnalysis, Mention, Quote } from '../model';
import type { ResolvedMentions } from './resolvedMention';
import type { MentionsAndQuotes } from './articleView';
import { articleDecisions, type Decision } from './decisions';
import { entityInputs, type EntityInputs } from './entityIndex';
import { familyContribution, type FamilyContribution } from './familyNames';
import { recently } from './recent';
import { eventItems, userEventInputs, type ArticleEvents } from './timeline';
import type { ArticleInput, ArticleView, PlacedAnnotation } from './types';
import { hold, type HeldText } from '../text/heldText';
import { intern, internStrings } from '../text/memo';
import { contentHash } from '../text/hash';
import type { Annotation } from '../annotations/model';

/*
 * One article of the corpus (src/core/corpus/index.ts) and what it brings to each corpus-wide pass: family
 * names, the user's decisions, entity inputs and names, speakers, events.
 */

/** One article and, for each step of resolution, what it last brought to the corpus. */
export interface ArticleState {
  /** What the article was given, its text as held (src/core/text/heldText.ts). */
  input: Omit<ArticleInput, 'text'> & { text: HeldText };
  /** The article's number (the same for its path at every return), in the indexes that list articles. */
  id: number;
  /** The content hash of the text whose names were indexed. */
  indexed?: string;
  analysis?: ArticleAnalysis;
  analysisKey?: string;
  base?: ArticleView;
  familied?: MentionsAndQuotes;
  decided?: MentionsAndQuotes;
  /** Its mentions with their entity ids, and its quotes. */
  resolved?: { mentions: ResolvedMentions; quotes: Quote[] };
  view?: ArticleView;
}

// What an article brought to each corpus-wide pass is computed again from its stored results when it is
// taken back, rather than kept: memory stays with the results (offsets and ids), not with second copies.
const familyOfBase = recently((base: ArticleView) => familyContribution(base.mentions));
const decisionsOfBase = recently(articleDecisions);
const inputsOfDecided = recently((decided: MentionsAndQuotes) => entityInputs(decided.mentions));
const eventsOfView = recently((view: ArticleView): ArticleEvents => ({ found: eventItems(view), user: userEventInputs(view) }));
export const familyOf = (s: ArticleState): FamilyContribution | undefined => s.base && familyOfBase(s.base);
export const decisionsOf = (s: ArticleState): Map<string, Decision> | undefined => s.base && decisionsOfBase(s.base);
export const inputsOf = (s: ArticleState): EntityInputs | undefined => s.decided && inputsOfDecided(s.decided);
export const contributionOf = (s: ArticleState): readonly Mention[] | undefined => s.resolved?.mentions.made();
export const eventsOf = (view: ArticleView | undefined): ArticleEvents | undefined => view && eventsOfView(view);
export function speakersOf(view: ArticleView | undefined): Set<string> | undefined {
  if (!view) return undefined;
  const speakers = new Set<string>();
  for (const q of view.quotes) if (q.speaker?.entityId) speakers.add(q.speaker.entityId);
  return speakers;
}

/** Whether new placements put every annotation where it is now (none given: only if none were given before). */
export function samePlaces(placed: readonly PlacedAnnotation[], before: Map<string, Anchoring> | undefined, next: Map<string, Anchoring> | undefined): boolean {
  if (!next) return !before;
  if (next.size !== placed.length) return false;
  return placed.every(p => {
    const q = next.get(p.annotation.id);
    return q !== undefined && q.status === p.status && q.span?.start === p.span?.start && q.span?.end === p.span?.end;
  });
}

/** The analysis with each of its names, values and explanations as the one string of it (src/core/text/memo.ts), once per analysis. */
export function internNames(analysis: ArticleAnalysis): ArticleAnalysis {
  if (!interned.has(analysis)) {
    internStrings(analysis);
    // how a date was read: the same few hundred sentences across the corpus, often longer than most shared strings
    for (const m of analysis.mentions) if (m.how) m.how = intern(m.how);
    for (const q of analysis.quotes) if (q.how) q.how = intern(q.how);
    interned.add(analysis);
  }
  return analysis;
}
const interned = new WeakSet<ArticleAnalysis>();

/**
 * An article's text as the corpus keeps it: compact (src/core/text/heldText.ts), unless an editor tracks it
 * (`placements`): an open article's text is read at every hover and highlight.
 */
export function held(text: string, placements: Map<string, Anchoring> | undefined): HeldText {
  return placements ? text : hold(text);
}

/** A hash of an article's annotations as stored, worked out once per list (lists are replaced, never changed). */
const annotationHashes = new WeakMap<Annotation[], string>();
export function annotationsHash(annotations: Annotation[]): string {
  if (!annotations.length) return '-';
  let hash = annotationHashes.get(annotations);
  if (hash === undefined) annotationHashes.set(annotations, (hash = contentHash(JSON.stringify(annotations))));
  return hash;
}
