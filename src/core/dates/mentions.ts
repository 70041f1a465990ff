// An article's DATE mentions: the time expressions normaliseDates finds, valued against the article's
// publication date, each with how its value was found, in words for the hover. They take the place of the
// recognisers' own date mentions (ner/dates.ts, kept there only to keep names out of dates).
import type { Mention } from '../model';
import { monthValue, quarterValue, toDay, weekday, weekValue } from './calendar';
import { normaliseDates, scanDates, type TimeExpression } from './index';
import type { Published } from './published';
import { SpanIndex } from '../text/span';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** Two reference days far apart: a value both give does not depend on the reference. */
const FAR = ['1901-01-01', '2098-07-01'];

/** A day in words: "Wednesday 27 February 2019". */
export function dayInWords(value: string): string {
  const d = toDay(value);
  return d ? `${WEEKDAYS[weekday(d)]} ${d.day} ${MONTH_NAMES[d.month - 1]} ${d.year}` : value;
}

/** The publication date in words, with where it comes from: "27 February 2019 (from the dateline …)". */
export function publishedInWords(p: Published): string {
  if (!p.value) return 'unknown';
  return `${dayInWords(p.value)}${p.how ? ` (${p.how})` : ''}`;
}

const written = (e: TimeExpression) => /\b\d{4}\b|\d0s\b|'\d0s|centur|nineteen|two thousand/i.test(e.text);

/** How a value was found, in words: "the Wednesday before the publication date, Wednesday 27 February 2019 (from the dateline …)". */
export function derivation(e: TimeExpression, published: Published): string {
  if (e.value === null) return e.text.match(/\d/) ? 'no such day in the calendar, or too vague to date' : 'cannot be dated without a publication date';
  if (e.from) return `counted from “${e.from.text}” (${e.from.value}), the date before it in the text`;
  if (/_REF$/.test(e.value)) return { PRESENT_REF: 'the present, as of writing', PAST_REF: 'some time in the past', FUTURE_REF: 'some time in the future' }[e.value] ?? e.value;
  if (written(e) || !published.value) return 'as written';
  const ref = `the publication date, ${publishedInWords(published)}`;
  const day = toDay(e.value);
  if (day && published.value) {
    const days = Math.round((Date.UTC(day.year, day.month - 1, day.day) - Date.UTC(+published.value.slice(0, 4), +published.value.slice(5, 7) - 1, +published.value.slice(8, 10))) / 86400000);
    const name = WEEKDAYS[weekday(day)];
    if (days === 0) return `${ref}, itself`;
    if (days === -1 || days === 1) return `the day ${days < 0 ? 'before' : 'after'} ${ref}`;
    if (new RegExp(name, 'i').test(e.text) && Math.abs(days) < 8) return `the ${name} ${days < 0 ? 'before' : 'after'} ${ref}${days > 0 ? ' (the clause looks ahead)' : ''}`;
    return `${Math.abs(days)} days ${days < 0 ? 'before' : 'after'} ${ref}`;
  }
  const p = toDay(published.value)!;
  const unit = PERIODS.find(([re]) => re.test(e.value!));
  if (!unit) return `relative to ${ref}`;
  const own = unit[2](p);
  if (own === e.value) return `the ${unit[1]} of ${ref}`;
  return `a ${unit[1]} ${e.value < own ? 'before' : 'after'} ${ref}`;
}

/** The kinds of period a value names, and the one of that kind holding a day. */
const PERIODS: [RegExp, string, (d: { year: number; month: number; day: number }) => string][] = [
  [/^\d{4}-W\d\d-WE$/, 'weekend', d => `${weekValue(d)}-WE`],
  [/^\d{4}-W\d\d$/, 'week', weekValue],
  [/^\d{4}-\d\d$/, 'month', d => monthValue(d.year, d.month)],
  [/^\d{4}-Q\d$/, 'quarter', d => quarterValue(d.year, Math.ceil(d.month / 3))],
  [/^\d{4}-(?:SP|SU|FA|WI)$/, 'season', d => `${d.year}-${['WI', 'WI', 'SP', 'SP', 'SP', 'SU', 'SU', 'SU', 'FA', 'FA', 'FA', 'WI'][d.month - 1]}`],
  [/^\d{4}$/, 'year', d => String(d.year).padStart(4, '0')],
  [/^\d{3}$/, 'decade', d => String(Math.floor(d.year / 10)).padStart(3, '0')],
];

/** The text's time expressions valued against the publication date; without one, only the values that do not depend on it. */
export function valuedDates(text: string, published: Published): TimeExpression[] {
  if (published.value) return normaliseDates(text, published.value);
  const scan = scanDates(text);
  const [a, b] = FAR.map(ref => normaliseDates(text, ref, scan));
  return a.map(e => {
    const other = b.find(x => x.start === e.start && x.end === e.end);
    return other && other.value === e.value && other.endValue === e.endValue ? e : { ...e, value: null, ...(e.endValue !== undefined ? { endValue: null } : {}), from: undefined };
  });
}

/**
 * The article's mentions with DATE mentions from date normalisation: the recogniser's own DATE mentions go,
 * a date that overlaps a name (a person, an organisation, a place) gives way to it, and a MISC the date covers
 * goes. Ids are `date:<value>` (`date:2019-02-27`), or `date:<the words>` when there is no value.
 */
export function withDates(text: string, mentions: Mention[], published: Published): Mention[] {
  const names = mentions.filter(m => m.type !== 'DATE' && m.type !== 'MISC');
  const named = new SpanIndex(names);
  const dates: Mention[] = [];
  for (const e of valuedDates(text, published)) {
    if (named.overlapping(e).length) continue;
    const how = e.value === null ? `${e.text} — ${derivation(e, published)}` : `${e.text} → ${e.value}${e.endValue ? ` to ${e.endValue}` : ''}, ${derivation(e, published)}`;
    dates.push({ start: e.start, end: e.end, text: e.text, type: 'DATE', value: e.value, ...(e.endValue !== undefined ? { endValue: e.endValue } : {}), how, origin: 'model' });
  }
  const dated = new SpanIndex(dates);
  const misc = mentions.filter(m => m.type === 'MISC' && !dated.overlapping(m).length);
  return [...names, ...misc, ...dates].sort((a, b) => a.start - b.start || b.end - a.end);
}

