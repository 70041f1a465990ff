import type { Span } from '../text/span';
import { intervalOf, precisionOf } from './dates';
import type { StoryEvent } from './index';
import { eventLabel } from './label';
import { collate } from '../text/collate';

import { byReading } from './clusters';

export { groupKind } from './clusters';

/*
 * Event mentions of the whole corpus grouped into events: mentions of one kind (summit, meeting and
 * conference are one kind) whose dates are compatible and whose participants or place overlap are one event.
 * Grouping runs per kind, so an article's change regroups only the kinds it has. Ids are made from what the
 * event is (date, kind, participants), not from the order the articles came in.
 */

/** One event mention with its participants resolved to entity ids (src/core/corpus/timeline.ts). */
export interface EventItem extends Span {
  path: string;
  /** The trigger as written. */
  text: string;
  noun: string;
  kind: string;
  ordinal?: string;
  modifier?: string;
  /** "The dinner": it refers back to an event its article has told. */
  definite?: boolean;
  /** Normalised date; '' undated. */
  date: string;
  /** Entity ids, in order of appearance, and each one's name as this article writes it. */
  participants: string[];
  names: string[];
  /** Countries taking part mapped to the person the article names as their leader (entity ids): either stands for the other. */
  leaders?: Record<string, string>;
  /** The place's entity id and its name as written. */
  place?: string;
  placeName?: string;
}

export interface ModelEvent {
  eventId: string;
  items: EventItem[];
  date: string;
}


/** The date of an event: the most precise date its mentions give, the one most of them give. */
export function eventDate(items: readonly EventItem[]): string {
  const dates = items.map(i => i.date).filter(d => d && intervalOf(d));
  if (!dates.length) return items.find(i => i.date)?.date ?? '';
  const finest = Math.min(...dates.map(precisionOf));
  const counts = new Map<string, number>();
  for (const d of dates) if (precisionOf(d) === finest) counts.set(d, (counts.get(d) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || collate(a[0], b[0]))[0][0];
}

/** Participants by how many mentions name them, then by first appearance. */
export function rankedParticipants(items: readonly EventItem[]): string[] {
  const counts = new Map<string, number>();
  for (const i of items) for (const p of new Set(i.participants)) counts.set(p, (counts.get(p) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([p]) => p);
}

const idPart = (entityId: string) => entityId.slice(entityId.indexOf(':') + 1);

/** An id from what the event is: `event:2019-02-27:meeting:donald-trump+kim-jong-un`. */
export function modelEventId(items: readonly EventItem[], date: string): string {
  const who = rankedParticipants(items).slice(0, 2).map(idPart).sort();
  const where = items.find(i => i.place)?.place;
  const what = who.length ? who.join('+') : where ? idPart(where) : '';
  return `event:${date || 'undated'}:${items[0].kind}${what ? `:${what}` : ''}`;
}

/** Model events of a set of groups, ids made unique in a fixed order (a second "same" event gets `~2`). */
export function modelEvents(groups: EventItem[][], taken: Set<string>): ModelEvent[] {
  const out: ModelEvent[] = [];
  const ordered = groups.map(items => ({ items, date: eventDate(items) })).sort((a, b) => byReading(a.items[0], b.items[0]));
  for (const g of ordered) {
    const base = modelEventId(g.items, g.date);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}~${n}`;
    taken.add(id);
    out.push({ eventId: id, items: g.items, date: g.date });
  }
  return out;
}

/** A model event as the timeline shows it. */
export function storyEvent(eventId: string, items: readonly EventItem[], date: string): StoryEvent {
  const sources = [...new Set(items.map(i => i.path))].sort();
  const place = items.find(i => i.placeName)?.placeName;
  return {
    eventId, label: eventLabel(items), date, origin: 'model', participants: rankedParticipants(items),
    mentions: items.map(i => ({ path: i.path, start: i.start, end: i.end, text: i.text })),
    ...(place ? { place } : {}), trigger: items[0].noun, sources,
  };
}
