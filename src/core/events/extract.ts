import type { Mention } from '../model';
import { paragraphs, sentences } from '../text/sentences';
import { SpanIndex, type Span } from '../text/span';
import { tokensIn } from '../text/articleTokens';
import { clausesOf, tenseOf } from './clauses';
import type { FoundEvent } from './index';
import { isReaderKind, triggerLexicon, type TriggerEntry } from './lexicon';
import { modifiersBefore } from './modifiers';
import { datesTheReport, isCounterfactual, isIdiomaticUse, isModifierOfNextNoun, tenseAllowsDate } from './readings';
import { keptWithoutDate, reportable } from './reportable';
import { distance, nearest, participantsAndPlace, type ArticleContext } from './participants';
import { leadersOf } from './leaders';
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

/** "Shake hands" names a handshake: the verb's forms (whether each is past), when "hands" follows, are that event's trigger. */
const SHAKE = new Map([['shake', false], ['shakes', false], ['shaking', false], ['shook', true], ['shaken', false]]);
const handshake = (past: boolean): TriggerEntry => ({ noun: 'handshake', kind: 'handshake', verb: true, past });

/** The words of a text the learned lexicon takes for event triggers (what eval:events scores against TimeBank). */
export function findTriggers(text: string): Trigger[] {
  const lexicon = triggerLexicon();
  const out: Trigger[] = [];
  // only the words the lexicon knows are made candidates
  for (const w of candidateWords(text, form => lexicon.has(form) || SHAKE.has(form))) {
    const entry = SHAKE.has(w.form) && /^\s+hands\b/.test(text.slice(w.end, w.end + 7)) ? handshake(SHAKE.get(w.form)!) : lexicon.get(w.form);
    if (entry && !LIGHT.has(entry.noun)) out.push({ start: w.start, end: w.end, text: w.text, form: w.form, sentence: w.sentence, entry });
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
  const people = mentions.filter(m => m.type === 'PERSON');
  const context: ArticleContext = { leaders: leadersOf(text, mentions), people };
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
    out.push(...sentenceEvents(text, sentence, here, named.within(sentence), inSentence, reference, sentence.start < top, pruned, context));
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

function sentenceEvents(text: string, sentence: Span, found: Trigger[], named: Mention[], allTimes: TimeInput[], reference: string | null, nearTop: boolean, pruned: boolean, context: ArticleContext): Candidate[] {
  const clauses = clausesOf(text, sentence);
  const words = tokensIn(text, sentence.start, sentence.end);
  const before = (s: Span) => words.filter(t => t.end <= s.start);
  // the clause a span starts in (or, between clauses, the one before it)
  const clauseOf = (s: Span) => clauses.reduce((found, c) => (c.start <= s.start ? c : found), clauses[0]);
  // a time right after a reporting verb dates the saying ("asked Wednesday if he'd walked back…"), no event it reports
  const times = allTimes.filter(t => !datesTheReport(before(t)));
  // each trigger in the reading its words give it; those that tell no event (negated, a modifier, an idiom) are dropped here, before they claim a time
  const triggers = found.map(trigger => {
    // an "-ing" form after a determiner is a noun ("their first meeting"), with the ordinal and modifier of one
    const { determined, ...modifiers } = !trigger.entry.verb || /ing$/.test(trigger.form) ? modifiersBefore(text, sentence, trigger, named) : {};
    const verb = trigger.entry.verb && !determined;
    const after = words.filter(t => t.start >= trigger.end).slice(0, 6);
    const told = !isCounterfactual(before(trigger), verb, isReaderKind(trigger.entry.kind), trigger.form) && !isModifierOfNextNoun(before(trigger), after, verb, !!determined) && !isIdiomaticUse(trigger.entry.kind, verb, after, named);
    return { trigger, verb, modifiers, told };
  }).filter(r => r.told);
  // each time expression is claimed by the nearest trigger of its clause (the one before it on a tie)
  const claimed = new Map<TimeInput, Trigger>();
  for (const t of times) {
    const c = clauseOf(t);
    const rivals = triggers.map(r => r.trigger).filter(x => clauseOf(x) === c);
    if (rivals.length) claimed.set(t, rivals.reduce((a, b) => (distance(b, t) < distance(a, t) ? b : a)));
  }
  const out: Candidate[] = [];
  for (const { trigger, verb, modifiers } of triggers) {
    const clause = clauseOf(trigger);
    const own = times.filter(t => claimed.get(t) === trigger);
    // a time of another clause is the trigger's only when its tense allows it ("will build on the declaration agreed in June")
    const time = nearest(own, trigger) ?? nearest(times.filter(t => !claimed.has(t) && tenseAllowsDate(before(trigger), words.filter(t => t.start >= trigger.end).slice(0, 2), dateOfValue(t.value, reference) ?? '', reference)), trigger);
    const date = time ? dateOfValue(time.value, reference) : null;
    if (pruned && !date && !keptWithoutDate(trigger.entry.kind)) continue;
    const event: Candidate = { start: trigger.start, end: trigger.end, text: trigger.text, noun: trigger.entry.noun, kind: trigger.entry.kind, ...participantsAndPlace(text, clauses, clause, named, trigger, context), date: null, verb };
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
