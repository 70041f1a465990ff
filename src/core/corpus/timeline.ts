import { applyUserEdits } from '../events/edits';
import { modelEvents, type EventItem, type ModelEvent } from '../events/group';
import { groupKindInSteps } from '../events/clusters';
import type { Named, StoryEvent, UserEventInput } from '../events';
import { SpanIndex } from '../text/span';
import { collate } from '../text/collate';
import { detached } from '../text/memo';
import type { Mention } from '../model';
import type { ArticleView } from './types';

/*
 * The events of the corpus, kept up to date article by article: the event mentions each article's analysis
 * found (their participants resolved to the corpus's entities), grouped across articles by kind, date and
 * participants (src/core/events/group.ts); then the user's event annotations, which win (events/edits.ts).
 * Only the kinds an article's change touches are grouped again.
 */

/** What one article brings to the timeline. */
export interface ArticleEvents {
  found: EventItem[];
  user: UserEventInput[];
}

const ACTORS = new Set(['PERSON', 'ORG', 'PLACE']);

/** The article's event mentions, each participant and place as the entity the corpus resolved it to. */
export function eventItems(a: ArticleView): EventItem[] {
  const found = a.analysis.events;
  if (!found?.length) return [];
  const named = new SpanIndex(a.mentions.filter(m => m.entityId && ACTORS.has(m.type)));
  const entity = (n: Named): Mention | undefined => named.overlapping(n).find(m => m.start === n.start && m.end === n.end) ?? named.overlapping(n)[0];
  return found.map(f => {
    const participants: string[] = [], names: string[] = [];
    const leaders: Record<string, string> = {};
    for (const p of f.participants) {
      const m = entity(p);
      if (m && !participants.includes(m.entityId!)) { participants.push(m.entityId!); names.push(m.label ?? m.text); }
      const leader = m && p.leader && entity(p.leader);
      if (leader && leader.entityId !== m.entityId) leaders[m.entityId!] = leader.entityId!;
    }
    const place = f.place && entity(f.place);
    // written out, the optional fields added only where they are (in the order they always had): an object
    // built with spreads keeps room for every field it might have had (136 bytes where 96 hold most items)
    const item: EventItem = { path: a.path, start: f.start, end: f.end, text: f.text, noun: f.noun, kind: f.kind, date: f.date ?? '', participants: kept(participants), names: kept(names) };
    if (Object.keys(leaders).length) item.leaders = leaders;
    if (f.ordinal) item.ordinal = f.ordinal;
    if (f.modifier) item.modifier = f.modifier;
    if (f.definite) item.definite = true;
    if (place) { item.place = place.entityId!; item.placeName = place.label ?? place.text; }
    return item;
  });
}

const NONE: string[] = Object.freeze([]) as unknown as string[];

/**
 * A list built by pushing, as the timeline keeps it: an array grown from empty holds room for 17, and the
 * timeline keeps two per event mention (9 MB per 3,000 articles); an empty one is the one empty list.
 */
function kept(list: string[]): string[] {
  return list.length ? list.slice() : NONE;
}

export function userEventInputs(a: ArticleView): UserEventInput[] {
  const out: UserEventInput[] = [];
  let whole: string | undefined; // the view's text, made once if an annotation asks for it
  for (const p of a.annotations) {
    if (p.annotation.kind !== 'event' || !p.span) continue;
    const inside = a.mentions.filter(m => m.entityId && m.type !== 'DATE' && m.type !== 'MISC' && m.start >= p.span!.start && m.end <= p.span!.end);
    out.push({
      path: a.path, id: p.annotation.id, eventId: p.annotation.links.eventId, date: p.annotation.date, label: p.annotation.label ?? '',
      span: p.span, text: detached((whole ??= a.text).slice(p.span.start, p.span.end)), participants: [...new Set(inside.map(m => m.entityId!))],
    });
  }
  return out;
}

/** An article's items by kind, each kind's in an exact list (a copy of the list grown by pushing), in the article's order. */
function byKindOf(items: readonly EventItem[]): Map<string, EventItem[]> {
  const lists = new Map<string, EventItem[]>();
  for (const item of items) (lists.get(item.kind) ?? lists.set(item.kind, []).get(item.kind)!).push(item);
  for (const [kind, list] of lists) lists.set(kind, list.slice());
  return lists;
}

const byPath = <T>(m: Map<string, T[]>) => [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1)).flatMap(([, xs]) => xs);
const dateKey = (e: StoryEvent) => e.date || '9999';
const byDateAndLabel = (a: StoryEvent, b: StoryEvent) => collate(dateKey(a), dateKey(b)) || collate(a.label, b.label) || collate(a.eventId, b.eventId);

/** A grouping done a step at a time: `run` works until `stop` (asked between steps) says to pause; the events once done. */
export interface EventsJob {
  run(stop: () => boolean): StoryEvent[] | undefined;
}

