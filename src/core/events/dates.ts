import { daysInMonth } from '../dates/calendar';

/*
 * Whether two event dates can be the same event's: the same day or the next (an event of two days, a
 * dateline across time zones), or one date inside the other ("June 2018" and "June 12, 2018"), at most a
 * year wide. Vaguer values (a decade, "the past") date nothing for grouping.
 */

export interface Interval {
  /** Days since 1970-01-01, first and last day. */
  from: number;
  to: number;
}

const DAY = 86_400_000;
const dayNumber = (y: number, m: number, d: number) => Math.round(Date.UTC(y, m - 1, d) / DAY);

const known = new Map<string, Interval | undefined>();

/** The days a normalised value covers, or undefined for values too vague to compare. */
export function intervalOf(value: string): Interval | undefined {
  // asked again and again while events are grouped, of a few thousand values at most
  if (known.has(value)) return known.get(value);
  if (known.size > 20_000) known.clear();
  const found = readInterval(value);
  known.set(value, found);
  return found;
}

function readInterval(value: string): Interval | undefined {
  let m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(value);
  if (m) { const d = dayNumber(+m[1], +m[2], +m[3]); return { from: d, to: d }; }
  m = /^(\d{4})-(\d\d)$/.exec(value);
  if (m) return { from: dayNumber(+m[1], +m[2], 1), to: dayNumber(+m[1], +m[2], daysInMonth(+m[1], +m[2])) };
  m = /^(\d{4})-W(\d\d)$/.exec(value);
  if (m) {
    // ISO week: the week holding January 4th is week 1
    const jan4 = dayNumber(+m[1], 1, 4);
    const monday = jan4 - ((new Date(jan4 * DAY).getUTCDay() + 6) % 7) + 7 * (+m[2] - 1);
    return { from: monday, to: monday + 6 };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) return { from: dayNumber(+m[1], 3 * +m[2] - 2, 1), to: dayNumber(+m[1], 3 * +m[2] + 1, 1) - 1 };
  m = /^(\d{4})$/.exec(value);
  if (m) return { from: dayNumber(+m[1], 1, 1), to: dayNumber(+m[1], 12, 31) };
  return undefined;
}

export function compatibleDates(a: string, b: string): boolean {
  if (a === b) return true;
  const x = intervalOf(a), y = intervalOf(b);
  if (!x || !y) return false;
  if (x.from === x.to && y.from === y.to) return Math.abs(x.from - y.from) <= 1;
  return (x.from <= y.from && y.to <= x.to) || (y.from <= x.from && x.to <= y.to);
}

/** How precise a value is: days before weeks before months before years; vague values last. */
export function precisionOf(value: string): number {
  const i = intervalOf(value);
  return i ? i.to - i.from : Number.MAX_SAFE_INTEGER;
}
