// The time expressions chrono-node does not find or does not value the way news needs: references to the
// present, past and future ("now", "recently", "the future"), bare years, decades and centuries, quarters
// and seasons, "this/last/next week|month|year", "two years ago", "a decade ago", and ranges of years
// ("from 2001 to 2009"). Each rule gives a span and a value relative to the reference day.
import { addDays, addMonths, isRealDay, monthValue, quarterValue, weekday, weekValue, yearValue, type Day } from './calendar';
import { looksAhead } from './context';
import { isCapitalised } from '../text/tokens';

export interface Found { start: number; end: number; value: string | null; endValue?: string | null }

const ORDINAL: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 };
const NUMBER: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, several: NaN, few: NaN, 'a few': NaN, some: NaN };
const SEASON: Record<string, string> = { spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI' };
const DECADE_WORD: Record<string, number> = { twenties: 2, thirties: 3, forties: 4, fifties: 5, sixties: 6, seventies: 7, eighties: 8, nineties: 9 };
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December)';
const TENS: Record<string, number> = { ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const YEAR = '(?:1\\d{3}|2\\d{3})';
const NOT_A_NUMBER_AFTER = '(?!,?\\d|\\s*(?:%|percent|per\\s+cent|[-–]?\\s*(?:point|foot|feet|meter|metre|mile|ton|pound|share|barrel|acre|yard)s?\\b))';

/** Words that number things: "Section 1001", "HB 1523", "Suite 2000" are not years. */
const NUMBERED = '\\b(?:[Ss]ection|[Ss]ec\\.|[Bb]ill|HB|SB|H\\.R\\.|[Aa]rticle|[Cc]hapter|[Rr]oom|[Ss]uite|[Nn]o\\.|[Nn]umber|[Rr]oute|[Hh]ighway|[Ii]nterstate|[Ff]light|[Tt]itle|[Rr]ule|[Rr]esolution|[Pp]roposition|[Pp]rop\\.|[Mm]easure|[Ff]orm|[Mm]odel|[Aa]partment|[Aa]pt\\.|[Bb]ox|[Pp]recinct|[Dd]istrict|[Ll]ocal|[Ee]xhibit|[Dd]ocket|[Pp]ages?|pp?\\.)';
/** A number that begins a street address: "1600 Pennsylvania Avenue". */
const NOT_AN_ADDRESS = '(?!\\s+(?:[A-Z][\\w.]*\\s+){0,2}(?:Avenue|Ave\\.?|Street|St\\.|Road|Rd\\.|Boulevard|Blvd\\.?|Drive|Lane|Place|Way|Court|Parkway|Terrace|Square)\\b)';
/** Below this year, a bare number is a year only after a word that makes it one. */
// a module constant: a literal with \p{…} is rebuilt on every call once bundled (esbuild writes it as new RegExp)
const UPPER = /\p{Lu}/u;
const LETTERS = /\p{L}+/gu;
const EARLY = 1500;
const EARLY_YEAR_BEFORE = /\b(?:in|of|since|by|from|until|till|before|after|circa|c\.|year|around)\s+$/i;

/**
 * A pattern, the value of a match (undefined: no date after all), and words every match holds (in lower case):
 * a text without any of them is not searched.
 */
type Rule = [RegExp, (m: RegExpExecArray, ref: Day, text: string) => Found['value'] | { value: string | null; endValue: string | null } | undefined, string[]?];

const quarterOf = (d: Day) => Math.ceil(d.month / 3);
/** The most recent quarter that has ended. */
function lastQuarter(ref: Day): { year: number; quarter: number } {
  const q = quarterOf(ref) - 1;
  return q ? { year: ref.year, quarter: q } : { year: ref.year - 1, quarter: 4 };
}

function shiftYear(word: string | undefined, ref: Day): number {
  return /last|past|previous/i.test(word ?? '') ? ref.year - 1 : /next|coming/i.test(word ?? '') ? ref.year + 1 : ref.year;
}

/** The weekend before the reference day (a weekend day itself: that weekend) or the coming one, as `2019-W08-WE`. */
function weekend(ref: Day, ahead: boolean): string {
  const w = weekday(ref); // 0 Sunday … 6 Saturday
  const saturday = w === 0 ? addDays(ref, -1) : w === 6 ? ref : addDays(ref, ahead ? 6 - w : -(w + 1));
  return `${weekValue(saturday)}-WE`;
}

const RULES: Rule[] = [
  // a day the calendar does not have ("February 30, 2019"): a date, but no value
  [new RegExp(`\\b(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?\\s+(3[01]|29)(?:st|nd|rd|th)?\\b(?:,?\\s+(${YEAR}))?`, 'gi'), (m, ref) => {
    const month = MONTHS.indexOf(m[1].slice(0, 3).toLowerCase()) + 1;
    return isRealDay(m[3] ? +m[3] : m[2] === '29' && !m[3] ? 2000 : ref.year, month, +m[2]) ? undefined : null;
  }],
  // "last weekend", "over the weekend", "this weekend", "next weekend"
  [/\b(this|last|next|past|coming|the)\s+weekend\b/gi, (m, ref, text) => {
    const w = m[1].toLowerCase();
    if (w === 'last' || w === 'past') return weekend(ref, false);
    if (w === 'next') return weekend(addDays(ref, 7), true);
    return weekend(ref, w === 'coming' || w === 'this' || looksAhead(text, m.index, m.index + m[0].length));
  }, ['weekend']],
  // ranges of years: "from 2001 to 2009", "between 1990 and 1995", "1990-95"
  [new RegExp(`\\b(?:from|between)\\s+(${YEAR})\\s+(?:to|and|until|through)\\s+(${YEAR})\\b`, 'gi'), m => ({ value: m[1], endValue: m[2] })],
  [new RegExp(`(?<![\\d$.,-])(${YEAR})\\s*[-–]\\s*(\\d{2}|${YEAR})(?![\\d-])`, 'g'), m => {
    const end = m[2].length === 2 ? m[1].slice(0, 2) + m[2] : m[2];
    return +end > +m[1] ? { value: m[1], endValue: end } : undefined;
  }],
  // a month with a year given in words: "June last year", "this September", "January this year"
  [new RegExp(`\\b(?:(this|last|next)\\s+)?${MONTH}(?:\\s+(?:of\\s+)?(last|this|next)\\s+year)?\\b`, 'gi'), (m, ref) => {
    if (!m[1] === !m[3]) return undefined;
    const month = MONTHS.indexOf(m[2].slice(0, 3).toLowerCase()) + 1;
    const year = m[3] ? shiftYear(m[3], ref) : m[1].toLowerCase() === 'this' ? ref.year : m[1].toLowerCase() === 'last' ? (month < ref.month ? ref.year : ref.year - 1) : (month > ref.month ? ref.year : ref.year + 1);
    return monthValue(year, month);
  }],
  // years in words, as broadcast transcripts write them: "nineteen ninety-six", "the year two thousand"
  [/\b(?:the\s+year\s+)?(nineteen|two thousand)(?:\s+(?:and\s+)?(ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](one|two|three|four|five|six|seven|eight|nine))?)?\b/gi, m => {
    const century = m[1].toLowerCase() === 'nineteen' ? 1900 : 2000;
    if (century === 1900 && !m[2]) return undefined;
    return String(century + (m[2] ? TENS[m[2].toLowerCase()] : 0) + (m[3] ? NUMBER[m[3].toLowerCase()] : 0));
  }, ['nineteen', 'two thousand']],
  // the present, past and future without a date
  // (not in a line of title-case words: "Give Now", "Recent Features" are a page's buttons and headings)
  // ("now" and "nowadays", "at present" and "at the moment" share their first letters: written so, the same matches are found faster)
  [/\b(?:now(?:adays)?|currently|at (?:present|the moment)|these days|presently)\b/gi, (m, _ref, text) => (inTitleLine(text, m.index) ? undefined : 'PRESENT_REF')],
  [/\b(?:recently|recent|lately|formerly|previously|the past(?!\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?|decades?|centur(?:y|ies))\b)|(?:several|a few|many) years ago|in the old days)\b/gi, (m, _ref, text) => (inTitleLine(text, m.index) ? undefined : 'PAST_REF'), ['recent', 'lately', 'formerly', 'previously', 'the past', 'years ago', 'old days']],
  [/\b(?:the future|soon|in the coming (?:days|weeks|months|years)|one day(?= \w+ will)|someday|eventually|later this century)\b/gi, () => 'FUTURE_REF', ['future', 'soon', 'coming', 'one day', 'someday', 'eventually', 'century']],
  // decades and centuries: "the 1990s", "the late '80s", "the nineties", "the 20th century"
  [/\b(?:the\s+)?(?:(?:early|mid|late)[- ]?)?(1\d|20)(\d)0'?s\b/gi, m => m[1] + m[2], ['0s', "0's"]],
  [/\b(?:the\s+)?(?:(?:early|mid|late)[- ]?)?'(\d)0s\b/gi, (m, ref) => String(Math.floor(ref.year / 100) - (+m[1] * 10 > ref.year % 100 ? 1 : 0)) + m[1], ['0s']],
  [/\bthe\s+(?:(?:early|mid|late)[- ]?)?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b/gi, (m, ref) => String(Math.floor((ref.year - 1) / 100) - (DECADE_WORD[m[1].toLowerCase()] * 10 > ref.year % 100 ? 1 : 0)) + DECADE_WORD[m[1].toLowerCase()], ['ties']],
  [/\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)[- ]century\b/gi, m => String(+m[1] - 1).padStart(2, '0'), ['century']],
  // quarters: "the third quarter of 1997", "third-quarter", "this year's fourth quarter", "the quarter"
  [new RegExp(`\\b(?:(?:the|this\\s+year's|last\\s+year's)\\s+)?(?:fiscal\\s+)?(?:(${YEAR})\\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)[- ](?:fiscal[- ])?quarter(?:\\s+of\\s+(?:fiscal\\s+)?(${YEAR}))?\\b`, 'gi'), (m, ref, text) => {
    const quarter = ORDINAL[m[2].toLowerCase()];
    const explicit = m[1] ?? m[3];
    if (explicit) return quarterValue(+explicit, quarter);
    if (/last\s+year's/i.test(m[0])) return quarterValue(ref.year - 1, quarter);
    if (/this\s+year's/i.test(m[0])) return quarterValue(ref.year, quarter);
    const ahead = looksAhead(text, m.index, m.index + m[0].length);
    const year = quarter <= quarterOf(ref) ? ref.year : ahead ? ref.year : ref.year - 1;
    return quarterValue(year, quarter);
  }, ['quarter']],
  [/\bthe\s+(?:latest|most recent|recent|last|past)?\s*(?:fiscal\s+)?quarter\b(?![- ]century)/gi, (_m, ref) => { const q = lastQuarter(ref); return quarterValue(q.year, q.quarter); }, ['quarter']],
  // seasons: "this spring", "the winter of 1994", "last fall"
  [new RegExp(`\\b(?:(this|last|next|the|early|late)\\s+)?(spring|summer|fall|autumn|winter)(?:\\s+of\\s+(${YEAR}))?\\b`, 'gi'), (m, ref) => {
    if (!m[1] && !m[3]) return undefined; // "fall" is a verb too often
    if (m[3]) return `${m[3]}-${SEASON[m[2].toLowerCase()]}`;
    const year = m[1] && /last/i.test(m[1]) ? ref.year - 1 : m[1] && /next/i.test(m[1]) ? ref.year + 1 : ref.year;
    return `${year}-${SEASON[m[2].toLowerCase()]}`;
  }, ['spring', 'summer', 'fall', 'autumn', 'winter']],
  // in quarterly results, "a year ago", "a year earlier", "the year-ago quarter" mean that quarter a year before
  [/\b(?:(?:the|a|in the)\s+)?(?:year[- ]ago|year[- ]earlier|corresponding)\s+(?:quarter|period)(?:\s+last\s+year)?\b|\b(?:a year ago|a year earlier|last year's quarter)\b/gi, (m, ref, text) => {
    if (!/quarter|period/i.test(m[0]) && !/quarter/i.test(text.slice(Math.max(0, m.index - 400), m.index))) return undefined;
    const q = lastQuarter(ref);
    return quarterValue(q.year - 1, q.quarter);
  }, ['year ago', 'year-ago', 'year earlier', 'year-earlier', 'corresponding', 'quarter']],
  // "this week", "last month", "next year", "earlier this year", "late last year"
  [/\b(?:(?:earlier|later|late|early)\s+)?(this|last|next|the past|the previous|the coming)\s+(week|month|year)\b/gi, (m, ref) => {
    const unit = m[2].toLowerCase(), w = m[1].toLowerCase();
    const step = /last|previous/.test(w) ? -1 : /next|coming/.test(w) ? 1 : 0;
    if (w === 'the past' || w === 'the coming') return unit === 'year' ? undefined : undefined;
    if (unit === 'year') return yearValue(shiftYear(w, ref));
    if (unit === 'month') { const d = addMonths(ref, step); return monthValue(d.year, d.month); }
    return weekValue(addDays(ref, 7 * step));
  }],
  // "two years ago", "five months earlier", "a decade ago", "a week ago"
  [/\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})\s+(decades?|years?|months?|weeks?|days?)\s+(?:ago|earlier|before)\b/gi, (m, ref) => {
    const n = /^\d+$/.test(m[1]) ? +m[1] : NUMBER[m[1].toLowerCase()];
    const unit = m[2].toLowerCase().replace(/s$/, '');
    if (unit === 'decade') return String(Math.floor((ref.year - 10 * n) / 10));
    if (unit === 'year') return yearValue(ref.year - n);
    if (unit === 'month') { const d = addMonths(ref, -n); return monthValue(d.year, d.month); }
    return undefined; // days and weeks ago: chrono gives the day
  }],
  // "fiscal 1997", "mid-1997", "the end of 1997", bare years
  [new RegExp(`(?<![\\d$£€¥#.,/:-]|\\d\\s|${NUMBERED}\\s+)(?:(?:fiscal|mid-|early|late|the end of|the beginning of)\\s*)?(${YEAR})${NOT_A_NUMBER_AFTER}(?![-/.]\\d)${NOT_AN_ADDRESS}`, 'g'), (m, _ref, text) => {
    const year = +m[1];
    if (year < 1000 || year > 2999) return undefined;
    // a year long past is one when the text says so ("in 1066"); "nearly 1000" is a number
    if (year < EARLY && !EARLY_YEAR_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) return undefined;
    return m[1];
  }],
];

