import { collate } from '../text/collate';
import { compatibleDates, intervalOf, precisionOf } from './dates';
import type { EventItem } from './group';

/*
 * How event mentions of one kind join into events: a mention fits an event by the participants, place, ordinal
 * or article they share, and only the events it may fit are compared (an index by cells of time, by who and
 * where, by ordinal and article). The first best fitting event made is the one it joins.
 */

interface Cluster {
  items: EventItem[];
  anchor: string;
  ordinal?: string;
  participants: Set<string>;
  places: Set<string>;
  paths: Set<string>;
  /** Who stands for whom, from its mentions' countries and their leaders (both ways). */
  standIns: Map<string, string>;
}

/** In reading order: by article, then by place in it. */
export function byReading(a: EventItem, b: EventItem): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : a.start - b.start;
}

const RELATIVE_ORDINALS = new Set(['last', 'latest', 'next', 'final']);
const ordinalOf = (i: EventItem) => (i.ordinal && !RELATIVE_ORDINALS.has(i.ordinal) ? i.ordinal : undefined);


/**
 * How well a mention fits an event (-1: not at all): shared participants and place, and the same ordinal ("first
 * summit"); a bare mention fits a bare event. An undated numbered mention fits only an event of that number, and
 * "the dinner" fits the event its own article has told, whoever else it names.
 */
function fit(c: Cluster, item: EventItem): number {
  const o = ordinalOf(item);
  if (o && (c.ordinal ? o !== c.ordinal : !item.date)) return -1;
  const told = item.definite && c.paths.has(item.path);
  // two events naming two or more participants each are one only when two of them match (Kim–Moon is not Kim–Trump);
  // a country matches the person named as its leader ("the DPRK–U.S. summit", "the Trump–Kim summit")
  const people = item.participants.filter(p => sharedBy(c, item, p)).length;
  if (!told && people && people < Math.min(2, item.participants.length, c.participants.size)) return -1;
  const shared = people + (item.place && c.places.has(item.place) ? 1 : 0) + (o && o === c.ordinal ? 1 : 0) + (told ? 1 : 0);
  if (shared) return shared;
  const bare = !item.participants.length && !item.place;
  return bare || (!c.participants.size && !c.places.size) ? 0 : -1;
}

/** Whether the event has the participant, or someone it stands for or who stands for it. */
function sharedBy(c: Cluster, item: EventItem, p: string): boolean {
  if (c.participants.has(p)) return true;
  const stand = item.leaders?.[p] ?? c.standIns.get(p);
  return !!stand && c.participants.has(stand);
}

function noteStandIns(c: Cluster, item: EventItem): void {
  for (const [country, leader] of Object.entries(item.leaders ?? {})) { c.standIns.set(country, leader); c.standIns.set(leader, country); }
}

function join(c: Cluster, item: EventItem): void {
  c.items.push(item);
  c.ordinal ??= ordinalOf(item);
  noteStandIns(c, item);
  for (const p of item.participants) c.participants.add(p);
  if (item.place) c.places.add(item.place);
  c.paths.add(item.path);
}

function fresh(item: EventItem): Cluster {
  const c: Cluster = { items: [item], anchor: item.date, ordinal: ordinalOf(item), participants: new Set(item.participants), places: new Set(item.place ? [item.place] : []), paths: new Set([item.path]), standIns: new Map() };
  noteStandIns(c, item);
  return c;
}

function best(clusters: Cluster[], item: EventItem, accept: (c: Cluster, score: number) => boolean): Cluster | undefined {
  // no event fits better than by sharing everything fit counts: the first such one is the best
  const ceiling = item.participants.length + (item.place ? 1 : 0) + (ordinalOf(item) ? 1 : 0) + (item.definite ? 1 : 0);
  let found: Cluster | undefined, score = -1;
  for (const c of clusters) {
    const s = fit(c, item);
    if (s > score && accept(c, s)) { found = c; score = s; if (score >= ceiling) break; }
  }
  return found;
}

