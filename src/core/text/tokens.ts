import type { Span } from './span';

export interface Token extends Span {
  text: string;
}

// A word: letters/digits with inner apostrophes, hyphens and dots (U.S., Jae-in, don't), or a single other character.
export const TOKEN_PATTERN = /[\p{L}\p{N}]+(?:[-'’.&][\p{L}\p{N}]+)*(?:(?<=s)['’](?![\p{L}\p{N}])|\.)?|[^\s\p{L}\p{N}]/gu;
/** The same pattern, sticky: matched where the scan stands, test() tells where it ends (no match array made). */
const TOKEN_AT = new RegExp(TOKEN_PATTERN.source, 'uy');
const ABBREVIATION_WITH_DOT = /^(?:[A-Z]\.(?:[A-Z]\.)*|Mr\.|Mrs\.|Ms\.|Dr\.|Sr\.|Jr\.|St\.|Gen\.|Gov\.|Sen\.|Rep\.|Lt\.|Col\.|Capt\.|Prof\.|Rev\.|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|No\.|Co\.|Corp\.|Inc\.|Ltd\.|vs\.|etc\.)$/;

/**
 * Splits text into word and punctuation tokens with their offsets (the matches of TOKEN_PATTERN). A final dot
 * stays on known abbreviations only. Every character but white space starts a match: the scan matches the
 * sticky pattern where it stands, and steps over ASCII white space without trying.
 */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  for (let at = 0; at < text.length;) {
    const c = text.charCodeAt(at);
    if (c === 32 || (c >= 9 && c <= 13)) { at++; continue; }
    TOKEN_AT.lastIndex = at;
    if (!TOKEN_AT.test(text)) { at++; continue; } // other white space (all of it one code unit)
    let word = text.slice(at, TOKEN_AT.lastIndex);
    const start = at + offset;
    at = TOKEN_AT.lastIndex;
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
