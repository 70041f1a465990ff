import type { Span } from '../text/span';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// a dot only after an abbreviation: "Feb. 27", never the full stop after "June."
const MONTH = '(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sept?(?:ember|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)';
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const YEAR = '(?:1[89]\\d\\d|20\\d\\d)';
const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
const PART_OF_DAY = '(?:\\s+(?:morning|afternoon|evening|night))?';

/**
 * A date expression as written, with the parts that were spelt out. The recognisers keep names out of these
 * spans; the DATE mentions themselves, with their values, come from date normalisation (src/core/dates).
 */
export interface DateExpression extends Span {
  text: string;
  year?: number;
  month?: number;
  day?: number;
  weekday?: number;
  /** Years relative to the article's date: "last year" = -1. */
  relativeYear?: number;
  /** "today", "tonight", "this afternoon". */
  sameDay?: boolean;
}

const PATTERNS: RegExp = new RegExp(
  [
    `(?<md>(?:(?:early|mid|late)[- ])?(?<m1>${MONTH})\\s+(?<d1>${DAY})(?:,?\\s+(?<y1>${YEAR}))?)(?![\\d])`,
    `(?<dm>(?<d2>${DAY})\\s+(?<m2>${MONTH})(?:,?\\s+(?<y2>${YEAR}))?)`,
    `(?<my>(?:(?:early|mid|late)[- ]|last\\s+|next\\s+|this\\s+)?(?<m3>${MONTH})(?:\\s+(?:of\\s+)?(?<y3>${YEAR})|(?<ly>\\s+last\\s+year)|(?<ny>\\s+next\\s+year)|(?<ty>\\s+this\\s+year))?)(?![\\w])`,
    `(?<wd>(?:(?:last|next|this)\\s+)?(?<w>${WEEKDAY})${PART_OF_DAY})`,
    `(?<rel>(?:last|next|this)\\s+year)`,
    `(?<today>today|tonight|this\\s+(?:morning|afternoon|evening)|yesterday|tomorrow)`,
    `(?<year>(?:(?<=\\bin\\s)|(?<=\\bof\\s)|(?<=\\bsince\\s)|(?<=\\bby\\s)|(?<=\\buntil\\s)|(?<=\\bbefore\\s)|(?<=\\bafter\\s)|(?<=\\bthe\\s)|(?<=\\bearly\\s)|(?<=\\blate\\s))?(?<y4>${YEAR}))(?![\\d])`,
  ].join('|'),
  'g',
);

function month(word: string | undefined): number | undefined {
  if (!word) return undefined;
  const i = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
  return i >= 0 ? i + 1 : undefined;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Finds date expressions. "May" and "March" alone are taken only with a day or year beside them. */
export function findDates(text: string): DateExpression[] {
  const found: DateExpression[] = [];
  PATTERNS.lastIndex = 0;
  for (let m = PATTERNS.exec(text); m; m = PATTERNS.exec(text)) {
    const g = m.groups ?? {};
    const start = m.index;
    const raw = m[0];
    if (start > 0 && /[\p{L}\p{N}]/u.test(text[start - 1])) continue;
    const expr: DateExpression = { start, end: start + raw.length, text: raw };
    if (g.md) {
      Object.assign(expr, { month: month(g.m1), day: parseInt(g.d1, 10), year: g.y1 ? +g.y1 : undefined });
    } else if (g.dm) {
      Object.assign(expr, { month: month(g.m2), day: parseInt(g.d2, 10), year: g.y2 ? +g.y2 : undefined });
    } else if (g.my) {
      const bare = !g.y3 && !g.ly && !g.ny && !g.ty && !/^(last|next|this|early|mid|late)/i.test(raw);
      if (bare && /^(may|march|mar|jan|jun|jul|aug|sep|oct|nov|dec|apr|feb)\.?$/i.test(raw) && !/^(June|July|January|February|April|August|September|October|November|December)$/.test(raw)) continue;
      expr.month = month(g.m3);
      if (g.y3) expr.year = +g.y3;
      if (g.ly || /^last\s/i.test(raw)) expr.relativeYear = -1;
      if (g.ny) expr.relativeYear = 1;
      if (g.ty || /^this\s/i.test(raw)) expr.relativeYear = 0;
    } else if (g.wd) {
      expr.weekday = WEEKDAYS.indexOf(g.w.toLowerCase());
    } else if (g.rel) {
      expr.relativeYear = /^last/i.test(raw) ? -1 : /^next/i.test(raw) ? 1 : 0;
    } else if (g.today) {
      expr.sameDay = true;
      if (/^yesterday/i.test(raw)) expr.weekday = -1;
      if (/^tomorrow/i.test(raw)) expr.weekday = -2;
    } else if (g.year) {
      expr.year = +g.y4;
    }
    found.push(expr);
  }
  return found;
}
