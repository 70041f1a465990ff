/*
 * What an event's date value (TimeML style: 2019-02-27, 2019-02, 2019, 2019-W09, 2019-Q1, 2019-SU, 201 for the
 * 2010s, PAST_REF…, '' when undated) says on a calendar: how precise it is, where it starts and ends, and how a
 * reader would say it. One reading shared by the Events view, the timeline picture and the exports.
 */

export type Precision = 'day' | 'week' | 'month' | 'season' | 'quarter' | 'half' | 'year' | 'decade' | 'century' | 'undated';

export interface EventDate {
  precision: Precision;
  /** The year it falls in (the first year of a decade or century); absent when undated. */
  year?: number;
  /** 1–12, for a day or a month (and the month a week falls in, by its Thursday). */
  month?: number;
  day?: number;
  /** First day covered and the day after the last one (YYYY-MM-DD), absent when undated. */
  start?: string;
  end?: string;
  /** In words: "27 February 2019", "February 2019", "week 9 of 2019", "the 2010s", "in the past", "undated". */
  words: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SEASONS: Record<string, { words: string; from: number; months: number }> = {
  WI: { words: 'winter', from: 12, months: 3 }, SP: { words: 'spring', from: 3, months: 3 },
  SU: { words: 'summer', from: 6, months: 3 }, FA: { words: 'autumn', from: 9, months: 3 }, AU: { words: 'autumn', from: 9, months: 3 },
};
const REFS: Record<string, string> = { PAST_REF: 'in the past', PRESENT_REF: 'now', FUTURE_REF: 'in the future' };
const ORDINALS = ['first', 'second', 'third', 'fourth'];

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st: how a century is numbered. */
function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}

export const monthName = (month: number): string => MONTHS[month - 1];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const iso = (d: Date) => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
/** The first day of a month (months past 12 roll into the next year). */
const monthStart = (year: number, month: number) => iso(new Date(Date.UTC(year, month - 1, 1)));
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Monday of ISO week `week` of `year`. */
function isoWeekMonday(year: number, week: number): Date {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7) + (week - 1) * 7);
  return monday;
}

const UNDATED: EventDate = { precision: 'undated', words: 'undated' };

/** Reads a date value; anything it cannot place on a calendar (an unknown year, a reference, garbage) is undated. */
export function readEventDate(value: string | null | undefined): EventDate {
  const v = (value ?? '').trim().replace(/T\d.*$/, ''); // a time of day is finer than any row we show
  if (!v) return UNDATED;
  if (REFS[v]) return { precision: 'undated', words: REFS[v] };
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m) {
    const [year, month, day] = [+m[1], +m[2], +m[3]];
    if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return UNDATED; // never a wrong calendar day
    const next = new Date(Date.UTC(year, month - 1, day + 1));
    return { precision: 'day', year, month, day, start: `${m[1]}-${m[2]}-${m[3]}`, end: iso(next), words: `${day} ${monthName(month)} ${year}` };
  }
  m = /^(\d{4})-(\d{2})$/.exec(v);
  if (m) {
    const [year, month] = [+m[1], +m[2]];
    if (month < 1 || month > 12) return UNDATED;
    return { precision: 'month', year, month, start: monthStart(year, month), end: monthStart(year, month + 1), words: `${monthName(month)} ${year}` };
  }
  m = /^(\d{4})-W(\d{2})$/.exec(v);
  if (m) {
    const [year, week] = [+m[1], +m[2]];
    if (week < 1 || week > 53) return UNDATED;
    const monday = isoWeekMonday(year, week);
    const thursday = new Date(monday); thursday.setUTCDate(monday.getUTCDate() + 3);
    const next = new Date(monday); next.setUTCDate(monday.getUTCDate() + 7);
    return { precision: 'week', year, month: thursday.getUTCMonth() + 1, start: iso(monday), end: iso(next), words: `week ${week} of ${year}` };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(v);
  if (m) {
    const [year, q] = [+m[1], +m[2]];
    return { precision: 'quarter', year, start: monthStart(year, 3 * q - 2), end: monthStart(year, 3 * q + 1), words: `the ${ORDINALS[q - 1]} quarter of ${year}` };
  }
  m = /^(\d{4})-H([12])$/.exec(v);
  if (m) {
    const [year, h] = [+m[1], +m[2]];
    return { precision: 'half', year, start: monthStart(year, 6 * h - 5), end: monthStart(year, 6 * h + 1), words: `the ${ORDINALS[h - 1]} half of ${year}` };
  }
  m = /^(\d{4})-(WI|SP|SU|FA|AU)$/.exec(v);
  if (m) {
    const year = +m[1];
    const season = SEASONS[m[2]];
    return { precision: 'season', year, start: monthStart(year, season.from), end: monthStart(year, season.from + season.months), words: `${season.words} ${year}` };
  }
  if (/^\d{4}$/.test(v)) {
    const year = +v;
    return { precision: 'year', year, start: `${v}-01-01`, end: `${pad(year + 1, 4)}-01-01`, words: v };
  }
  if (/^\d{3}$/.test(v)) {
    const year = +v * 10;
    return { precision: 'decade', year, start: `${pad(year, 4)}-01-01`, end: `${pad(year + 10, 4)}-01-01`, words: `the ${year}s` };
  }
  if (/^\d{2}$/.test(v)) {
    const year = +v * 100;
    // "the 20th century", not "the 1900s": that is the decade 190, and both may be in one Events view
    return { precision: 'century', year, start: `${pad(year, 4)}-01-01`, end: `${pad(year + 100, 4)}-01-01`, words: `the ${ordinal(+v + 1)} century` };
  }
  return UNDATED;
}
