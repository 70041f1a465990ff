import type { Mention } from '../model';
import { paragraphs, sentences } from '../text/sentences';
import { SpanIndex, type Span } from '../text/span';
import { clausesOf, tenseOf, type Clause } from './clauses';
import type { FoundEvent, Named } from './index';
import { triggerLexicon, type TriggerEntry } from './lexicon';
import { modifiersBefore } from './modifiers';
import { keptWithoutDate, reportable } from './reportable';
import { candidateWords, type CandidateWord } from './words';

/*
 * The events of one article: each trigger the learned lexicon knows (a noun or a verb: summit, met, visit),
 * with the people and organisations of its clause, the place it happens in, and its date — the clause's
 * own time expression, else one of its sentence that no other trigger claims, else the article's reference
 * (publication) date when the tense says it is the news being reported, else none. A trigger with neither
 * participant, place nor a date of its own ("welcome", "the walk") is not an event a reader would list.
 */

/** A time expression with its normalised value (from the DATE mentions, or src/core/dates normaliseDates). */
export interface TimeInput extends Span {
  text: string;
  value: string | null;
}

const OTHER_PREPOSITIONS = new Set(['by', 'with', 'for', 'on', 'about', 'against', 'between', 'among', 'over', 'under', 'than', 'like', 'and', 'or']);
const LOCATIVE = new Set(['in', 'at', 'near', 'to', 'inside', 'outside', 'across', 'throughout', 'from', 'into', 'around']);

/** The date part of a normalised value ("2019-02-27TNI" → 2019-02-27); the present is the reference date; vague pasts and futures are none. */
export function dateOfValue(value: string | null, reference: string | null): string | null {
  if (!value) return null;
  if (value === 'PRESENT_REF') return reference;
  if (/_REF$|^X/.test(value)) return null;
  return value.split('T')[0] || null;
}

export interface Trigger extends CandidateWord {
  entry: TriggerEntry;
}

/** "Shake hands" names a handshake: the verb's forms, when "hands" follows, are that event's trigger. */
const SHAKE: Record<string, boolean> = { shake: false, shakes: false, shaking: false, shook: true, shaken: false };
const handshake = (past: boolean): TriggerEntry => ({ noun: 'handshake', kind: 'handshake', verb: true, past });

/** The words of a text the learned lexicon takes for event triggers (what eval:events scores against TimeBank). */
export function findTriggers(text: string): Trigger[] {
  const lexicon = triggerLexicon();
  const out: Trigger[] = [];
  // only the words the lexicon knows are made candidates
  for (const w of candidateWords(text, form => lexicon.has(form) || form in SHAKE)) {
    const entry = w.form in SHAKE && /^\s+hands\b/.test(text.slice(w.end, w.end + 7)) ? handshake(SHAKE[w.form]) : lexicon.get(w.form);
    if (entry && !LIGHT.has(entry.noun)) out.push({ ...w, entry });
  }
  return out;
}


/**
 * Light verbs (and the nouns made of them): they carry the event of the words they take — "came to Hanoi",
 * "made a visit", "held talks", "set a date", "joined the talks" — and are never an event a reader lists.
 */
const LIGHT = new Set(['come', 'go', 'make', 'making', 'take', 'get', 'give', 'put', 'hold', 'set', 'join', 'joining', 'happening', 'keep', 'do', 'have']);

/** A trigger found with its parts, and what tells whether a reader would list it (src/core/events/reportable.ts). */
export interface Candidate extends FoundEvent {
  verb: boolean;
}

/** Every event mention of an article, in reading order. Pure: the same input always gives the same events. */
export function findEvents(text: string, mentions: readonly Mention[], times: readonly TimeInput[], reference: string | null): FoundEvent[] {
  const out: FoundEvent[] = [];
  for (const c of eventCandidates(text, mentions, times, reference, true)) {
    if (!reportable(c)) continue;
    const { verb: _verb, ...event } = c;
    out.push(event);
  }
  return out;
}

/**
 * Every trigger of an article with its participants, place and date, before the ones a reader would not list are
 * left out. `pruned`: a trigger the keep rule cannot keep without a date of its own is dropped as soon as it has
 * none (before its parts are looked for), and a sentence with no time expression and only such triggers is not read.
 */
