import type { StoryEvent, UserEventInput } from '../events';
import { SpanIndex, type Span } from '../text/span';
import type { ArticleView } from './types';

/*
 * The events of the corpus, kept up to date article by article: the user's event annotations, and the dated
 * sentences of the articles that name at least one person, place or organisation. Dated sentences of the
 * same date that share a person (or, without people, a place or organisation) are one event across articles.
 * Only the dates an article change touches are grouped again.
 */

const MAX_LABEL = 90;

/** A dated sentence of one article with who takes part. */
export interface DatedItem extends Span {
  path: string;
  text: string;
  date: string;
  participants: string[];
  /** What makes two sentences of a date one event: its people, or without people its participants. */
  key: string[];
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function label(sentence: string): string {
  const clean = sentence.replace(/\s+/g, ' ').trim();
  return clean.length <= MAX_LABEL ? clean : clean.slice(0, clean.lastIndexOf(' ', MAX_LABEL)) + '…';
}

export function datedItems(a: ArticleView): DatedItem[] {
  const out: DatedItem[] = [];
  if (!a.analysis.datedSentences.length) return out;
  const named = new SpanIndex(a.mentions.filter(m => m.entityId && m.type !== 'DATE' && m.type !== 'MISC'));
  for (const s of a.analysis.datedSentences) {
    const inside = named.within(s);
    if (!inside.length) continue;
    const people = unique(inside.filter(m => m.type === 'PERSON').map(m => m.entityId!));
    const participants = unique(inside.map(m => m.entityId!));
    out.push({ path: a.path, start: s.start, end: s.end, text: s.text, date: s.date, participants, key: people.length ? people : participants });
  }
  return out;
}

export function userEventInputs(a: ArticleView): UserEventInput[] {
  const out: UserEventInput[] = [];
  for (const p of a.annotations) {
    if (p.annotation.kind !== 'event' || !p.span) continue;
    const inside = a.mentions.filter(m => m.entityId && m.type !== 'DATE' && m.type !== 'MISC' && m.start >= p.span!.start && m.end <= p.span!.end);
    out.push({
      path: a.path, id: p.annotation.id, eventId: p.annotation.links.eventId, date: p.annotation.date,
      label: p.annotation.label || p.annotation.note || a.text.slice(p.span.start, p.span.end), span: p.span,
      text: a.text.slice(p.span.start, p.span.end), participants: [...new Set(inside.map(m => m.entityId!))],
    });
  }
  return out;
}

/** The model's events of one date, from its dated sentences in path and reading order; numbered in that order. */
function groupDate(date: string, items: DatedItem[]): StoryEvent[] {
  const events: StoryEvent[] = [];
  /** Each event's participants as they are gathered (in order of first appearance): one set, not a list copied per sentence. */
  const gathered: Set<string>[] = [];
  const firstWith = new Map<string, number>();
  for (const s of items) {
    let same: number | undefined;
    for (const p of s.key) {
      const e = firstWith.get(p);
      if (e !== undefined && (same === undefined || e < same)) same = e;
    }
    const mention = { path: s.path, start: s.start, end: s.end, text: s.text };
    if (same !== undefined) {
      events[same].mentions.push(mention);
      for (const p of s.participants) gathered[same].add(p);
      for (const p of s.participants) if (!firstWith.has(p)) firstWith.set(p, same);
      continue;
    }
    events.push({ eventId: `event:${date}:${events.length + 1}`, label: label(s.text), date, mentions: [mention], participants: s.participants, origin: 'model' });
    gathered.push(new Set(s.participants));
    for (const p of s.participants) if (!firstWith.has(p)) firstWith.set(p, events.length - 1);
  }
  events.forEach((e, i) => { if (e.mentions.length > 1) e.participants = [...gathered[i]]; });
  return events;
}

function userEvents(inputs: UserEventInput[]): StoryEvent[] {
  const events: StoryEvent[] = [];
  const byId = new Map<string, StoryEvent>();
  for (const u of inputs) {
    const eventId = u.eventId ?? `event:user:${u.id}`;
    const mention = { path: u.path, start: u.span.start, end: u.span.end, text: u.text };
    const existing = byId.get(eventId);
    if (existing) { existing.mentions.push(mention); continue; }
    const event: StoryEvent = { eventId, label: u.label, date: u.date ?? '', mentions: [mention], participants: u.participants, origin: 'user' };
    byId.set(eventId, event);
    events.push(event);
  }
  return events;
}

const dateKey = (e: StoryEvent) => e.date || '9999';

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Whether an article's dated sentences are what they were (an edit elsewhere in it leaves the timeline alone). */
function sameDated(a: readonly DatedItem[], b: readonly DatedItem[]): boolean {
  return a.length === b.length && a.every((x, i) => {
    const y = b[i];
    return x.start === y.start && x.end === y.end && x.date === y.date && x.text === y.text && sameList(x.participants, y.participants) && sameList(x.key, y.key);
  });
}

/** The timeline: events by date, then by label. */
export class Timeline {
  private readonly dated = new Map<string, Map<string, DatedItem[]>>();
  private readonly user = new Map<string, UserEventInput[]>();
  private readonly touchedDates = new Set<string>();
  private userTouched = false;
  private readonly modelByDate = new Map<string, StoryEvent[]>();
  private userByDate = new Map<string, StoryEvent[]>();
  private readonly buckets = new Map<string, StoryEvent[]>();
  private order: string[] = [];
  private list: StoryEvent[] = [];

