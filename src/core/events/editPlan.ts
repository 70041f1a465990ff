import type { Annotation } from '../annotations/model';
import type { CorpusView } from '../corpus/types';
import { slug } from '../entities/names';
import type { Span } from '../text/span';
import type { EventMention, StoryEvent } from './index';

/*
 * What the user's event edits write to the sidecars (read back by events/edits.ts): event annotations, each
 * on one mention, naming the event by links.eventId with the label and date the user gave. A plan says which
 * annotations to add and which existing ones to change; the editor's commands carry it out.
 */

export interface EventPin {
  path: string;
  span: Span;
  eventId: string;
  label?: string;
  date?: string;
}

export interface EventChange {
  path: string;
  id: string;
  patch: { eventId?: string; label?: string; date?: string };
}

export interface EditPlan {
  add: EventPin[];
  change: EventChange[];
}

/** The user's annotations that name an event, with their article. */
export function annotationsOfEvent(view: CorpusView, eventId: string): { path: string; annotation: Annotation; span?: Span }[] {
  const out: { path: string; annotation: Annotation; span?: Span }[] = [];
  for (const [path, a] of view.articles) for (const p of a.annotations) if (p.annotation.kind === 'event' && p.annotation.links.eventId === eventId) out.push({ path, annotation: p.annotation, span: p.span });
  return out;
}

const sameMention = (m: EventMention, path: string, span?: Span) => !!span && m.path === path && m.start < span.end && span.start < m.end;

/** A pin on the event's first mention unless an annotation already names it. */
function pinned(view: CorpusView, event: StoryEvent, mentions = event.mentions): EventPin[] {
  const named = annotationsOfEvent(view, event.eventId);
  if (named.some(n => mentions.some(m => sameMention(m, n.path, n.span))) || !mentions.length) return [];
  const m = mentions[0];
  return [{ path: m.path, span: { start: m.start, end: m.end }, eventId: event.eventId }];
}

/** Rename or re-date: every annotation of the event takes the new label or date; none yet, one is added on its first mention. */
export function renamePlan(view: CorpusView, event: StoryEvent, patch: { label?: string; date?: string }): EditPlan {
  const named = annotationsOfEvent(view, event.eventId);
  if (named.length) return { add: [], change: named.map(n => ({ path: n.path, id: n.annotation.id, patch })) };
  return { add: pinned(view, event).map(p => ({ ...p, ...patch })), change: [] };
}

/** Merge `source` into `target`: the target is pinned, and the source's annotations (or a new one on its first mention) name the target. */
export function mergePlan(view: CorpusView, source: StoryEvent, target: StoryEvent): EditPlan {
  const add = pinned(view, target);
  const named = annotationsOfEvent(view, source.eventId);
  if (named.length) return { add, change: named.map(n => ({ path: n.path, id: n.annotation.id, patch: { eventId: target.eventId } })) };
  return { add: [...add, ...pinned(view, source).map(p => ({ ...p, eventId: target.eventId }))], change: [] };
}

/** Split the `taken` mentions off into a new event (`eventId`, named `label`); what stays is pinned to the old one. */
export function splitPlan(view: CorpusView, event: StoryEvent, taken: EventMention[], eventId: string, label: string): EditPlan {
  const named = annotationsOfEvent(view, event.eventId);
  const add: EventPin[] = stayPlan(view, event, taken).add;
  const change: EventChange[] = [];
  taken.forEach((m, i) => {
    const own = named.find(n => sameMention(m, n.path, n.span));
    const patch = { eventId, ...(i === 0 ? { label } : {}) };
    if (own) change.push({ path: own.path, id: own.annotation.id, patch });
    else add.push({ path: m.path, span: { start: m.start, end: m.end }, ...patch });
  });
  return { add, change };
}

/** What keeps an event where it is when some of its mentions (`taken`) go to another: a pin on one that stays. */
export function stayPlan(view: CorpusView, event: StoryEvent, taken: readonly EventMention[]): EditPlan {
  return { add: pinned(view, event, event.mentions.filter(m => !taken.includes(m))), change: [] };
}

/** A new event's id, readable in a diff: `event:user:photo-call`, with a number when taken. */
export function newEventId(view: CorpusView, label: string): string {
  const base = `event:user:${slug(label) || 'event'}`;
  const taken = new Set(view.events.map(e => e.eventId));
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}
