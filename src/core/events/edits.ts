import { overlaps } from '../text/span';
import { eventDate, storyEvent, type EventItem, type ModelEvent } from './group';
import type { StoryEvent, UserEventInput } from './index';

/*
 * The user's event annotations win over the model. Each is anchored on one mention and names the event it
 * belongs to (links.eventId), with a label and a date when the user gave them:
 * - a model mention under an annotation is pinned to that event; the rest of the model's event follows the
 *   event most of its pinned mentions name, or on a tie the one it was (so renaming or re-dating one mention's
 *   event renames the whole event, and merging is the same eventId on a mention of each);
 * - splitting pins the mentions taken out to a new event and one that stays to the old one;
 * - an annotation on text the model found nothing in is a mention of its event by itself ("Mark as Event…").
 * The first label and date given (in path order) name and date the event.
 */

export function applyUserEdits(model: readonly ModelEvent[], inputs: readonly UserEventInput[]): StoryEvent[] {
  if (!inputs.length) return model.map(e => storyEvent(e.eventId, e.items, e.date));
  const byPath = new Map<string, EventItem[]>();
  for (const e of model) for (const i of e.items) (byPath.get(i.path) ?? byPath.set(i.path, []).get(i.path)!).push(i);
  const pins = new Map<EventItem, string>();
  const own = new Map<string, UserEventInput[]>();
  const given = new Map<string, UserEventInput[]>();
  for (const u of inputs) {
    const id = u.eventId ?? `event:user:${u.id}`;
    (given.get(id) ?? given.set(id, []).get(id)!).push(u);
    const under = (byPath.get(u.path) ?? []).filter(i => overlaps(i, u.span));
    for (const i of under) pins.set(i, id);
    if (!under.length) (own.get(id) ?? own.set(id, []).get(id)!).push(u);
  }
  const items = new Map<string, EventItem[]>();
  const dates = new Map<string, string>();
  const add = (id: string, i: EventItem) => (items.get(id) ?? items.set(id, []).get(id)!).push(i);
  for (const e of model) {
    const pinned = e.items.map(i => pins.get(i)).filter((x): x is string => !!x);
    if (!pinned.length) { items.set(e.eventId, [...(items.get(e.eventId) ?? []), ...e.items]); dates.set(e.eventId, e.date); continue; }
    const counts = new Map<string, number>();
    for (const id of pinned) counts.set(id, (counts.get(id) ?? 0) + 1);
    // on a tie (a split pins one mention out and one that stays) the rest stays with the event it was
    const main = [...counts].sort((a, b) => b[1] - a[1] || Number(b[0] === e.eventId) - Number(a[0] === e.eventId))[0][0];
    for (const i of e.items) add(pins.get(i) ?? main, i);
  }
  const out: StoryEvent[] = [];
  for (const id of new Set([...items.keys(), ...own.keys()])) {
    const list = items.get(id) ?? [];
    const users = given.get(id) ?? [];
    const mentions = (own.get(id) ?? []).map(u => ({ path: u.path, start: u.span.start, end: u.span.end, text: u.text }));
    const base: StoryEvent = list.length
      ? storyEvent(id, list, dates.get(id) ?? eventDate(list))
      : { eventId: id, label: users.find(u => u.label)?.label || users[0].text, date: '', mentions: [], participants: [...new Set(users.flatMap(u => u.participants))], origin: 'user' };
    if (!users.length) { out.push(base); continue; }
    const label = users.find(u => u.label)?.label;
    const date = users.find(u => u.date)?.date;
    const sources = [...new Set([...(base.sources ?? []), ...mentions.map(m => m.path)])].sort();
    out.push({ ...base, ...(label ? { label } : {}), ...(date ? { date } : {}), mentions: [...base.mentions, ...mentions], origin: 'user', sources });
  }
  return out;
}