export function eventCandidates(text: string, mentions: readonly Mention[], times: readonly TimeInput[], reference: string | null, pruned = false): Candidate[] {
  const named = new SpanIndex(mentions.filter(m => m.type === 'PERSON' || m.type === 'ORG' || m.type === 'PLACE'));
  const timeIndex = new SpanIndex(times);
  // list items of links ("- The Best Inventions of 2024") and copyright lines tell no event
  const skipped = paragraphs(text).filter(p => /^[-*•–]\s|^\W*\s*(?:copyright\b|©)/i.test(text.slice(p.start, p.end)));
  const triggers = findTriggers(text).filter(w => !skipped.some(p => p.start <= w.start && w.end <= p.end) && !named.overlapping(w).length && !timeIndex.overlapping(w).length);
  const all = sentences(text);
  const top = all.length ? all[Math.min(all.length - 1, Math.max(2, Math.floor(all.length / 3)))].end : 0;
  const out: Candidate[] = [];
  for (let i = 0; i < triggers.length;) {
    const sentence = triggers[i].sentence;
    const here: Trigger[] = [];
    while (i < triggers.length && triggers[i].sentence === sentence) here.push(triggers[i++]);
    const inSentence = timeIndex.within(sentence);
    if (pruned && !inSentence.length && !here.some(t => keptWithoutDate(t.entry.kind))) continue;
    out.push(...sentenceEvents(text, sentence, here, named.within(sentence), inSentence, reference, sentence.start < top, pruned));
  }
  return earlierByOrdinal(out);
}

const ORDINAL_RANK = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/**
 * An ordinal that points back ("the previous talks", "the last test"), or one lower than the article's own
 * event of the same kind ("their first summit" where the news is the second), is not the news being reported:
 * it keeps no reference date. Nor does a "first" one somewhere else than the article's other events of its
 * kind ("their first meeting in Singapore" in a report of talks in Hanoi): numbering says there is a series,
 * and the first of it is the earliest, not the one the article tells.
 */
function earlierByOrdinal(events: Candidate[]): Candidate[] {
  const highest = new Map<string, number>();
  const places = new Map<string, Set<string>>();
  for (const e of events) {
    highest.set(e.kind, Math.max(highest.get(e.kind) ?? -1, ORDINAL_RANK.indexOf(e.ordinal ?? '')));
    if (e.place && e.ordinal !== 'first' && !BACKGROUND.has(e.ordinal ?? '')) (places.get(e.kind) ?? places.set(e.kind, new Set()).get(e.kind)!).add(e.place.text);
  }
  const elsewhere = (e: Candidate) => e.ordinal === 'first' && !!e.place && !!places.get(e.kind)?.size && !places.get(e.kind)!.has(e.place.text);
  return events.map(e => {
    if (e.dated !== 'reference') return e;
    const rank = ORDINAL_RANK.indexOf(e.ordinal ?? '');
    if (!BACKGROUND.has(e.ordinal ?? '') && !(rank >= 0 && rank < highest.get(e.kind)!) && !elsewhere(e)) return e;
    const { dated: _dated, ...rest } = e;
    return { ...rest, date: null };
  });
}

