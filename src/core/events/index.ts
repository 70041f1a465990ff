import type { DatedSentence, Mention } from '../model';
import { SpanIndex, type Span } from '../text/span';

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

export interface DatedInput {
  path: string;
  sentences: DatedSentence[];
  mentions: Mention[];
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

const MAX_LABEL = 90;

/**
 * Events of the first version: the user's event annotations and the dated sentences of the articles
 * that name at least one person, place or organisation. Dated sentences of the same date that share a
 * person (or, without people, a place or organisation) are one event across articles.
 */
export function collectEvents(dated: DatedInput[], userEvents: UserEventInput[]): StoryEvent[] {
  const events: StoryEvent[] = [];
  for (const u of userEvents) {
    const eventId = u.eventId ?? `event:user:${u.id}`;
    const existing = events.find(e => e.eventId === eventId);
    const mention = { path: u.path, start: u.span.start, end: u.span.end, text: u.text };
    if (existing) { existing.mentions.push(mention); continue; }
    events.push({ eventId, label: u.label, date: u.date ?? '', mentions: [mention], participants: u.participants, origin: 'user' });
  }
  const byDate = new Map<string, StoryEvent[]>();
  for (const article of dated) {
    const named = new SpanIndex(article.mentions.filter(m => m.entityId && m.type !== 'DATE' && m.type !== 'MISC'));
    for (const s of article.sentences) {
      const inside = named.within(s);
      if (!inside.length) continue;
      const people = unique(inside.filter(m => m.type === 'PERSON').map(m => m.entityId!));
      const participants = unique(inside.map(m => m.entityId!));
      const key = people.length ? people : participants;
      const mention = { path: article.path, start: s.start, end: s.end, text: s.text };
      const same = byDate.get(s.date)?.find(e => e.participants.some(p => key.includes(p)));
      if (same) {
        same.mentions.push(mention);
        same.participants = unique([...same.participants, ...participants]);
        continue;
      }
      const event: StoryEvent = { eventId: '', label: label(s.text), date: s.date, mentions: [mention], participants, origin: 'model' };
      events.push(event);
      byDate.set(s.date, [...(byDate.get(s.date) ?? []), event]);
    }
  }
  const perDate = new Map<string, number>();
  for (const e of events.filter(x => x.origin === 'model').sort((a, b) => a.date.localeCompare(b.date))) {
    const n = (perDate.get(e.date) ?? 0) + 1;
    perDate.set(e.date, n);
    e.eventId = `event:${e.date}:${n}`;
  }
  return events.sort((a, b) => (a.date || '9999').localeCompare(b.date || '9999') || a.label.localeCompare(b.label));
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function label(sentence: string): string {
  const clean = sentence.replace(/\s+/g, ' ').trim();
  return clean.length <= MAX_LABEL ? clean : clean.slice(0, clean.lastIndexOf(' ', MAX_LABEL)) + '…';
}
