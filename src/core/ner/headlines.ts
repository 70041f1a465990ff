import { paragraphs } from '../text/sentences';
import { isCapitalised, type Token } from '../text/tokens';
import { isHeadline } from './recognise';
import type { Lexicon } from './tagger/features';

// module constants: a literal with \p{…} is rebuilt on every call once bundled (esbuild writes it as new RegExp)
/** A capital, then a lower-case letter: "Trump", not "US" or "iPhone". */
const UPPER_LOWER = /^\p{Lu}\p{Ll}/u;
const LOWER_START = /^\p{Ll}/u;
/** A two-word label of a web page: "Enlarge Icon", "Recent Features". */
const LABEL = /^\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*){1}$/u;
/** A token after which a sentence or a quotation opens: the next word's capital says nothing. */
export const OPENING = /^(?:["“‘'(\[—–-]|``)$/;

/** What an article's lines are: 1 a headline, 2 a short label of a web page, 0 prose; per offset. */
export type LineKinds = Uint8Array;

/**
 * Title case by what news writes in lower case: a line whose common words (those the lexicon's news writes in
 * lower case) are capitalised, after its first word, at least three times and twice as often as not ("Hillary
 * Clinton Was Headed to ER But Diverted to Avoid Bad Optics."). Prose capitalises such words only in names.
 */
export function isTitleCase(tokenised: readonly Token[][], from: number, to: number, lexicon: Lexicon): boolean {
  // the capitalised common words first (few in prose: most lines stop here), then the lower-case ones
  let capitalised = 0;
  for (let k = from; k < to; k++) {
    const tokens = tokenised[k];
    for (let i = k === from ? 1 : 0; i < tokens.length; i++) {
      const w = tokens[i].text;
      if (isCapitalised(w) && UPPER_LOWER.test(w) && lexicon.lowercase.has(w.toLowerCase())) capitalised++;
    }
  }
  if (capitalised < 3) return false;
  let lower = 0;
  for (let k = from; k < to; k++) {
    const tokens = tokenised[k];
    for (let i = k === from ? 1 : 0; i < tokens.length; i++) {
      const w = tokens[i].text;
      if (!isCapitalised(w) && LOWER_START.test(w) && lexicon.lowercase.has(w)) lower++;
    }
  }
  return capitalised >= 2 * lower;
}

/** At most this many words in a line read as a headline by its title case. */
const MOST_HEADLINE_WORDS = 40;

/** Headlines (by their capitals: isHeadline, or title case as news writes it) and two-word labels, marked per offset. */
export function lineKinds(text: string, tokenised: readonly Token[][], lexicon: Lexicon): LineKinds {
  const kind = new Uint8Array(text.length + 1);
  let k = 0;
  for (const p of paragraphs(text)) {
    const line = text.slice(p.start, p.end);
    // the line's sentences (a paragraph holds whole sentences), and how many words they have
    while (k < tokenised.length && tokenised[k][0].start < p.start) k++;
    const from = k;
    let n = 0;
    for (; k < tokenised.length && tokenised[k][0].start < p.end; k++) n += tokenised[k].length;
    const label = LABEL.test(line.trim());
    if (label || isHeadline(line) || (n <= MOST_HEADLINE_WORDS && isTitleCase(tokenised, from, k, lexicon))) kind.fill(label ? 2 : 1, p.start, p.end);
  }
  return kind;
}

/** The capitalised words the article writes in prose where no sentence or quotation opens: names, to the article. */
export function proseCapitals(tokenised: readonly Token[][], kind: LineKinds): Set<string> {
  const out = new Set<string>();
  for (const tokens of tokenised) {
    tokens.forEach((t, i) => { if (i > 0 && !kind[t.start] && isCapitalised(t.text) && UPPER_LOWER.test(t.text) && !OPENING.test(tokens[i - 1].text)) out.add(t.text); });
  }
  return out;
}

/**
 * Web headlines capitalise every word ("Summit Kicks Off In Hanoi With A Handshake"); news-trained taggers
 * read that as names. In such lines a word goes to lower case when news writes it so and the article never
 * capitalises it in running text.
 */
export function truecaseHeadlines(tokenised: readonly Token[][], kind: LineKinds, prose: Set<string>, lexicon: Lexicon): string[][] {
  const keep = (word: string) => prose.has(word) || word.split('-').every(p => prose.has(p)) || lexicon.gazetteer.has(word.toLowerCase());
  return tokenised.map(tokens => tokens.map(t => {
    if (!kind[t.start] || !UPPER_LOWER.test(t.text) || keep(t.text)) return t.text;
    // in a two-word label, only words news writes in lower case: "Laignee Barron" stays a name
    if (kind[t.start] === 2 && !lexicon.lowercase.has(t.text.toLowerCase())) return t.text;
    return t.text.toLowerCase();
  }));
}
