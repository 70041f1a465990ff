// Calendar arithmetic on plain days, and the TimeML/ISO values a date is written as: `2019-02-27`,
// `2019-02`, `2019`, `2019-W09`, `2019-Q1`, `201` (the 2010s). No time zones: a day is (year, month, day).

export interface Day { year: number; month: number; day: number }

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** Milliseconds of a UTC day; unlike Date.UTC, years 0–99 are not taken as 1900–1999. */
function utcTime(year: number, month: number, day: number): number {
  const t = new Date(0);
  t.setUTCFullYear(year, month - 1, day);
  return t.getTime();
}

function fromTime(ms: number): Day {
  const t = new Date(ms);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

export const daysInMonth = (year: number, month: number) => new Date(utcTime(year, month + 1, 0)).getUTCDate();

/** Is this a day the calendar has? (February 30 is not.) */
export function isRealDay(year: number, month: number, day: number): boolean {
  if (![year, month, day].every(Number.isInteger) || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** A day moved by a number of days (negative: back). */
export const addDays = (d: Day, n: number): Day => fromTime(utcTime(d.year, d.month, d.day + n));

/** A day a number of months away, on the same day of the month where there is one. */
export function addMonths(d: Day, n: number): Day {
  const first = fromTime(utcTime(d.year, d.month + n, 1));
  return { ...first, day: Math.min(d.day, daysInMonth(first.year, first.month)) };
}

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (d: Day) => new Date(utcTime(d.year, d.month, d.day)).getUTCDay();

export const dayValue = (d: Day) => `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
export const monthValue = (year: number, month: number) => `${pad(year, 4)}-${pad(month)}`;
export const yearValue = (year: number) => pad(year, 4);
export const quarterValue = (year: number, quarter: number) => `${pad(year, 4)}-Q${quarter}`;

/** The ISO week of a day: `2019-W09` (weeks start on Monday; the week's Thursday decides its year). */
export function weekValue(d: Day): string {
  const thursday = addDays(d, 3 - ((weekday(d) + 6) % 7));
  const week = 1 + Math.floor((utcTime(thursday.year, thursday.month, thursday.day) - utcTime(thursday.year, 1, 1)) / 86400000 / 7);
  return `${pad(thursday.year, 4)}-W${pad(week)}`;
}

/** The reference (publication) date given as `YYYY-MM-DD…` or a Date; undefined when it is no real day. */
export function toDay(reference: string | Date): Day | undefined {
  if (reference instanceof Date) return isNaN(reference.getTime()) ? undefined : { year: reference.getFullYear(), month: reference.getMonth() + 1, day: reference.getDate() };
  const m = /^(\d{4})-(\d\d)-(\d\d)/.exec(reference);
  const d = m ? { year: +m[1], month: +m[2], day: +m[3] } : undefined;
  return d && isRealDay(d.year, d.month, d.day) ? d : undefined;
}

/** A Date at noon local time on that day, the form chrono-node takes its reference in. */
export function noonOf(d: Day): Date {
  const t = new Date(2000, 0, 1, 12);
  t.setFullYear(d.year, d.month - 1, d.day);
  return t;
}
