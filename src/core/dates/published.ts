// The article's publication date: the day its relative dates ("Wednesday", "last year") are counted from.
// Found in the text (a dateline, a "Published …" line, a byline or a date line at the top, front matter), else
// given by the user (the sidecar's `published`), the command line (--published) or the file's modification time.
import * as chrono from 'chrono-node';
import { dayValue, isRealDay, toDay, type Day } from './calendar';
import { contentHash } from '../text/hash';
import { detached } from '../text/memo';

/** Where the publication date comes from, in the order it is taken: the user, the text, the command line, the file. */
export type PublishedSource = 'user' | 'text' | 'option' | 'file';

export interface Published {
  /** `YYYY-MM-DD`, or null when nothing gives it. */
  value: string | null;
  source: PublishedSource;
  /** How it was found, in words for the hover: "from the dateline “HANOI, Feb. 27 (Xinhua)”". */
  how?: string;
}

/** What may give the publication date besides the text, each `YYYY-MM-DD`. */
export interface PublishedHints {
  /** The user's, from the sidecar: wins over the text. */
  user?: string;
  /** The command line's --published: for articles that state none. */
  option?: string;
  /** The file's modification day: the last resort, a guess. */
  file?: string;
}

/** How far into an article a dateline, a byline or a date line is looked for. */
const TOP = 3000;
const TOP_LINES = 25;
const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
/** "HANOI, Feb. 27 (Xinhua) --", "GENEVA, March 3, 2021 (AFP) -", "SEOUL, Feb 27 —"; in mixed case only with the year: "Hanoi, February 27, 2019." */
const DATELINE = new RegExp(`^[ \\t]*(?:\\p{Lu}[\\p{Lu}\\p{M} .'’-]+(?:,\\s*[\\p{L}. ]+?)?,\\s+(${MONTH}\\s+\\d{1,2}(?:,?\\s+\\d{4})?|\\d{1,2}\\s+${MONTH}(?:\\s+\\d{4})?)|\\p{Lu}[\\p{L}\\p{M}'’-]+(?: \\p{Lu}[\\p{L}\\p{M}'’-]+){0,2}(?:,\\s*\\p{Lu}[\\p{L}. ]+?)?,\\s+(${MONTH}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+${MONTH}\\s+\\d{4}))\\s*(?:\\([^)\\n]{1,40}\\)\\s*)?(?:--|—|–|-|\\.(?=\\s))`, 'mu');
/** A word LABELLED needs (each of its labels holds one). */
const LABEL_WORD = /\b(?:published|posted|updated|date)\b/i;
/** "Published Feb 27, 2019 4:06 PM EST", "Posted: 27 February 2019", "Updated on 2019-02-27". */
const LABELLED = /^[ \t]*(?:[^\n]{0,60}?\b)?(first published|published|posted|updated|last updated|date)\b[ \t]*(?:on|at)?[ \t]*:?[ \t]*([^\n]{6,60})$/gim;
/** Front matter: `date: 2019-02-27`, `published: "2019-02-27T09:00:00Z"`, `datePublished: …`. */
const FRONT_MATTER_DATE = /^(?:date|published|pubdate|datePublished|publishDate|published_at)[ \t]*:[ \t]*["']?(\d{4}-\d\d-\d\d)/im;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// a module constant: a literal with \p{…} is rebuilt on every call once bundled (esbuild writes it as new RegExp)
const BYLINE = /^by\s+\p{Lu}/iu;
const YEAR_WRITTEN = /\d{4}|\d[/.-]\d{1,2}[/.-]\d{2}/;
/** What a full date looks like to a first glance: a month's name beside a day and a year, or a date all in digits. */
const FULL_DATE_SHAPE = new RegExp(`${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?\\b,?\\s+\\d{4}|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+\\d{4}|\\d[/.-]\\d{1,2}[/.-]\\d`, 'i');

/** Whether the text has a full date's shape: a year in digits, beside a month and a day. */
const mayBeFullDate = (text: string): boolean => YEAR_WRITTEN.test(text) && FULL_DATE_SHAPE.test(text);

/** A full date (day, month and year all written) at the start of a piece of text, with what it took. */
function fullDate(text: string): { day: Day; text: string; index: number } | undefined {
  // a full date writes its year in digits, beside its month and day: a line without that shape is not read
  // (most lines of an article; chrono takes about a millisecond to read one)
  if (!mayBeFullDate(text)) return undefined;
  let results: chrono.ParsedResult[];
  try { results = chrono.strict.parse(text, new Date(2000, 0, 1, 12)); } catch { return undefined; }
  for (const r of results) {
    const c = r.start;
    if (!c.isCertain('year') || !c.isCertain('month') || !c.isCertain('day')) continue;
    const day = { year: c.get('year')!, month: c.get('month')!, day: c.get('day')! };
    if (isRealDay(day.year, day.month, day.day)) return { day, text: r.text.trim(), index: r.index };
  }
  return undefined;
}

/** Words in the longest full date chrono reads ("Wednesday, the twenty-seventh of February, 2019, at 4:06 p.m. EST") and the three beside it. */
const MAX_DATE_LINE_WORDS = 16;
/** How many words the line has, counted up to one past MAX_DATE_LINE_WORDS. */
function wordCount(line: string): number {
  const word = /\S+/g;
  let n = 0;
  while (n <= MAX_DATE_LINE_WORDS && word.exec(line)) n++;
  return n;
}

/** A stretch of the text as quoted in a reading's words: a string of its own, never a view of the text (readings are remembered). */
const quoted = (s: string) => detached(`“${s.trim().replace(/\s+/g, ' ')}”`);

/**
 * The publication date the article states, with how it was found; undefined when it states none. A dateline
 * without its year ("HANOI, Feb. 27 (Xinhua)") takes the year of the same day written in full elsewhere at the
 * top, else the year that puts it nearest before `near` (the command line's or the file's date), else none.
 */
export function findPublished(text: string, near?: { value: string; words: string }, hash?: string): { value: string; how: string } | undefined {
  const reading = readingOf(text, hash);
  if (reading.found) return reading.found;
  const fromNear = reading.yearless && near ? yearFromNear(reading.yearless, near) : undefined;
  return fromNear ?? reading.later;
}

/**
 * What an article's top says of its date before any reference day is known: `found`, the date it states;
 * else `yearless`, a dateline without its year (which a reference day may complete), and `later`, what the
 * text says after the dateline (a "Published" line, a byline).
 */
interface Reading {
  found?: Found;
  yearless?: Yearless;
  later?: Found;
}
type Found = { value: string; how: string };
/** A dateline's day and month, its year not written: "HANOI, Feb. 27 (Xinhua) --". */
type Yearless = { month: number; day: number; line: string };

/**
 * Each text is read once, whatever reference days it is asked with: one article is asked several times (its
 * file's date when it is read, its analysis's key, its analysis), while a folder's scan reads up to a thousand
 * others between (src/vscode/corpusResolves.ts). Remembered by the text's content hash, not the text: a text
 * kept as a key would stay alive, the whole of it, beside the compact form the corpus holds.
 */
const REMEMBERED = 4096;
const readings = new Map<string, Reading>();

/** `hash`: the text's content hash, when the caller has it. */
function readingOf(text: string, hash = contentHash(text)): Reading {
  let reading = readings.get(hash);
  if (!reading) {
    reading = readText(text);
    if (readings.size >= REMEMBERED) readings.delete(readings.keys().next().value!);
    readings.set(hash, reading);
  }
  return reading;
}

function readText(text: string): Reading {
  const top = text.slice(0, TOP);
  const front = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(top);
  const inFront = front && FRONT_MATTER_DATE.exec(front[1]);
  if (inFront) {
    const day = toDay(inFront[1]);
    if (day) return { found: { value: dayValue(day), how: `from the front matter ${quoted(inFront[0])}` } };
  }
  const dateline = DATELINE.exec(top);
  let yearless: Yearless | undefined;
  if (dateline) {
    const line = quoted(dateline[0].replace(/\s*(?:--|—|–|-|\.)$/, ''));
    const found = datelineDay(dateline[1] ?? dateline[2], top);
    if (found && 'how' in found) return { found: { value: dayValue(found.day), how: `from the dateline ${line}${found.how}` } };
    if (found) yearless = { ...found, line };
  }
  return { yearless, later: labelledOrByline(text, top) };
}

/** A "Published …" line anywhere, else a byline or a date line near the top. */
function labelledOrByline(text: string, top: string): Found | undefined {
  // "Published" before "Updated": relative dates are written from when the article first appeared
  let updated: Found | undefined;
  LABELLED.lastIndex = 0;
  // one pass for the label words first: most articles have none, and trying the labelled line's shape at every
  // line start costs several times that pass
  for (let m = LABEL_WORD.test(text) ? LABELLED.exec(text) : null; m; m = LABELLED.exec(text)) {
    const date = fullDate(m[2]);
    if (!date || date.index > 25) continue;
    const found = { value: dayValue(date.day), how: `from the line ${quoted(m[0])}` };
    if (!/updated/i.test(m[1])) return found;
    updated ??= found;
  }
  if (updated) return updated;
  // a byline or a line of its own near the top that is a date: "By Jane Roe | Feb. 27, 2019", "February 27, 2019 4:06 PM"
  const lines = top.split('\n').slice(0, TOP_LINES);
  for (const line of lines) {
    // a line of many words is no date with at most three words beside it, unless it is a byline (and a line
    // without a full date's shape is none at all: asked first, as it is the cheaper question)
    if (!mayBeFullDate(line) || (wordCount(line) > MAX_DATE_LINE_WORDS && !/\bby\b/i.test(line))) continue;
    const date = fullDate(line);
    if (!date) continue;
    const rest = (line.slice(0, date.index) + line.slice(date.index + date.text.length)).trim();
    const byline = BYLINE.test(rest);
    if (byline || rest.replace(/[\s|,·•—–-]+/g, ' ').trim().split(' ').filter(Boolean).length <= 3) {
      return { value: dayValue(date.day), how: `from the ${byline ? 'byline' : 'date line at the top'} ${quoted(line)}` };
    }
  }
  return undefined;
}

/** The dateline's day with its year (written, or the same day's elsewhere at the top), else its day and month alone. */
function datelineDay(written: string, top: string): { day: Day; how: string } | { month: number; day: number } | undefined {
  const m = new RegExp(`^(?:(${MONTH})\\s+(\\d{1,2})|(\\d{1,2})\\s+(${MONTH}))(?:,?\\s+(\\d{4}))?`, 'i').exec(written);
  if (!m) return undefined;
  const month = MONTHS.indexOf((m[1] ?? m[4]).slice(0, 3).toLowerCase()) + 1;
  const dayOfMonth = Number(m[2] ?? m[3]);
  const real = (year: number) => isRealDay(year, month, dayOfMonth) ? { year, month, day: dayOfMonth } : undefined;
  if (m[5]) { const day = real(Number(m[5])); return day && { day, how: '' }; }
  // the same day written with its year elsewhere at the top (a photo caption: "Hanoi, Vietnam, Feb. 27, 2019")
  const same = new RegExp(`(?:${MONTH}\\s+0?${dayOfMonth}|\\b0?${dayOfMonth}\\s+${MONTH}),?\\s+(\\d{4})`, 'gi');
  for (let s = same.exec(top); s; s = same.exec(top)) {
    const mm = /^\d/.test(s[0]) ? s[0].replace(/^\d+\s+/, '') : s[0];
    if (MONTHS.indexOf(mm.slice(0, 3).toLowerCase()) + 1 !== month) continue;
    const day = real(Number(s[1]));
    if (day) return { day, how: `, its year from ${quoted(s[0])} nearby` };
  }
  return { month, day: dayOfMonth };
}

/** A yearless dateline's day in the year that puts it on or before the reference day, nearest to it. */
function yearFromNear(dateline: Yearless, near: { value: string; words: string }): Found | undefined {
  const ref = toDay(near.value);
  if (!ref) return undefined;
  for (const year of [ref.year, ref.year - 1]) {
    if (!isRealDay(year, dateline.month, dateline.day)) continue;
    const value = dayValue({ year, month: dateline.month, day: dateline.day });
    if (value <= dayValue(ref)) return { value, how: `from the dateline ${dateline.line}, its year from ${near.words}` };
  }
  return undefined;
}

/**
 * The article's publication date: the user's, else the text's, else the command line's, else the file's (a
 * guess); { value: null } when none of them gives one. `hash`: the text's content hash, when the caller has it
 * (the text's reading is remembered by it).
 */
export function resolvePublished(text: string, hints: PublishedHints = {}, hash?: string): Published {
  const user = hints.user && toDay(hints.user);
  if (user) return { value: dayValue(user), source: 'user', how: 'set by you' };
  const option = hints.option && toDay(hints.option);
  const file = hints.file && toDay(hints.file);
  const found = findPublished(text, option ? { value: dayValue(option), words: 'the date given on the command line' } : file ? { value: dayValue(file), words: 'the day the file was last changed' } : undefined, hash);
  if (found) return { value: found.value, source: 'text', how: found.how };
  if (option) return { value: dayValue(option), source: 'option', how: 'given on the command line (--published)' };
  if (file) return { value: dayValue(file), source: 'file', how: 'a guess from the day the file was last changed' };
  return { value: null, source: 'file', how: 'no date found in the text, and none given' };
}

/** A short key for caches: what the analysis of a text depends on of its publication date. */
export const publishedKey = (p: Published) => `${p.value ?? '-'}/${p.source}`;
