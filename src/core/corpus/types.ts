import type { AnchorStatus, Anchoring } from '../annotations/anchor';
import type { Annotation } from '../annotations/model';
import type { Entity } from '../entities/entity';
import type { StoryEvent } from '../events';
import type { ArticleAnalysis, Mention, Quote } from '../model';
import type { Span } from '../text/span';

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
  /** Entity id → article path → how many mentions of it the article has (for lists of people without reading every article). */
  mentionCounts: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/** What the corpus is given for one article. */
export interface ArticleInput {
  text: string;
  annotations: Annotation[];
  /** Where the annotations are, when an editor tracks them live (src/core/annotations/live.ts); else they are resolved. */
  placements?: Map<string, Anchoring>;
}