/** The timeline: events by date, then by label. */
export class Timeline {
  private readonly byKind = new Map<string, Map<string, EventItem[]>>();
  private readonly user = new Map<string, UserEventInput[]>();
  private readonly touched = new Set<string>();
  private userTouched = false;
  private readonly model = new Map<string, ModelEvent[]>();
  /** Each kind's events as the timeline shows them when the user has edited none: made once per regrouping. */
  private readonly shown = new Map<string, StoryEvent[]>();
  private list: StoryEvent[] = [];

  update(path: string, old: ArticleEvents | undefined, next: ArticleEvents | undefined): void {
    if (old && next && JSON.stringify(old) === JSON.stringify(next)) return; // nothing of it moved
    if (!old?.found.length && !next?.found.length && !old?.user.length && !next?.user.length) return;
    this.version++;
    for (const item of old?.found ?? []) { this.byKind.get(item.kind)?.delete(path); this.touched.add(item.kind); }
    // each kind's items of the article as one exact list: a list grown by pushing holds room for 17, and most
    // articles tell one event of a kind (14 MB of spare room at 10,000 articles)
    for (const [kind, items] of byKindOf(next?.found ?? [])) {
      (this.byKind.get(kind) ?? this.byKind.set(kind, new Map()).get(kind)!).set(path, items);
      this.touched.add(kind);
    }
    if (old?.user.length || next?.user.length) {
      this.userTouched = true;
      if (next?.user.length) this.user.set(path, next.user);
      else this.user.delete(path);
    }
  }

  /** How many updates changed something: a resolve compares it before and after to tell whether the events changed. */
  version = 0;

  /** The events as last grouped, when nothing changed since; undefined while some wait to be grouped again. */
  grouped(): StoryEvent[] | undefined {
    return this.touched.size || this.userTouched || this.regrouped || this.job ? undefined : this.list;
  }

  /** The events, regrouped where something changed; `changed` tells whether the list is new. */
  events(): { events: StoryEvent[]; changed: boolean } {
    this.finish();
    if (this.touched.size) { const steps = this.regroup(); while (!steps.next().done); }
    const changed = this.regrouped || this.userTouched;
    return { events: this.listed(), changed };
  }

  /**
   * The same grouping a step at a time (src/vscode/trees/events.ts groups 10,000 articles' events in slices);
   * undefined when no kind waits to be grouped. Once done, the events as grouped then: kinds changed meanwhile
   * are grouped at the next grouping (until then `grouped()` says none are). `events()` meanwhile finishes the
   * job first.
   */
  groupInSteps(): EventsJob | undefined {
    this.finish();
    if (!this.touched.size) return undefined;
    const steps = this.regroup();
    this.job = steps;
    return {
      run: stop => {
        if (this.job === steps) {
          for (let step = steps.next(); !step.done; step = steps.next()) if (stop()) return undefined;
          this.job = undefined;
        }
        return this.listed();
      },
    };
  }

  /** The list of the events as the kinds are grouped now (made again when some were regrouped, or the user's changed). */
  private listed(): StoryEvent[] {
    if (!this.regrouped && !this.userTouched) return this.list;
    this.regrouped = false;
    this.userTouched = false;
    const kinds = [...this.model.keys()].sort();
    const inputs = byPath(this.user);
    const events = inputs.length
      ? applyUserEdits(kinds.flatMap(k => this.model.get(k)!), inputs)
      : kinds.flatMap(k => this.shown.get(k) ?? this.shownOf(k));
    this.list = events.sort(byDateAndLabel);
    return this.list;
  }

  /** A grouping in steps under way. */
  private job: Generator<void, void> | undefined;
  /** Kinds were grouped again since the list was made. */
  private regrouped = false;

  private finish(): void {
    const job = this.job;
    this.job = undefined;
    if (job) for (let step = job.next(); !step.done; step = job.next());
  }

  /** Groups again the kinds changed before it started (those changed meanwhile wait for the next grouping). */
  private *regroup(): Generator<void, void> {
    const kinds = [...this.touched];
    this.touched.clear();
    for (const kind of kinds) {
      this.shown.delete(kind);
      const paths = this.byKind.get(kind);
      const items = paths ? byPath(paths) : [];
      this.regrouped = true;
      if (!items.length) { this.byKind.delete(kind); this.model.delete(kind); continue; }
      this.model.set(kind, modelEvents(yield* groupKindInSteps(items), new Set()));
      yield;
    }
    // each kind's events as shown, a kind a step (with event annotations of the user's, the list is made whole)
    if (!this.user.size) for (const kind of this.model.keys()) if (!this.shown.has(kind)) { this.shownOf(kind); yield; }
  }

  private shownOf(kind: string): StoryEvent[] {
    const shown = applyUserEdits(this.model.get(kind)!, []);
    this.shown.set(kind, shown);
    return shown;
  }
}
