import type { Entity } from '../entities/entity';
import type { EventMention, StoryEvent } from '../events';
import type { EntityType } from '../model';
import type { CorpusView } from './types';
import { contentHash } from '../text/hash';

/*
 * The lists of a resolved corpus as the last session left them — its people, organisations and places, with
 * how often each article names them, and its timeline of events — and what each article's resolution rested
 * on (its fingerprint), so that a new session can show them while it reads the folder again, and know the
 * moment they stop being true.
 */

/** The form of a stored snapshot: one of another form is not read (2: with the events). */
export const SNAPSHOT_FORMAT = 2;

/** The entities and their counts per article, as the views list them. */
export interface EntityLists {
  entities: ReadonlyMap<string, Entity>;
  mentionCounts: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

export interface CorpusSnapshot extends EntityLists {
  /** The files the scan listed as articles that are not in the corpus (too large to read, say). */
  unread: readonly string[];
  /** Article path → the hash of what its resolution rested on (Corpus.fingerprint). */
  fingerprints: ReadonlyMap<string, string>;
  /** The timeline as last grouped; undefined when the last session kept none (it had not grouped them). */
  events?: readonly StoryEvent[];
}

const TYPES: readonly EntityType[] = ['PERSON', 'ORG', 'PLACE', 'DATE', 'MISC'];

/** One entity: id, type's number, name, forms and their counts in turn, titles, then article number and count in turn. */
type StoredEntity = [string, number, string, (string | number)[], string[], number[]];

/**
 * One event: id, label, date, 1 when the user's, the participants' ids, its mentions (article number, start,
 * end, text in turn), place, trigger (null: none), the articles telling it (numbers; null: not said).
 */
type StoredEvent = [string, string, string, number, string[], (string | number)[], string | null, string | null, number[] | null];

interface Stored {
  format: number;
  unread: string[];
  /** Article path and fingerprint in turn; an article's number is its place here. */
  articles: string[];
  entities: StoredEntity[];
  events?: StoredEvent[];
}

/**
 * The snapshot of a resolved corpus: its entities of `types` that articles name, its events as grouped
 * (`events`; none kept when not given), and every article's fingerprint.
 */
export function encodeSnapshot(view: Pick<CorpusView, 'entities' | 'mentionCounts'>, fingerprints: ReadonlyMap<string, string>, listed: readonly string[], types: readonly EntityType[], events?: readonly StoryEvent[]): string {
  const numbers = new Map<string, number>();
  const articles: string[] = [];
  for (const [path, fingerprint] of fingerprints) { numbers.set(path, numbers.size); articles.push(path, contentHash(fingerprint)); }
  const entities: StoredEntity[] = [];
  for (const entity of view.entities.values()) {
    if (!types.includes(entity.type)) continue;
    const counts: number[] = [];
    for (const [path, count] of view.mentionCounts.get(entity.id) ?? []) {
      const n = numbers.get(path);
      if (n === undefined) throw new Error(`no fingerprint for ${path}, which names ${entity.id}`);
      counts.push(n, count);
    }
    if (!counts.length) continue;
    entities.push([entity.id, TYPES.indexOf(entity.type), entity.name, [...entity.forms].flat(), [...entity.titles], counts]);
  }
  const number = (path: string): number => {
    const n = numbers.get(path);
    if (n === undefined) throw new Error(`no fingerprint for ${path}, which tells an event`);
    return n;
  };
  const stored: Stored = {
    format: SNAPSHOT_FORMAT, unread: listed.filter(path => !fingerprints.has(path)), articles, entities,
    ...(events ? { events: events.map(e => storedEvent(e, number)) } : {}),
  };
  return JSON.stringify(stored);
}

function storedEvent(e: StoryEvent, number: (path: string) => number): StoredEvent {
  const mentions = e.mentions.flatMap(m => [number(m.path), m.start, m.end, m.text]);
  return [e.eventId, e.label, e.date, e.origin === 'user' ? 1 : 0, e.participants, mentions, e.place ?? null, e.trigger ?? null, e.sources?.map(number) ?? null];
}

/** A stored event made again; throws on a damaged one. */
function eventOf(stored: StoredEvent, paths: readonly string[]): StoryEvent {
  const [eventId, label, date, user, participants, flat, place, trigger, sources] = Array.isArray(stored) ? stored : [];
  const pathOf = (n: unknown): string => {
    const path = typeof n === 'number' ? paths[n] : undefined;
    if (path === undefined) throw new Error(`damaged event ${String(eventId)}`);
    return path;
  };
  if (typeof eventId !== 'string' || typeof label !== 'string' || typeof date !== 'string' || !Array.isArray(participants) || !Array.isArray(flat) || flat.length % 4 || (sources !== null && !Array.isArray(sources))) {
    throw new Error(`damaged event ${String(eventId)}`);
  }
  const mentions: EventMention[] = [];
  for (let i = 0; i < flat.length; i += 4) {
    const [start, end, text] = [flat[i + 1], flat[i + 2], flat[i + 3]];
    if (typeof start !== 'number' || typeof end !== 'number' || typeof text !== 'string') throw new Error(`damaged event ${eventId}`);
    mentions.push({ path: pathOf(flat[i]), start, end, text });
  }
  return {
    eventId, label, date, mentions, participants: participants.map(String), origin: user ? 'user' : 'model',
    ...(typeof place === 'string' ? { place } : {}), ...(typeof trigger === 'string' ? { trigger } : {}), ...(sources ? { sources: sources.map(pathOf) } : {}),
  };
}

/** A stored snapshot read back; throws on anything that is not one of this form. */
export function decodeSnapshot(json: string): CorpusSnapshot {
  const stored = JSON.parse(json) as Stored;
  if (!stored || stored.format !== SNAPSHOT_FORMAT || !Array.isArray(stored.unread) || !Array.isArray(stored.articles) || !Array.isArray(stored.entities) || stored.articles.length % 2) {
    throw new Error('not a corpus snapshot of this form');
  }
  const paths: string[] = [];
  const fingerprints = new Map<string, string>();
  for (let i = 0; i < stored.articles.length; i += 2) {
    const [path, fingerprint] = [stored.articles[i], stored.articles[i + 1]];
    if (typeof path !== 'string' || typeof fingerprint !== 'string') throw new Error('damaged article list');
    paths.push(path);
    fingerprints.set(path, fingerprint);
  }
  const entities = new Map<string, Entity>();
  const mentionCounts = new Map<string, Map<string, number>>();
  for (const [id, type, name, forms, titles, counts] of stored.entities) {
    if (typeof id !== 'string' || typeof name !== 'string' || !TYPES[type] || !Array.isArray(forms) || !Array.isArray(titles) || !Array.isArray(counts)) throw new Error(`damaged entity ${String(id)}`);
    const written = new Map<string, number>();
    for (let i = 0; i < forms.length; i += 2) written.set(String(forms[i]), Number(forms[i + 1]));
    const byArticle = new Map<string, number>();
    for (let i = 0; i < counts.length; i += 2) {
      const path = paths[counts[i]];
      if (path === undefined || !(counts[i + 1] > 0)) throw new Error(`damaged counts of ${id}`);
      byArticle.set(path, counts[i + 1]);
    }
    entities.set(id, { id, type: TYPES[type], name, forms: written, titles: new Set(titles.map(String)) });
    mentionCounts.set(id, byArticle);
  }
  if (stored.events !== undefined && !Array.isArray(stored.events)) throw new Error('damaged events');
  const events = stored.events?.map(e => eventOf(e, paths));
  return { unread: stored.unread.map(String), fingerprints, entities, mentionCounts, ...(events ? { events } : {}) };
}

/** Whether a scan's listing of the folder is the one the snapshot was made from. */
export function sameListing(snapshot: CorpusSnapshot, listed: readonly string[]): boolean {
  if (snapshot.fingerprints.size + snapshot.unread.length !== listed.length) return false;
  const unread = new Set(snapshot.unread);
  return listed.every(path => snapshot.fingerprints.has(path) || unread.has(path));
}

/** Whether an article's fingerprint (Corpus.fingerprint) is the one the snapshot holds for it. */
export function sameFingerprint(snapshot: CorpusSnapshot, path: string, fingerprint: string | undefined): boolean {
  return fingerprint !== undefined && snapshot.fingerprints.get(path) === contentHash(fingerprint);
}
