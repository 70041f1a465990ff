import type { Published } from './dates/published';
import type { FoundEvent } from './events';
import type { Span } from './text/span';

/** What the recogniser or the user says a mention is. MISC is kept internally and not highlighted. */
export type EntityType = 'PERSON' | 'ORG' | 'PLACE' | 'DATE' | 'MISC';

export const ENTITY_TYPE_NAMES: Record<EntityType, string> = {
  PERSON: 'Person',
  ORG: 'Organisation',
  PLACE: 'Place',
  DATE: 'Date',
  MISC: 'Other name',
};

/** One mention of a named entity in one article. */
export interface Mention extends Span {
  text: string;
  type: EntityType;
  /** A title or role written with the name ("President", "North Korean leader"), not part of the name. */
  title?: string;
  /** PERSON mentions: the gendered pronoun the article writes next of this mention, if any (src/core/entities/gender.ts). */
  pronoun?: 'he' | 'she';
  /** PERSON mentions named in full: the gender first-name data gives the given name ("Hillary" → f), if it gives one. */
  nameGender?: 'm' | 'f';
  /**
   * DATE mentions: the TimeML/ISO value against the article's publication date (2019-02-27, 2018-06, 2018,
   * 2019-W09, 2019-Q1, 201, PRESENT_REF…), null when none can be given.
   */
  value?: string | null;
  /** DATE mentions of a range ("from 2001 to 2009"): the other end's value. */
  endValue?: string | null;
  /** DATE mentions: how the value was found, in words ("Wednesday → 2019-02-27, the Wednesday before …"). */
  how?: string;
  /** 'user' when the mention comes from an annotation in the sidecar. */
  origin: 'model' | 'user';
  /** The user's annotation this mention comes from. */
  annotationId?: string;
  /** Set by the user's link or by corpus-wide resolution. */
  entityId?: string;
  /** The name the user gave a mention they annotated ("Kim Jong Un" for "the DPRK leader"). */
  label?: string;
  /** The user's annotation elsewhere that decided this model mention's type or link (learned from the user). */
  learnedFrom?: string;
}

export type QuoteKind = 'speech' | 'scare' | 'title';

export interface Cue extends Span {
  text: string;
}

/** The mention an attribution rests on ("he" in "he said") and the entity mention it resolves to. */
export interface SpeakerMention extends Span {
  text: string;
  /** Index into the article's mentions of the PERSON/ORG it resolves to, when resolved. */
  mentionIndex?: number;
  /** Set when the user named the speaker: an entity id. */
  entityId?: string;
  /** The speaker's name when no mention gives it: the user's, or the group an "it" or "they" stands for. */
  name?: string;
}

/** A quoted stretch: its span includes the quotation marks; `text` is what is inside them. */
export interface Quote extends Span {
  /** The quoted words without the marks; `text` is exactly this stretch of the article. */
  inner: Span;
  text: string;
  kind: QuoteKind;
  speaker: SpeakerMention | null;
  cue: Cue | null;
  /** How the attribution was made, in words for the hover: "cue “said”, same sentence". */
  how?: string;
  /** Where the quotation it continues starts, when its speaker is that one's ("continues the previous speaker"). */
  continues?: number;
  confidence: number;
  origin: 'model' | 'user';
  annotationId?: string;
}

/** Everything extracted from one article's text, before corpus-wide resolution. */
export interface ArticleAnalysis {
  hash: string;
  /** The publication date the article's dates were valued against (always set by analyseArticle). */
  published?: Published;
  mentions: Mention[];
  quotes: Quote[];
  /** Event mentions: triggers with participants, place and date (src/core/events/extract.ts). */
  events: FoundEvent[];
  /**
   * The words of the text that may be family names (src/core/entities/familyWords.ts): found with the analysis,
   * off the main thread, and let go once the corpus has noted them.
   */
  familyWords?: string[];
  /** Set when analysis was skipped (too large, binary). */
  skipped?: string;
}