function sentenceEvents(text: string, sentence: Span, triggers: Trigger[], named: Mention[], times: TimeInput[], reference: string | null, nearTop: boolean, pruned: boolean): Candidate[] {
  const clauses = clausesOf(text, sentence);
  // the clause a span starts in (or, between clauses, the one before it)
  const clauseOf = (s: Span) => clauses.reduce((found, c) => (c.start <= s.start ? c : found), clauses[0]);
  // each time expression is claimed by the nearest trigger of its clause (the one before it on a tie)
  const claimed = new Map<TimeInput, Trigger>();
  for (const t of times) {
    const c = clauseOf(t);
    const rivals = triggers.filter(x => clauseOf(x) === c);
    if (rivals.length) claimed.set(t, rivals.reduce((a, b) => (distance(b, t) < distance(a, t) ? b : a)));
  }
  const out: Candidate[] = [];
  for (const trigger of triggers) {
    const own = times.filter(t => claimed.get(t) === trigger);
    const time = nearest(own, trigger) ?? nearest(times.filter(t => !claimed.has(t)), trigger);
    const date = time ? dateOfValue(time.value, reference) : null;
    if (pruned && !date && !keptWithoutDate(trigger.entry.kind)) continue;
    const clause = clauseOf(trigger);
    // an "-ing" form after a determiner is a noun ("their first meeting"), with the ordinal and modifier of one
    const { determined, ...modifiers } = !trigger.entry.verb || /ing$/.test(trigger.form) ? modifiersBefore(text, sentence, trigger, named) : {};
    const verb = trigger.entry.verb && !determined;
    const event: Candidate = { start: trigger.start, end: trigger.end, text: trigger.text, noun: trigger.entry.noun, kind: trigger.entry.kind, ...participantsAndPlace(text, clauses, clause, named, trigger), date: null, verb };
    if (!verb) Object.assign(event, modifiers);
    if (time && date) out.push({ ...event, date, dated: own.includes(time) ? 'clause' : 'sentence', dateSpan: { start: time.start, end: time.end } });
    else if (!time && reference && reportsNews(tenseOf(clause, trigger, verb, trigger.entry.past), nearTop)) out.push({ ...event, date: reference, dated: 'reference' });
    else out.push(event);
  }
  return out;
}

/** Ordinals that point back to an earlier event ("their first summit", "the last test"): not the news itself. */
const BACKGROUND = new Set(['previous', 'last', 'earlier']);

/** Told in the simple past or present (the news itself), or with no verb near the top of the article (a headline, a caption). */
function reportsNews(tense: ReturnType<typeof tenseOf>, nearTop: boolean): boolean {
  return tense === 'past' || tense === 'present' || (tense === 'none' && nearTop);
}

/** The clause's participants and place; a clause naming nobody ("before having a dinner") takes the participants of the nearest clause before it. */
function participantsAndPlace(text: string, clauses: Clause[], clause: Clause, named: Mention[], trigger: Span): { participants: Named[]; place?: Named } {
  const own = clauseParticipants(text, clause, named, trigger);
  if (own.participants.length) return own;
  for (let i = clauses.indexOf(clause) - 1; i >= 0; i--) {
    const before = clauseParticipants(text, clauses[i], named, trigger);
    if (before.participants.length) return { participants: before.participants, ...(own.place ? { place: own.place } : {}) };
  }
  return own;
}

function clauseParticipants(text: string, clause: Clause, named: Mention[], trigger: Span): { participants: Named[]; place?: Named } {
  const inClause = named.filter(m => m.start >= clause.start && m.end <= clause.end);
  // a place is where the event happens when a locative preposition opens its phrase ("in the Vietnamese capital of Hanoi"), not another one ("by U.S. officials")
  const locative = (m: Mention) => {
    if (m.type !== 'PLACE') return false;
    const before = clause.tokens.filter(t => t.end <= m.start).slice(-5).map(t => t.text.toLowerCase()).reverse();
    for (const w of before) {
      if (LOCATIVE.has(w)) return true;
      if (OTHER_PREPOSITIONS.has(w) || !/^[\p{L}-]+$/u.test(w)) return false;
    }
    return false;
  };
  const places = inClause.filter(locative);
  const participants = inClause.filter(m => !locative(m) && !(m.type === 'PLACE' && places.length && !/^['’]s$/.test(text.slice(m.end, m.end + 2))));
  const place = nearest(places, trigger);
  return { participants: participants.map(named1), ...(place ? { place: named1(place) } : {}) };
}

const named1 = (m: Mention): Named => ({ start: m.start, end: m.end, text: m.text });

function distance(a: Span, b: Span): number {
  return a.end <= b.start ? b.start - a.end : b.end <= a.start ? a.start - b.end + 0.5 : 0;
}

function nearest<T extends Span>(xs: T[], to: Span): T | undefined {
  let best: T | undefined;
  for (const x of xs) if (!best || distance(to, x) < distance(to, best)) best = x;
  return best;
}
