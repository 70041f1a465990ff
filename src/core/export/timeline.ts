import type { CorpusView } from '../corpus';
import type { StoryEvent } from '../events';
import { eventCalendar } from '../timeline/calendar';
import { readEventDate, type EventDate } from '../timeline/eventDate';
import { Outlets } from '../timeline/outlets';
import { entityName, eventSources, listInWords, oneLine } from '../timeline/sources';

/*
 * The events of an export, on a timeline: the Markdown report's "Timeline" section (date → events, each with
 * the outlets that report it and their words), and the Knight Lab TimelineJS JSON newsrooms publish
 * (https://timeline.knightlab.com/docs/json-format.html). TimelineJS needs a start date on every slide: undated
 * events are left out of it and counted in the title slide.
 */

/** The events in calendar order: periods, months, days, then the undated ones. */
export function eventsInOrder(events: readonly StoryEvent[]): StoryEvent[] {
  const calendar = eventCalendar(events);
  const out: StoryEvent[] = [];
  for (const p of calendar.periods) {
    out.push(...p.events);
    for (const m of p.months) {
      out.push(...m.events);
      for (const d of m.days) out.push(...d.events);
    }
  }
  return out.concat(calendar.undated);
}

const outletsOf = (view: CorpusView) => {
  const outlets = new Outlets();
  return (path: string) => outlets.of(path, view.articles.get(path)?.text);
};

/** The report's timeline: a heading per date (in words), each event with its sources. */
export function* markdownTimeline(view: CorpusView, relative: (path: string) => string, md: (text: string) => string): Generator<string> {
  if (!view.events.length) return;
  const outlet = outletsOf(view);
  yield* ['## Timeline', ''];
  let heading = '';
  for (const event of eventsInOrder(view.events)) {
    const date = readEventDate(event.date);
    const words = date.precision === 'undated' ? (event.date ? `Undated (${date.words})` : 'Undated') : capitalise(date.words);
    if (words !== heading) yield* [`### ${md(words)}`, ''];
    heading = words;
    const sources = eventSources(event);
    const people = event.participants.map(id => entityName(id, view.entities));
    yield `- **${md(event.label)}** — ${sources.length} source${sources.length === 1 ? '' : 's'}${people.length ? `; with ${md(listInWords(people))}` : ''}${event.origin === 'user' ? ' (your annotation)' : ''}`;
    for (const s of sources) yield `  - ${md(outlet(s.path))} (${md(relative(s.path))}): “${md(oneLine(s.mentions[0].text, 300))}”`;
    yield '';
  }
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export interface TimelineJsDate { year: number; month?: number; day?: number; display_date?: string }
export interface TimelineJsSlide {
  start_date: TimelineJsDate;
  end_date?: TimelineJsDate;
  display_date?: string;
  text: { headline: string; text: string };
  group?: string;
  unique_id: string;
}
export interface TimelineJs {
  title?: { text: { headline: string; text: string } };
  events: TimelineJsSlide[];
}

/** A calendar day (YYYY-MM-DD) as a TimelineJS date. */
function dayOf(iso: string): TimelineJsDate {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day };
}

/** The day before an exclusive end: the last day covered. */
function lastDay(end: string): string {
  const d = new Date(`${end}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** TimelineJS keeps the precision it is given: a year is {year}, a month {year, month}, a day all three; wider spans get an end date. */
export function timelineJsDates(date: EventDate): Pick<TimelineJsSlide, 'start_date' | 'end_date' | 'display_date'> | undefined {
  if (!date.start || date.year === undefined) return undefined;
  switch (date.precision) {
    case 'day': return { start_date: { year: date.year, month: date.month, day: date.day } };
    case 'month': return { start_date: { year: date.year, month: date.month } };
    case 'year': return { start_date: { year: date.year } };
    case 'week': return { start_date: dayOf(date.start), end_date: dayOf(lastDay(date.end!)), display_date: date.words };
    case 'decade': case 'century': return { start_date: { year: date.year }, end_date: { year: Number(lastDay(date.end!).slice(0, 4)) }, display_date: date.words };
    default: { // quarter, half, season: months
      const [year, month] = date.start.split('-').map(Number);
      const [endYear, endMonth] = lastDay(date.end!).split('-').map(Number);
      return { start_date: { year, month }, end_date: { year: endYear, month: endMonth }, display_date: date.words };
    }
  }
}

const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function timelineJs(view: CorpusView, relative: (path: string) => string = p => p): TimelineJs {
  const outlet = outletsOf(view);
  const slides: TimelineJsSlide[] = [];
  const ids = new Set<string>();
  let undated = 0;
  for (const event of eventsInOrder(view.events)) {
    const dates = timelineJsDates(readEventDate(event.date));
    if (!dates) { undated++; continue; }
    const sources = eventSources(event);
    const people = event.participants.map(id => entityName(id, view.entities));
    const text = [
      `<p>Reported by ${html(listInWords([...new Set(sources.map(s => outlet(s.path)))]))}.${people.length ? ` With ${html(listInWords(people))}.` : ''}</p>`,
      `<ul>${sources.map(s => `<li><b>${html(outlet(s.path))}</b> (${html(relative(s.path))}): “${html(oneLine(s.mentions[0].text, 400))}”</li>`).join('')}</ul>`,
    ].join('');
    const base = event.eventId.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'event';
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    slides.push({ ...dates, text: { headline: event.label, text }, unique_id: id });
  }
  const articles = view.articles.size;
  return {
    title: {
      text: {
        headline: 'Timeline of events',
        text: `<p>${slides.length} event${slides.length === 1 ? '' : 's'} reported in ${articles} article${articles === 1 ? '' : 's'}${undated ? `; ${undated} undated event${undated === 1 ? ' is' : 's are'} left out` : ''}. Made with Source Annotator.</p>`,
      },
    },
    events: slides,
  };
}
