import type { StoryEvent } from '../events';
import { monthName, readEventDate, type EventDate } from './eventDate';

/*
 * The events of the corpus on a calendar, as the Events view shows them: period (a year, or a decade or century
 * for values that give no more) → month → day → event. An event sits at the depth its date gives: a day under
 * its day; a month, or a week (by the month of its Thursday, as ISO weeks are counted), directly under its
 * month; a year, quarter, half or season directly under its year. Undated events (and the references
 * "in the past", "now", "in the future") come last, in a group of their own.
 */

export interface CalendarDay { key: string; day: number; words: string; events: StoryEvent[] }
export interface CalendarMonth { key: string; month: number; words: string; events: StoryEvent[]; days: CalendarDay[] }
export interface CalendarPeriod {
  key: string;
  precision: 'year' | 'decade' | 'century';
  year: number;
  words: string;
  /** Events dated no finer than the period (a year, a quarter, a season…). */
  events: StoryEvent[];
  months: CalendarMonth[];
}

export interface EventCalendar {
  periods: CalendarPeriod[];
  undated: StoryEvent[];
  /** How many events it holds. */
  size: number;
  /** The reading of each event's date. */
  dateOf(event: StoryEvent): EventDate;
}

const UNDATED_ORDER = ['PAST_REF', 'PRESENT_REF', 'FUTURE_REF'];
const byStart = (dates: Map<StoryEvent, EventDate>) => (a: StoryEvent, b: StoryEvent) => {
  const x = dates.get(a)!, y = dates.get(b)!;
  return x.start! < y.start! ? -1 : x.start! > y.start! ? 1 : x.end! > y.end! ? -1 : x.end! < y.end! ? 1 : 0;
};

function take<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}

/** Places the events (in the order given within a day) on the calendar; `keep` filters them. */
export function eventCalendar(events: readonly StoryEvent[], keep: (e: StoryEvent) => boolean = () => true): EventCalendar {
  const dates = new Map<StoryEvent, EventDate>();
  const periods = new Map<string, CalendarPeriod>();
  const months = new Map<string, CalendarMonth>();
  const days = new Map<string, CalendarDay>();
  const undated: StoryEvent[] = [];
  let size = 0;
  for (const event of events) {
    if (!keep(event)) continue;
    size++;
    const date = readEventDate(event.date);
    dates.set(event, date);
    if (date.year === undefined) { undated.push(event); continue; }
    const wide = date.precision === 'decade' || date.precision === 'century';
    const periodKey = wide ? `${date.precision}:${date.year}` : String(date.year);
    const period = take(periods, periodKey, (): CalendarPeriod => ({
      key: periodKey, precision: wide ? date.precision as 'decade' | 'century' : 'year', year: date.year!, words: wide ? date.words : String(date.year), events: [], months: [],
    }));
    if (date.month === undefined) { period.events.push(event); continue; }
    const monthKey = `${periodKey}-${date.month}`;
    const month = take(months, monthKey, () => {
      const m: CalendarMonth = { key: monthKey, month: date.month!, words: `${monthName(date.month!)} ${date.year}`, events: [], days: [] };
      period.months.push(m);
      return m;
    });
    if (date.day === undefined) { month.events.push(event); continue; }
    const dayKey = `${monthKey}-${date.day}`;
    take(days, dayKey, () => {
      const d: CalendarDay = { key: dayKey, day: date.day!, words: date.words, events: [] };
      month.days.push(d);
      return d;
    }).events.push(event);
  }
  const sorted = [...periods.values()].sort((a, b) => a.year - b.year || (a.precision === 'year' ? 1 : 0) - (b.precision === 'year' ? 1 : 0));
  const order = byStart(dates);
  for (const p of sorted) {
    p.events.sort(order);
    p.months.sort((a, b) => a.month - b.month);
    for (const m of p.months) {
      m.events.sort(order);
      m.days.sort((a, b) => a.day - b.day);
    }
  }
  const rank = (e: StoryEvent) => { const i = UNDATED_ORDER.indexOf(e.date); return i < 0 ? UNDATED_ORDER.length : i; };
  undated.sort((a, b) => rank(a) - rank(b));
  return { periods: sorted, undated, size, dateOf: e => dates.get(e) ?? readEventDate(e.date) };
}

/** How many events are under a period or month (for the rows' descriptions). */
export function countEvents(node: CalendarPeriod | CalendarMonth): number {
  if ('months' in node) return node.events.length + node.months.reduce((n, m) => n + countEvents(m), 0);
  return node.events.length + node.days.reduce((n, d) => n + d.events.length, 0);
}