const isBare = (c: Cluster) => !c.participants.size && !c.places.size;

/** Days per cell of the grid events are found by date in; an anchor over more cells than WIDE is checked for every mention. */
const CELL = 32;
const WIDE = 24;

/**
 * The events of one kind found so far, indexed so that a mention is compared only with those it may join: by
 * the cells of time their first date covers, and by their participants and places. The candidates come in the
 * order the events were made, so the first best one is the one a comparison with all of them would choose.
 */
class KindIndex {
  readonly clusters: Cluster[] = [];
  private readonly numbers = new Map<Cluster, number>();
  /** Per cell of time, the events whose first date covers it; `wide` those over more than WIDE cells. */
  private readonly byCell = new Map<number, number[]>();
  private readonly wide: number[] = [];
  /** The same for the events that name no one and nowhere (those that come to name someone are dropped as met). */
  private readonly bareByCell = new Map<number, number[]>();
  private readonly bareWide: number[] = [];
  private readonly byWho = new Map<string, number[]>();
  /** Events by their ordinal (`o:first`) and by the articles they hold (`p:<path>`): fit counts both as shared. */
  private readonly byMark = new Map<string, number[]>();
  /** What each event is already found by. */
  private readonly noted = new Map<number, Set<string>>();

  add(c: Cluster): void {
    const n = this.clusters.push(c) - 1;
    this.numbers.set(c, n);
    for (const path of c.paths) this.note(n, c, c.participants, c.places, path);
    const x = intervalOf(c.anchor);
    if (!x) return;
    const from = Math.floor(x.from / CELL), to = Math.floor(x.to / CELL);
    const bare = isBare(c);
    if (to - from > WIDE) { this.wide.push(n); if (bare) this.bareWide.push(n); return; }
    for (let k = from; k <= to; k++) {
      (this.byCell.get(k) ?? this.byCell.set(k, []).get(k)!).push(n);
      if (bare) (this.bareByCell.get(k) ?? this.bareByCell.set(k, []).get(k)!).push(n);
    }
  }

  /** After `join`: the event is found by what the mention brought (its participants, place and article, and the ordinal it may have given). */
  noteWho(c: Cluster, item: EventItem): void {
    // the mention's participants, and those of the event it gave a stand-in (a country's leader, a leader's country)
    const who = new Set(item.participants);
    for (const [country, leader] of Object.entries(item.leaders ?? {})) {
      if (c.participants.has(country)) who.add(country);
      if (c.participants.has(leader)) who.add(leader);
    }
    this.note(this.numbers.get(c)!, c, who, item.place ? [item.place] : [], item.path);
  }

  private note(n: number, c: Cluster, participants: Iterable<string>, places: Iterable<string>, path?: string): void {
    const noted = this.noted.get(n) ?? this.noted.set(n, new Set()).get(n)!;
    const note = (index: Map<string, number[]>, key: string) => {
      if (noted.has(key)) return;
      noted.add(key);
      (index.get(key) ?? index.set(key, []).get(key)!).push(n);
    };
    for (const who of participants) { note(this.byWho, who); const stand = c.standIns.get(who); if (stand) note(this.byWho, stand); }
    for (const where of places) note(this.byWho, where);
    if (c.ordinal) note(this.byMark, `o:${c.ordinal}`);
    if (path !== undefined) note(this.byMark, `p:${path}`);
  }

