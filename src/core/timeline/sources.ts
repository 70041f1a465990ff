import type { Entity } from '../entities/entity';
import type { EventMention, StoryEvent } from '../events';

/** One article that reports an event, with the mentions of it there (in reading order). */
export interface EventSource {
  path: string;
  mentions: EventMention[];
}

/** The articles that report an event, in the order of their first mention. */
export function eventSources(event: StoryEvent): EventSource[] {
  const byPath = new Map<string, EventMention[]>();
  for (const m of event.mentions) {
    const list = byPath.get(m.path);
    if (list) list.push(m);
    else byPath.set(m.path, [m]);
  }
  return [...byPath].map(([path, mentions]) => ({ path, mentions: mentions.sort((a, b) => a.start - b.start) }));
}

/** How many articles report an event. */
export function sourceCount(event: StoryEvent): number {
  if (event.mentions.length < 2) return event.mentions.length;
  return new Set(event.mentions.map(m => m.path)).size;
}

/** The people and organisations taking part in events, by name (what a filter offers). */
export function eventParticipants(events: readonly StoryEvent[], entities: ReadonlyMap<string, Entity>, types: ReadonlySet<string> = new Set(['PERSON', 'ORG'])): { entity: Entity; events: number }[] {
  const counts = new Map<string, number>();
  for (const e of events) for (const id of new Set(e.participants)) counts.set(id, (counts.get(id) ?? 0) + 1);
  const out: { entity: Entity; events: number }[] = [];
  for (const [id, events] of counts) {
    const entity = entities.get(id);
    if (entity && types.has(entity.type)) out.push({ entity, events });
  }
  return out.sort((a, b) => b.events - a.events || a.entity.name.localeCompare(b.entity.name));
}

/** An entity id as a reader knows it: its name in the corpus, or the words of the id (`person:kim-jong-un` → "kim jong un"). */
export function entityName(id: string, entities: ReadonlyMap<string, Entity>): string {
  return entities.get(id)?.name ?? id.replace(/^[a-z]+:/, '').replace(/-/g, ' ');
}

/** "A", "A and B", "A, B and C". */
export function listInWords(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A mention as one line: whitespace folded, cut at a word near `max` characters. */
export function oneLine(text: string, max = 160): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.lastIndexOf(' ', max);
  return `${clean.slice(0, cut > max / 2 ? cut : max)}…`;
}
