// Date normalisation: every time expression of a text with its span (UTF-16 offsets, like the rest of the
// core) and a TimeML/ISO value relative to the reference (publication) date. chrono-node finds and values
// most written dates; the rules in ./expressions add what it lacks, and the tense of the clause decides
// which Friday or which June a bare weekday or month means.
import { addDays, dayValue, monthValue, toDay, weekday, type Day } from './calendar';
import { chronoDates, type ChronoDate } from './chrono';
import { looksAhead, sentenceAround } from './context';
import { ruleExpressions, ruleMatches, type RuleMatches } from './expressions';
import { anchoredExpressions, countFrom, isCalendarValue, type Anchored } from './anchored';
import { rereadingChrono } from './chronoMatches';
import type { Chrono } from 'chrono-node';

export { findPublished, resolvePublished, publishedKey, type Published, type PublishedHints, type PublishedSource } from './published';

/** Whether the last character before `at`, spaces aside, is a slash ("3/ 4"): read back from `at`, never over the whole text before it. */
function afterSlash(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return i >= 0 && text[i] === '/';
}

export interface TimeExpression {
  start: number;
  end: number;
  /** As written. */
  text: string;
  /** `2019-02-27`, `2019-02`, `2019`, `2019-W09`, `2019-Q1`, `201`, `2019-SU`, `PRESENT_REF`…; null when none can be given. */
  value: string | null;
  /** The other end of a range ("from 2001 to 2009" → value 2001, endValue 2009). */
  endValue?: string | null;
  /** For a date counted from an earlier one ("the next day", "two weeks later"): that date, as written and valued. */
  from?: { start: number; end: number; text: string; value: string };
}

/**
 * What the readings of one text against different reference days share: the expressions counted from
 * another date, where the rules' patterns match, and chrono's matches (kept as the first reading finds them).
 */
export interface DateScan {
  text: string;
  anchored: Anchored[];
  rules: RuleMatches;
  chrono: Chrono;
}

/** The scan of a text, for reading its dates against several reference days (valuedDates). */
export function scanDates(text: string): DateScan {
  return { text, anchored: anchoredExpressions(text), rules: ruleMatches(text), chrono: rereadingChrono() };
}

/**
 * Every time expression in a text, valued relative to the reference date (`YYYY-MM-DD` or a Date). Never
 * throws. `scan`, made by scanDates for this text, spares a second reading what the first one found.
 */
export function normaliseDates(text: string, reference: string | Date, scan?: DateScan): TimeExpression[] {
  const ref = toDay(reference);
  if (!ref || typeof text !== 'string') return [];
  const shared = scan?.text === text ? scan : undefined;
  const anchored = shared?.anchored ?? anchoredExpressions(text);
  const free = (f: { start: number; end: number }) => !anchored.some(a => a.start < f.end && f.start < a.end);
  const chrono = chronoDates(text, ref, shared?.chrono).filter(c => isDate(c) && text[c.end] !== '-' && !afterSlash(text, c.start) && free(c));
  // a rule's bare year inside a longer date chrono read ("March 26, 1996") gives way to it
  const ours = ruleExpressions(text, ref, shared?.rules).filter(f => free(f) && (f.endValue !== undefined || !chrono.some(c => c.start <= f.start && f.end <= c.end && c.end - c.start > f.end - f.start && c.known.month)));
  // written out rather than spread (two shapes of object: spreading them was a slow copy), in the same order
  const out: TimeExpression[] = ours.map(f => (f.endValue !== undefined
    ? { start: f.start, end: f.end, value: f.value, endValue: f.endValue, text: text.slice(f.start, f.end) }
    : { start: f.start, end: f.end, value: f.value, text: text.slice(f.start, f.end) }));
  for (const c of chrono) {
    if (ours.some(f => f.start < c.end && c.start < f.end)) continue;
    out.push({ start: c.start, end: c.end, text: c.text, value: revalue(text, c, ref), ...(c.endValue !== undefined ? { endValue: c.endValue } : {}) });
  }
  out.push(...anchored.map(a => ({ start: a.start, end: a.end, text: text.slice(a.start, a.end), value: null })));
  out.sort((x, y) => x.start - y.start);
  // dates counted from another: from the last date before them, else from the publication date
  // ("eight months after the summit in June 2018": from the date after it in the sentence)
  let last: TimeExpression | undefined;
  out.forEach((e, i) => {
    const a = anchored.find(x => x.start === e.start && x.end === e.end);
    if (a) {
      const sentenceEnd = a.forward ? sentenceAround(text, e.start, e.end).end : -1;
      const from = out.slice(i + 1).find(x => x.start < sentenceEnd && isCalendarValue(x.value)) ?? last;
      if (from) { e.value = countFrom(a, from.value!); e.from = { start: from.start, end: from.end, text: from.text, value: from.value! }; }
      else e.value = countFrom(a, dayValue(ref));
    }
    if (isCalendarValue(e.value)) last = e;
  });
  return out;
}

