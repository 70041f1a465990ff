import type { Span } from './span';

export interface Token extends Span {
  text: string;
}

// A word: letters/digits with inner apostrophes, hyphens and dots (U.S., Jae-in, don't), or a single other character.
const TOKEN = /[\p{L}\p{N}]+(?:[-'’.&][\p{L}\p{N}]+)*(?:(?<=s)['’](?![\p{L}\p{N}])|\.)?|[^\s\p{L}\p{N}]/gu;
const ABBREVIATION_WITH_DOT = /^(?:[A-Z]\.(?:[A-Z]\.)*|Mr\.|Mrs\.|Ms\.|Dr\.|Sr\.|Jr\.|St\.|Gen\.|Gov\.|Sen\.|Rep\.|Lt\.|Col\.|Capt\.|Prof\.|Rev\.|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|No\.|Co\.|Corp\.|Inc\.|Ltd\.|vs\.|etc\.)$/;

/** Splits text into word and punctuation tokens with their offsets. A final dot stays on known abbreviations only. */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    let word = m[0];
    const start = m.index + offset;
    if (word.length > 1 && word.endsWith('.') && !ABBREVIATION_WITH_DOT.test(word)) {
      word = word.slice(0, -1);
      tokens.push({ text: word, start, end: start + word.length });
      tokens.push({ text: '.', start: start + word.length, end: start + word.length + 1 });
      continue;
    }
    tokens.push({ text: word, start, end: start + word.length });
  }
  return tokens;
}

export function isAbbreviation(word: string): boolean {
  return ABBREVIATION_WITH_DOT.test(word);
}

export function isWord(token: Token): boolean {
  return /[\p{L}\p{N}]/u.test(token.text);
}

const UPPER_START = /^\p{Lu}/u;

/** Starts with a capital letter. ASCII is decided without the regular expression: this runs for most tokens. */
export function isCapitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 65 && c <= 90 ? true : c < 128 ? false : UPPER_START.test(word);
}