/** A capitalised word in a short line whose every word of four letters or more is capitalised, with no full stop: a heading or a button. */
function inTitleLine(text: string, at: number): boolean {
  if (!UPPER.test(text[at])) return false;
  const start = text.lastIndexOf('\n', at) + 1, newline = text.indexOf('\n', at);
  const line = text.slice(start, newline < 0 ? text.length : newline).trim();
  const words = line.match(LETTERS) ?? [];
  return words.length >= 2 && words.length <= 8 && !/[.!?:;,"”]$/.test(line) && words.every(w => w.length < 4 || isCapitalised(w));
}

/** Where each rule's pattern matches a text, rule by rule: they do not depend on the reference day, so two readings of one text share them. */
export type RuleMatches = RegExpExecArray[][];

export function ruleMatches(text: string): RuleMatches {
  let lower: string | undefined;
  return RULES.map(([re, , needs]) => {
    const matches: RegExpExecArray[] = [];
    if (needs && !needs.some(word => (lower ??= text.toLowerCase()).includes(word))) return matches;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) matches.push(m);
    return matches;
  });
}

/** Every expression the rules find, left to right; an expression inside an earlier, longer one is dropped. */
export function ruleExpressions(text: string, ref: Day, matches: RuleMatches = ruleMatches(text)): Found[] {
  const found: Found[] = [];
  RULES.forEach(([, value], r) => {
    for (const m of matches[r]) {
      const v = value(m, ref, text);
      if (v === undefined) continue;
      const start = m.index, end = m.index + m[0].length;
      if (found.some(f => f.start < end && start < f.end)) continue;
      found.push(typeof v === 'object' && v ? { start, end, ...v } : { start, end, value: v });
    }
  });
  return found.sort((x, y) => x.start - y.start);
}
