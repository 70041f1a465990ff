import type { Entity } from '../entities/entity';
import type { StoryEvent } from '../events';
import { readEventDate, type Precision } from './eventDate';
import { entityName, eventSources, listInWords } from './sources';

/*
 * The timeline picture's data (Show Timeline): lanes and items, plain text only (the page puts it in the DOM
 * as text, never as HTML). An event is drawn once per lane it belongs to: per outlet that reports it, or per
 * person taking part. A day, a week or a month is a point (on the day, or in the middle of the week or month);
 * a quarter, a season, a year or a decade a bar over the time it covers. Undated
 * events cannot be placed on a time axis: they are counted, not drawn.
 */

export type Lanes = 'outlet' | 'person';

export interface PictureLane {
  id: string;
  content: string;
}

export interface PictureItem {
  id: string;
  group: string;
  /** YYYY-MM-DD; `end` (the day after the last one) only for bars. */
  start: string;
  end?: string;
  type: 'point' | 'range';
  content: string;
  /** The tooltip, in words: date, event, who reports it, who takes part. */
  title: string;
  eventId: string;
  /** The mention a click opens: in this lane's outlet, or the first one for a person's lane. */
  mention: { path: string; start: number; end: number };
}

export interface TimelinePicture {
  lanes: Lanes;
  groups: PictureLane[];
  items: PictureItem[];
  /** Events with no date to place. */
  undated: number;
}

export interface PictureNames {
  /** The outlet of an article. */
  outlet(path: string): string;
  entities: ReadonlyMap<string, Entity>;
}

/** Spans too short for their label to be read as a bar are drawn as a point in their middle (a day: on the day). */
const POINTS = new Set<Precision>(['day', 'week', 'month']);

/** The middle day of [start, end). */
function middle(start: string, end: string): string {
  const from = Date.parse(`${start}T00:00:00Z`);
  const days = Math.round((Date.parse(`${end}T00:00:00Z`) - from) / 86400000);
  return new Date(from + Math.floor(days / 2) * 86400000).toISOString().slice(0, 10);
}

const NO_PERSON = 'No person named';
/** The lane of events that name no person (person lanes are the people's entity ids). */
const NOBODY = 'nobody';

export function timelinePicture(events: readonly StoryEvent[], lanes: Lanes, names: PictureNames): TimelinePicture {
  const groups = new Map<string, PictureLane>();
  const items: PictureItem[] = [];
  let undated = 0;
  for (const event of events) {
    const date = readEventDate(event.date);
    if (!date.start || !event.mentions.length) { undated++; continue; }
    const sources = eventSources(event);
    const outlets = [...new Set(sources.map(s => names.outlet(s.path)))];
    const people = event.participants.filter(id => names.entities.get(id)?.type === 'PERSON');
    const others = event.participants.filter(id => !people.includes(id)).map(id => entityName(id, names.entities));
    const title = [
      `${date.words} — ${event.label}`,
      `Reported by ${listInWords(outlets)}`,
      ...(people.length ? [`With ${listInWords(people.map(id => entityName(id, names.entities)))}`] : []),
      ...(others.length ? [`Also: ${listInWords(others)}`] : []),
    ].join('\n');
    const shape = POINTS.has(date.precision) ? { type: 'point' as const, start: middle(date.start, date.end!) } : { type: 'range' as const, start: date.start, end: date.end };
    const lanesOf: { lane: string; content: string; mention: PictureItem['mention'] }[] = lanes === 'outlet'
      ? outlets.map(outlet => ({ lane: `outlet:${outlet}`, content: outlet, mention: sources.find(s => names.outlet(s.path) === outlet)!.mentions[0] }))
      : (people.length ? people : ['']).map(id => ({ lane: id || NOBODY, content: id ? entityName(id, names.entities) : NO_PERSON, mention: event.mentions[0] }));
    for (const { lane, content, mention } of lanesOf) {
      if (!groups.has(lane)) groups.set(lane, { id: lane, content });
      items.push({
        id: `${event.eventId}|${lane}`, group: lane, ...shape, content: event.label, title, eventId: event.eventId,
        mention: { path: mention.path, start: mention.start, end: mention.end },
      });
    }
  }
  const sorted = [...groups.values()].sort((a, b) => (a.id === NOBODY ? 1 : 0) - (b.id === NOBODY ? 1 : 0) || a.content.localeCompare(b.content));
  return { lanes, groups: sorted, items, undated };
}
