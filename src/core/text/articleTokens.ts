import { lowerBound } from './span';
import { tokenize, type Token } from './tokens';

/**
 * The article being analysed and its tokens, made once: the tagger, the speakers, the event words and clauses
 * and the cue windows each read stretches of it. Open only while analyseArticle runs (nothing is kept after).
 */
let article: { text: string; tokens?: Token[] } | undefined;

/** Runs `analyse` with the tokens of `text` shared by every tokensIn(text, …) made meanwhile. */
export function sharingTokens<T>(text: string, analyse: () => T): T {
  const outer = article;
  article = { text };
  try {
    return analyse();
  } finally {
    article = outer;
  }
}

/**
 * The tokens of text[start, end), as tokenize(text.slice(start, end), start) gives them (a new array of
 * shared tokens: read them, never change them). From the article's tokens when `text` is the article being
 * analysed and no token of it runs over `start` or `end`: a stretch whose ends fall between tokens splits
 * into the same tokens alone as in its article.
 */
export function tokensIn(text: string, start: number, end: number): Token[] {
  if (article && article.text === text) {
    const all = (article.tokens ??= tokenize(text));
    const from = lowerBound(all, start);
    if (from === 0 || all[from - 1].end <= start) {
      const to = lowerBound(all, end);
      if (to === 0 || all[to - 1].end <= end) return all.slice(from, to);
    }
  }
  return tokenize(text.slice(start, end), start);
}
