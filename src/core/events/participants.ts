import type { Mention } from '../model';
import type { Span } from '../text/span';
import { isCapitalised } from '../text/tokens';
import { isIrregularPast } from './irregular';
import type { Clause } from './clauses';
import type { Named } from './index';
import { lastTwoLeaders, leaderOf, leadersPhrase, type Leader } from './leaders';

/*
 * Who takes part in an event and where it happens, from its clause: the people, organisations and countries
 * named there, a place opened by a locative preposition ("in Hanoi"), and the people the article's own
 * words stand for ("the DPRK leader", "the two leaders"). A name that only qualifies another noun ("the
 * Singapore declaration", "North Korea's nuclear weapons program") takes no part in the clause's event.
 */

const OTHER_PREPOSITIONS = new Set(['by', 'with', 'for', 'on', 'about', 'against', 'between', 'among', 'over', 'under', 'than', 'like', 'and', 'or']);
const LOCATIVE = new Set(['in', 'at', 'near', 'to', 'inside', 'outside', 'across', 'throughout', 'from', 'into', 'around']);
const OPENING = new Set(['the', 'a', 'an']);
/** Words after a name that make it the subject of a verb, not a noun's modifier ("the U.S. has", "the White House will"). */
const VERBAL = new Set(['has', 'have', 'had', 'is', 'are', 'was', 'were', 'will', 'would', 'can', 'could', 'may', 'might', 'should', 'must', 'did', 'does', 'do', 'and', 'or', 'to', 'of', 'in', 'on', 'at', 'for', 'with', 'by', 'as', 'that', 'which', 'who']);

/** What the article tells of its people that a clause's words may point to. */
export interface ArticleContext {
  leaders: readonly Leader[];
  people: readonly Mention[];
}

export interface Parts {
  participants: Named[];
  place?: Named;
}

/** The clause's participants and place; a clause naming nobody ("before having a dinner") takes the participants of the nearest clause before it. */
export function participantsAndPlace(text: string, clauses: Clause[], clause: Clause, named: Mention[], trigger: Span, context: ArticleContext): Parts {
  const own = clauseParticipants(text, clause, named, trigger, context);
  if (own.participants.length) return own;
  for (let i = clauses.indexOf(clause) - 1; i >= 0; i--) {
    const before = clauseParticipants(text, clauses[i], named, trigger, context);
    if (before.participants.length) return { participants: before.participants, ...(own.place ? { place: own.place } : {}) };
  }
  return own;
}

function clauseParticipants(text: string, clause: Clause, named: Mention[], trigger: Span, context: ArticleContext): Parts {
  const { people, covered } = referredPeople(clause, named, context);
  const inClause = named.filter(m => m.start >= clause.start && m.end <= clause.end && !covered.some(c => c.start <= m.start && m.end <= c.end));
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
  const participants = inClause.filter(m => !locative(m) && !(m.type === 'PLACE' && places.length && !/^['’]s$/.test(text.slice(m.end, m.end + 2))) && !qualifiesAnotherNoun(text, clause, m, trigger));
  const place = nearest(places, trigger);
  const withLeader = (m: Mention): Named => {
    const leader = m.type === 'PLACE' ? leaderOf(context.leaders, m.text, m.start) : undefined;
    return leader ? { ...named1(m), leader: named1(leader) } : named1(m);
  };
  const all = [...participants.map(withLeader), ...people.filter(p => !participants.some(m => m.text === p.text)).map(named1)].sort((a, b) => a.start - b.start);
  return { participants: all, ...(place ? { place: named1(place) } : {}) };
}

/**
 * A name that qualifies a noun other than the trigger: a possessor ("North Korea's nuclear weapons program" in
 * "talks over North Korea's nuclear weapons program") or a place written as a noun's modifier after an article
 * ("the Singapore declaration", "the Yongbyon nuclear complex"); a person so written is left alone ("the Trump administration"). The noun is the run of lower-case words after
 * the name; a verb there ("the U.S. has", "the White House said") makes the name its subject instead.
 */
function qualifiesAnotherNoun(text: string, clause: Clause, m: Mention, trigger: Span): boolean {
  const possessor = /^['’]s\b/.test(text.slice(m.end, m.end + 3));
  const after = clause.tokens.filter(t => t.start >= m.end + (possessor ? 2 : 0));
  if (!possessor) {
    const previous = clause.tokens.filter(t => t.end <= m.start).pop()?.text.toLowerCase();
    if (m.type === 'PERSON' || !previous || !OPENING.has(previous)) return false;
    const first = after[0]?.text ?? '';
    if (VERBAL.has(first) || /(?:ed|s)$/.test(first) || isIrregularPast(first)) return false;
  }
  const run: Span[] = [];
  for (const t of after) { if (!/^[a-z][a-z-]*$/.test(t.text) || VERBAL.has(t.text) || run.length === 4) break; run.push(t); }
  return run.length > 0 && !run.some(t => t.start <= trigger.start && trigger.end <= t.end);
}

/**
 * The people a clause names by the article's words for them: "the two leaders" (the last two leaders named),
 * "the DPRK leader", "the North Korean leader", "the U.S. president" (whom the article calls so); with the
 * stretches those phrases cover, whose country names are then no participants of their own.
 */
function referredPeople(clause: Clause, named: Mention[], context: ArticleContext): { people: Mention[]; covered: Span[] } {
  const people: Mention[] = [], covered: Span[] = [];
  const tokens = clause.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const both = leadersPhrase(tokens, i);
    if (both) {
      const two = lastTwoLeaders(context.leaders, context.people, both.start);
      if (two.length === 2) { people.push(...two); covered.push(both); }
      continue;
    }
    if (tokens[i].text.toLowerCase() !== 'the') continue;
    // "the" + a country (its name or adjective, capitalised) + an optional "top" + a leader's title, no name after it
    let k = i + 1;
    while (k < tokens.length && k - i <= 4 && isCapitalised(tokens[k].text) && !/^(?:President|Leader|Chairman|Premier)$/.test(tokens[k].text)) k++;
    if (k === i + 1) continue;
    if (/^(?:top|supreme)$/i.test(tokens[k]?.text ?? '')) k++;
    if (!/^(?:leader|president|chairman|premier)$/i.test(tokens[k]?.text ?? '')) continue;
    if (named.some(m => m.type === 'PERSON' && m.start >= tokens[k].end && m.start - tokens[k].end <= 1)) continue; // an apposition: the name is there
    const country = tokens.slice(i + 1, /^(?:top|supreme)$/i.test(tokens[k - 1].text) ? k - 1 : k).map(t => t.text).join(' ');
    const person = leaderOf(context.leaders, country, tokens[i].start);
    if (person) { people.push(person); covered.push({ start: tokens[i].start, end: tokens[k].end }); }
  }
  return { people, covered };
}

export const named1 = (m: Mention): Named => ({ start: m.start, end: m.end, text: m.text });

export function distance(a: Span, b: Span): number {
  return a.end <= b.start ? b.start - a.end : b.end <= a.start ? a.start - b.end + 0.5 : 0;
}

export function nearest<T extends Span>(xs: T[], to: Span): T | undefined {
  let best: T | undefined;
  for (const x of xs) if (!best || distance(to, x) < distance(to, best)) best = x;
  return best;
}