  update(path: string, old: { dated: DatedItem[]; user: UserEventInput[] } | undefined, next: { dated: DatedItem[]; user: UserEventInput[] } | undefined): void {
    if (old && next && sameDated(old.dated, next.dated) && JSON.stringify(old.user) === JSON.stringify(next.user)) return; // nothing of it moved
    for (const item of old?.dated ?? []) this.dated.get(item.date)?.delete(path), this.touchedDates.add(item.date);
    for (const item of next?.dated ?? []) {
      const byPath = this.dated.get(item.date) ?? this.dated.set(item.date, new Map()).get(item.date)!;
      (byPath.get(path) ?? byPath.set(path, []).get(path)!).push(item);
      this.touchedDates.add(item.date);
    }
    if (old?.user.length || next?.user.length) {
      this.userTouched = true;
      if (next?.user.length) this.user.set(path, next.user);
      else this.user.delete(path);
    }
  }

  /** The events, regrouped where something changed; `changed` tells whether the list is new. */
  events(): { events: StoryEvent[]; changed: boolean } {
    if (!this.touchedDates.size && !this.userTouched) return { events: this.list, changed: false };
    const keys = new Set<string>();
    for (const date of this.touchedDates) {
      const byPath = this.dated.get(date);
      const items = byPath ? [...byPath].sort((a, b) => (a[0] < b[0] ? -1 : 1)).flatMap(([, xs]) => xs) : [];
      if (!items.length) { this.dated.delete(date); this.modelByDate.delete(date); } else this.modelByDate.set(date, groupDate(date, items));
      keys.add(date || '9999');
    }
    this.touchedDates.clear();
    if (this.userTouched) {
      this.userTouched = false;
      for (const k of this.userByDate.keys()) keys.add(k);
      const inputs = [...this.user].sort((a, b) => (a[0] < b[0] ? -1 : 1)).flatMap(([, xs]) => xs);
      this.userByDate = new Map();
      for (const e of userEvents(inputs)) (this.userByDate.get(dateKey(e)) ?? this.userByDate.set(dateKey(e), []).get(dateKey(e))!).push(e);
      for (const k of this.userByDate.keys()) keys.add(k);
    }
    let newDates = false;
    for (const k of keys) {
      const bucket = [...(this.userByDate.get(k) ?? []), ...(this.modelByDate.get(k) ?? [])];
      bucket.sort((a, b) => a.label.localeCompare(b.label));
      if (!bucket.length) { if (this.buckets.delete(k)) newDates = true; continue; }
      if (!this.buckets.has(k)) newDates = true;
      this.buckets.set(k, bucket);
    }
    if (newDates) this.order = [...this.buckets.keys()].sort((a, b) => a.localeCompare(b));
    this.list = this.order.flatMap(k => this.buckets.get(k)!);
    return { events: this.list, changed: true };
  }
}
