import type { Span } from '../text/span';

/** A mention of an event in one article. */
export interface EventMention extends Span {
  path: string;
  text: string;
}

/** Something that happened, dated, with the people, places and organisations taking part. */
export interface StoryEvent {
  eventId: string;
  label: string;
  /** ISO date: 2019-02-27, 2018-06 or 2018. */
  date: string;
  mentions: EventMention[];
  participants: string[];
  origin: 'model' | 'user';
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
