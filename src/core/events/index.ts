import type { Span } from '../text/span';

export { findEvents, type TimeInput } from './extract';

/** A mention of an event in one article. */
export interface EventMention extends Span {
  path: string;
  text: string;
}

/** Something that happened, dated, with the people, places and organisations taking part. */
export interface StoryEvent {
  eventId: string;
  /** What a reader writes in a timeline: "Trump–Kim summit, Hanoi". */
  label: string;
  /** Normalised date (2019-02-27, 2018-06, 2018, 2019-W09…); '' when undated. */
  date: string;
  mentions: EventMention[];
  /** Entity ids of the people and organisations taking part. */
  participants: string[];
  origin: 'model' | 'user';
  /** The event's place as written ("Hanoi"), when one is given. */
  place?: string;
  /** The noun the event is named by ("summit"). */
  trigger?: string;
  /** The articles telling it, in path order. */
  sources?: string[];
}

export interface UserEventInput {
  path: string;
  id: string;
  eventId?: string;
  label: string;
  date?: string;
  span: Span;
  text: string;
  participants: string[];
}

/** A stretch an event's part is named by: a participant or its place, as written. */
export interface Named extends Span {
  text: string;
  /** A country taking part: the person the article names as its leader ("DPRK" → "Kim Jong Un"), by whom events of either group together. */
  leader?: Named;
}

/** An event mention found in one article by the extractor (src/core/events/extract.ts). */
export interface FoundEvent extends Span {
  /** The trigger as written ("met", "summit"). */
  text: string;
  /** The noun a reader writes for it ("meeting" for "met"). */
  noun: string;
  /** The trigger's synonym class (summit, meeting, conference → "meeting"). */
  kind: string;
  /** An ordinal written before it ("second"), and the word nearest before the noun ("nuclear"). */
  ordinal?: string;
  modifier?: string;
  /** Named with "the", "this" or "that" and no ordinal: it refers back to an event the article has told ("the dinner"). */
  definite?: true;
  /** The people and organisations of its clause (and the countries acting in it). */
  participants: Named[];
  place?: Named;
  /** Normalised date, or null when the text gives none. */
  date: string | null;
  /** Where the date comes from: the trigger's own clause, its sentence, or the article's reference date (the news it reports). */
  dated?: 'clause' | 'sentence' | 'reference';
  /** The time expression that dates it. */
  dateSpan?: Span;
}
