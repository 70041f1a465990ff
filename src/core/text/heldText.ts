import { detached } from './memo';

/*
 * An article's text as the corpus keeps it between uses. JavaScript engines store a string at one byte a
 * character only when every character fits in one (Latin-1); one curly quote or dash anywhere makes the whole
 * text two bytes a character, and 79 % of news articles have some (10,000 articles: 71 MB of 83 MB of text).
 * A held text is the text with each such character replaced by a mark, at one byte a character, beside the
 * list of those characters and where they stand; the text itself is made again when it is asked for.
 */

/** A text as held: the text itself when it gains nothing from being held otherwise. */
export type HeldText = string | CompactText;

const WIDE = /[^\x00-\xff]/g;
const HAS_WIDE = /[^\x00-\xff]/;
const MARK = '\x1a';
/** Past one wide character in 16, the list of them outweighs what is saved (and a text in another script is all wide). */
const MOST_WIDE = 1 / 16;

export class CompactText {
  constructor(
    /** The text with each wide character as MARK, at one byte a character. */
    readonly narrow: string,
    /** Where each wide character stands, in order. */
    private readonly at: readonly number[],
    /** The wide characters, in order (UTF-16 code units). */
    private readonly wide: string,
  ) {}

  get length(): number {
    return this.narrow.length;
  }

  text(): string {
    const parts: string[] = [];
    let from = 0;
    for (let i = 0; i < this.at.length; i++) {
      parts.push(this.narrow.slice(from, this.at[i]), this.wide[i]);
      from = this.at[i] + 1;
    }
    parts.push(this.narrow.slice(from));
    return parts.join('');
  }
}

/** The text as the corpus should keep it: compact when it has a few wide characters, else itself. */
export function hold(text: string): HeldText {
  const at: number[] = [];
  WIDE.lastIndex = 0;
  for (let m = WIDE.exec(text); m; m = WIDE.exec(text)) {
    at.push(m.index);
    if (at.length > text.length * MOST_WIDE) return text;
  }
  if (!at.length) return text;
  // each list and string flat and exactly as long as it is
  const codes = at.map(i => text.charCodeAt(i));
  let wide = '';
  for (let i = 0; i < codes.length; i += 4096) wide += String.fromCharCode(...codes.slice(i, i + 4096));
  return new CompactText(detached(text.replace(WIDE, MARK)), at.slice(), wide);
}

/** The text held. */
export function textOf(held: HeldText): string {
  return typeof held === 'string' ? held : held.text();
}

/** Whether the held text is this text. */
export function sameText(held: HeldText, text: string): boolean {
  if (typeof held === 'string') return held === text;
  return held.length === text.length && held.text() === text;
}

/**
 * The held text where a search for `word` finds what it finds in the text: the compact text itself when the word
 * is narrow (a mark never matches one of its characters; beside a match it stands where a wide character
 * stands, which for the callers' word-edge checks is at worst a false "may"), else the whole text.
 */
export function searchable(held: HeldText, word: string): string {
  if (typeof held === 'string') return held;
  return HAS_WIDE.test(word) || word.includes(MARK) ? held.text() : held.narrow;
}
