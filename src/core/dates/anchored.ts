// Dates counted from another date of the story rather than from the publication date: "the day before",
// "the next day", "eight months after", "two weeks later", "a year earlier", "the following month". They are
// counted from the date written before them in the text (at that date's precision, as TimeML does: "a year
// earlier" than the third quarter of 1989 is the third quarter of 1988); with none before them, from the
// publication date.
import { addDays, addMonths, dayValue, monthValue, quarterValue, weekday, weekValue, yearValue, type Day } from './calendar';

export type Unit = 'day' | 'week' | 'month' | 'year';

export interface Anchored {
  start: number;
  end: number;
  /** How many units from the anchor (negative: before it). */
  shift: number;
  unit: Unit;
  /** "the following month": the unit's precision, not the anchor's. */
  unitPrecision: boolean;
  /** "eight months after the summit in June 2018": counted from a date later in the sentence, when it has one. */
  forward?: boolean;
}

const COUNT: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const BEFORE = /^(?:earlier|before|previous|preceding|prior)$/i;
const PATTERNS: [RegExp, (m: RegExpExecArray) => Omit<Anchored, 'start' | 'end'> | undefined][] = [
  // "the next day", "the following month", "the previous week", "the same day"
  [/\bthe\s+(next|following|previous|preceding|prior|same)\s+(day|week|month|year)\b/gi, m => ({
    shift: /same/i.test(m[1]) ? 0 : BEFORE.test(m[1]) ? -1 : 1, unit: m[2].toLowerCase() as Unit, unitPrecision: true,
  })],
  // "the day before", "the week after" (not "the day before yesterday")
  [/\bthe\s+(day|week|month|year)\s+(before|after|earlier|later)\b(?!\s+(?:yesterday|tomorrow))/gi, m => ({
    shift: BEFORE.test(m[2]) ? -1 : 1, unit: m[1].toLowerCase() as Unit, unitPrecision: true,
  })],
  // "eight months after", "two weeks later", "a year earlier", "three days afterwards"
  [/\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})\s+(day|week|month|year)s?\s+(later|afterwards?|earlier|(?:after|before)(?!\s+(?:yesterday|tomorrow)\b))\b(\s+\w)?/gi, m => {
    const n = /^\d+$/.test(m[1]) ? Number(m[1]) : COUNT[m[1].toLowerCase()];
    return n ? { shift: BEFORE.test(m[3]) ? -n : n, unit: m[2].toLowerCase() as Unit, unitPrecision: false, forward: Boolean(m[4]) && /^(?:after|before)$/i.test(m[3]) } : undefined;
  }],
];

/** The expressions counted from another date, as written. */
export function anchoredExpressions(text: string): Anchored[] {
  const found: Anchored[] = [];
  for (const [re, read] of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const a = read(m);
      const start = m.index, end = m.index + m[0].replace(/\s+\w$/, '').length;
      if (a && !found.some(f => f.start < end && start < f.end)) found.push({ start, end, ...a });
    }
  }
  return found.sort((x, y) => x.start - y.start);
}

/** A value read back as a day and its precision; undefined for values that are no point in the calendar (PAST_REF, 199). */
function parse(value: string): { day: Day; precision: 'day' | 'week' | 'month' | 'quarter' | 'year' } | undefined {
  let m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(value);
  if (m) return { day: { year: +m[1], month: +m[2], day: +m[3] }, precision: 'day' };
  m = /^(\d{4})-(\d\d)$/.exec(value);
  if (m) return { day: { year: +m[1], month: +m[2], day: 1 }, precision: 'month' };
  m = /^(\d{4})-Q(\d)$/.exec(value);
  if (m) return { day: { year: +m[1], month: 3 * +m[2] - 2, day: 1 }, precision: 'quarter' };
  m = /^(\d{4})-W(\d\d)$/.exec(value);
  if (m) {
    // the Monday of that ISO week: week 1 holds January 4
    const jan4 = { year: +m[1], month: 1, day: 4 };
    const monday = addDays(jan4, -((weekday(jan4) + 6) % 7) + 7 * (+m[2] - 1));
    return { day: monday, precision: 'week' };
  }
  m = /^(\d{4})$/.exec(value);
  if (m) return { day: { year: +m[1], month: 1, day: 1 }, precision: 'year' };
  return undefined;
}

const RANK = { day: 0, week: 1, month: 2, quarter: 3, year: 4 } as const;

/** The anchored expression's value counted from `anchor` (a value); null when the anchor is too coarse ("the next day" after "2018"). */
export function countFrom(a: Anchored, anchor: string): string | null {
  const from = parse(anchor);
  if (!from) return null;
  const unitRank = RANK[a.unit];
  if (RANK[from.precision] > unitRank && !(a.unit === 'year' && from.precision === 'year')) return null;
  const d = a.unit === 'day' ? addDays(from.day, a.shift) : a.unit === 'week' ? addDays(from.day, 7 * a.shift)
    : addMonths(from.day, a.unit === 'month' ? a.shift : 12 * a.shift);
  const precision = a.unitPrecision ? a.unit : from.precision;
  switch (precision) {
    case 'day': return dayValue(d);
    case 'week': return weekValue(d);
    case 'month': return monthValue(d.year, d.month);
    case 'quarter': return quarterValue(d.year, Math.ceil(d.month / 3));
    default: return yearValue(d.year);
  }
}

/** Values that are a point or stretch of the calendar, fit to count from. */
export const isCalendarValue = (value: string | null | undefined): value is string => !!value && parse(value) !== undefined;