  /**
   * The event a dated mention joins, or undefined: the best fitting one (the first made among equals) whose
   * first date is compatible with the mention's. Only events that may fit are compared: a mention naming
   * someone or somewhere fits an event sharing one of them (or its ordinal, or its article for "the dinner")
   * or an event naming no one; a bare mention with nothing else to share fits any, so the first compatible
   * one in each cell of time is enough.
   */
  bestByDate(item: EventItem): Cluster | undefined {
    const y = intervalOf(item.date)!;
    const from = Math.floor((y.from - 1) / CELL), to = Math.floor((y.to + 1) / CELL);
    const accept = (c: Cluster) => compatibleDates(c.anchor, item.date);
    const everything = to - from > WIDE;
    const inCells = () => {
      if (everything) return this.clusters;
      const ids = new Set(this.wide);
      for (let k = from; k <= to; k++) for (const n of this.byCell.get(k) ?? []) ids.add(n);
      return [...ids].sort((a, b) => a - b).map(n => this.clusters[n]);
    };
    const o = ordinalOf(item);
    if (!item.participants.length && !item.place) {
      if (o || item.definite) return best(inCells(), item, accept); // an ordinal or its article may make one fit better
      // the first in each list that fits and is compatible; the first of those firsts is the first overall
      let first = Infinity;
      const scan = (list: readonly number[]) => {
        for (const n of list) {
          if (n >= first) return;
          const c = this.clusters[n];
          if (fit(c, item) >= 0 && accept(c)) { first = n; return; }
        }
      };
      if (everything) scan(this.clusters.map((_, n) => n));
      else { scan(this.wide); for (let k = from; k <= to; k++) scan(this.byCell.get(k) ?? []); }
      return first === Infinity ? undefined : this.clusters[first];
    }
    const ids = new Set<number>(this.who(item));
    if (o) for (const n of this.byMark.get(`o:${o}`) ?? []) ids.add(n);
    if (item.definite) for (const n of this.byMark.get(`p:${item.path}`) ?? []) ids.add(n);
    const bare = (list: number[]) => {
      let kept = 0;
      for (const n of list) if (isBare(this.clusters[n])) { list[kept++] = n; ids.add(n); }
      list.length = kept; // no longer bare: never again
    };
    if (everything) this.clusters.forEach((c, n) => { if (isBare(c)) ids.add(n); });
    else { bare(this.bareWide); for (let k = from; k <= to; k++) { const list = this.bareByCell.get(k); if (list) bare(list); } }
    return best([...ids].sort((a, b) => a - b).map(n => this.clusters[n]), item, accept);
  }

  /** Events sharing a participant or the place with the mention. */
  byParticipants(item: EventItem): Cluster[] {
    return [...new Set(this.who(item))].sort((a, b) => a - b).map(n => this.clusters[n]);
  }

  private *who(item: EventItem): Iterable<number> {
    for (const p of item.participants) { yield* this.byWho.get(p) ?? []; const stand = item.leaders?.[p]; if (stand) yield* this.byWho.get(stand) ?? []; }
    if (item.place) yield* this.byWho.get(item.place) ?? [];
  }
}

/** The events of one kind. Dated mentions first, the most precise first; then undated ones join by participants. */
export function groupKind(items: readonly EventItem[]): EventItem[][] {
  const steps = groupKindInSteps(items);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** How many event mentions one step of `groupKindInSteps` places (a small part of a 50 ms slice at 10,000 articles). */
const PLACED_PER_STEP = 64;

/** The same grouping, a step at a time: the caller may pause between steps (the result is the same). */
export function* groupKindInSteps(items: readonly EventItem[]): Generator<void, EventItem[][]> {
  const dated = items.filter(i => i.date && intervalOf(i.date)).sort((a, b) => precisionOf(a.date) - precisionOf(b.date) || collate(a.date, b.date) || byReading(a, b));
  const undated = items.filter(i => !i.date || !intervalOf(i.date)).sort(byReading);
  const index = new KindIndex();
  let placed = 0;
  for (const item of dated) {
    const c = index.bestByDate(item);
    if (c) { join(c, item); index.noteWho(c, item); } else index.add(fresh(item));
    if (++placed % PLACED_PER_STEP === 0) yield;
  }
  // undated mentions join an event that shares someone or somewhere with them (fit > 0)
  for (const item of undated) {
    const c = best(index.byParticipants(item), item, (_, s) => s > 0);
    if (c) { join(c, item); index.noteWho(c, item); } else index.add(fresh(item));
    if (++placed % PLACED_PER_STEP === 0) yield;
  }
  return index.clusters.map(c => c.items.sort(byReading));
}