/** chrono reads some words and numbers as dates that news rarely means as one ("may", "second", "1.35 a"). */
function isDate(c: ChronoDate): boolean {
  if (/^(?:may|march|sun|sat|mon|wed|second|now)$/i.test(c.text)) return false;
  // lengths of time, not dates: "for 20 minutes", "260 days", "the week", "the months"
  if (/^(?:for\s+|about\s+)?(?:\d+|an?|the)\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)$/i.test(c.text)) return false;
  if (/\b(?:seconds?|minutes?|hours?)\s+(?:later|earlier|ago)$/i.test(c.text)) return false;
  // a number chrono takes for a clock time ("$1.35 a share", "4 to 15", "at 20") or a price fraction ("12 3/4")
  const { year, month, day, weekday, hour } = c.known;
  if (hour && !year && !month && !day && !weekday && !/\b(?:[ap]\.?m\b|o'clock|noon|midnight|morning|afternoon|evening|night|tonight|today)/i.test(c.text)) return false;
  if (/(?:^|\s)\d+\/(?:2|4|8|16|32)$/.test(c.text)) return false;
  return c.value !== null || c.known.weekday;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** chrono's value, with the weekday, month or day-of-month chosen by the tense of the clause. */
function revalue(text: string, c: ChronoDate, ref: Day): string | null {
  const ahead = () => looksAhead(text, c.start, c.end);
  if (c.known.weekday && !c.known.day) {
    const lower = c.text.toLowerCase();
    const wanted = WEEKDAYS.findIndex(w => lower.includes(w.slice(0, 3)));
    if (wanted < 0) return c.value;
    const last = /\blast\b/i.test(c.text), next = /\b(?:next|this coming)\b/i.test(c.text);
    const delta = (wanted - weekday(ref) + 7) % 7;
    if (next || (!last && ahead())) return dayValue(addDays(ref, delta || (next ? 7 : 0)));
    return dayValue(addDays(ref, delta ? delta - 7 : last ? -7 : 0));
  }
  if (c.known.month && !c.known.year && c.day) {
    // the nearest such month: the coming one when the clause looks ahead or it is at most two months off
    const forward = (c.day.month - ref.month + 12) % 12;
    const comingYear = c.day.month >= ref.month ? ref.year : ref.year + 1;
    const year = yearNear(text, c, ref) ?? (forward === 0 ? ref.year : ahead() || forward <= 2 ? comingYear : comingYear - 1);
    if (!c.known.day) return monthValue(year, c.day.month);
    return c.value === null ? null : dayValue({ ...c.day, year });
  }
  return c.value;
}

/** A year the same sentence gives next to a bare month: "in June last year", "last year, in April". */
function yearNear(text: string, c: ChronoDate, ref: Day): number | undefined {
  const s = sentenceAround(text, c.start, c.end);
  const after = text.slice(c.end, Math.min(s.end, c.end + 20));
  const before = text.slice(Math.max(s.start, c.start - 25), c.start);
  const near = /^\s*(?:of\s+)?(last|next|this)\s+year\b/i.exec(after) ?? /\b(last|next|this)\s+year,?\s+(?:in\s+|on\s+)?$/i.exec(before);
  if (!near) return undefined;
  return near[1].toLowerCase() === 'last' ? ref.year - 1 : near[1].toLowerCase() === 'next' ? ref.year + 1 : ref.year;
}
