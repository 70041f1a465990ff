import { COMMON_WORDS, has, NOT_NAMES } from '../ner/lexicon';
import { pointBefore } from '../text/codePoints';
import type { Span } from '../text/span';

/*
 * Where in one text a family name could stand: capitalised words at word bounds. What an article holds of
 * these depends on its text alone, so it is found with the article's analysis (in a worker, kept in the
 * persistent index); the corpus only decides which of them are family names (src/core/corpus/familyNames.ts).
 * A family name is a capitalised word that is not a common word: a model's "Larry has" or a title-case
 * headline's "Michael Moore Has" must never make every "has" of the corpus a person.
 */

/** The longest stretch read as one family name. */
const MAX_NAME = 64;

/** Whether a word may be spread across the corpus as a family name. */
export function mayBeFamilyName(word: string): boolean {
  let known = judged.get(word);
  if (known === undefined) {
    known = UPPER.test(word) && !has(COMMON_WORDS, word) && !has(NOT_NAMES, word) && !/^(?:jr|sr)\.?$/i.test(word);
    if (judged.size > 100_000) judged.clear();
    judged.set(word, known);
  }
  return known;
}
const judged = new Map<string, boolean>();

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** A capital and the rest of its run of non-space characters. */
const RUNS = /\p{Lu}[^\s]*/gu;
const UPPER = /^\p{Lu}/u;

function isLetterOrDigit(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER_OR_DIGIT.test(ch);
}

function isUpper(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER.test(text.slice(at, at + 2));
}

/** May a name start here: not after a letter, digit, dot or hyphen. */
function startsWord(text: string, at: number): boolean {
  if (at === 0) return true;
  const ch = pointBefore(text, at);
  return !(ch === '.' || ch === '-' || isLetterOrDigit(ch));
}

/**
 * May a name end here: not before a letter or digit, nor a hyphen and a capital ("Ocasio-Cortez"), nor
 * "-born" ("Cuban-born", "German-born": a nationality or a place, never a person, though "Trump-led" is).
 */
function endsWord(text: string, at: number): boolean {
  if (at >= text.length) return true;
  const c = text.charCodeAt(at);
  const ch = c >= 0xd800 && c <= 0xdbff ? text.slice(at, at + 2) : text[at];
  return !(isLetterOrDigit(ch) || (c === 45 && at + 1 < text.length && (isUpper(text, at + 1) || bornAfter(text, at))));
}

/** "-born" at `at`, a word of its own. */
function bornAfter(text: string, at: number): boolean {
  return text.startsWith('-born', at) && !(at + 5 < text.length && isLetterOrDigit(text[at + 5]));
}

/**
 * Every stretch of the text a family name could be found at: capitalised, within one run of non-space
 * characters, at word bounds (not after a letter, digit, dot or hyphen; not before a letter or digit).
 * In reading order, the longer first at one start.
 */
export function familyCandidates(text: string): Span[] {
  const out: Span[] = [];
  // a capital and the rest of its run of non-space characters, found natively; then every place it may end
  const runs = RUNS;
  runs.lastIndex = 0;
  for (let m = runs.exec(text); m; m = runs.exec(text)) {
    const run = { start: m.index, end: m.index + m[0].length };
    for (let p = run.start; p < run.end; p++) {
      if (p > run.start && !isUpper(text, p)) continue;
      if (!startsWord(text, p)) continue;
      for (let e = Math.min(run.end, p + MAX_NAME); e > p; e--) if (endsWord(text, e)) out.push({ start: p, end: e }); // the longer first
    }
  }
  return out;
}

/** The different words of the text that may be family names (candidates `mayBeFamilyName` accepts), in reading order. */
export function familyWords(text: string): string[] {
  const seen = new Set<string>();
  // and those judged no family name here ("The", "Mr."): an article writes them again and again
  const refused = new Set<string>();
  for (const c of familyCandidates(text)) {
    const name = text.slice(c.start, c.end);
    if (seen.has(name) || refused.has(name)) continue;
    if (mayBeFamilyName(name)) seen.add(name);
    else refused.add(name);
  }
  return [...seen];
}

/** Whether the text may hold the name where a family name would be found (a quick test before the article is read again). */
export function mayHoldName(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (startsWord(text, at) && endsWord(text, at + name.length)) return true;
  }
  return false;
}

/**
 * The candidates (as `familyCandidates` orders them) whose text is one of these names: where the corpus's
 * family names stand in an article, found from the article's own family words without reading it whole again.
 */
export function candidatesOf(text: string, names: Iterable<string>): Span[] {
  const out: Span[] = [];
  for (const name of names) {
    if (!name || name.length > MAX_NAME || /\s/.test(name) || !UPPER.test(name)) continue;
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      if (startsWord(text, at) && endsWord(text, at + name.length)) out.push({ start: at, end: at + name.length });
    }
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}
