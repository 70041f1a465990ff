import { tokenize, type Token } from '../../text/tokens';

const CLITIC = /^(.+?)(['’]s|n['’]t)$/i;

/** Ends in an apostrophe and s or t: the test CLITIC needs, made without it for the nine tokens in ten that fail it. */
function mayEndInClitic(word: string): boolean {
  const n = word.length;
  const last = word.charCodeAt(n - 1) | 0x20; // lower case, for ASCII letters
  const apostrophe = word.charCodeAt(n - 2);
  return n >= 3 && (last === 0x73 || last === 0x74) && (apostrophe === 0x27 || apostrophe === 0x2019);
}

/**
 * Tokens as the CoNLL training data has them: the possessive ’s and n’t are tokens of their own
 * ("Trump’s" → "Trump" "’s"), everything else as the core tokenizer gives it.
 */
export function taggerTokens(text: string, offset = 0): Token[] {
  return splitClitics(tokenize(text, offset));
}

/** taggerTokens, of the core tokenizer's tokens. */
export function splitClitics(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const m = mayEndInClitic(t.text) ? CLITIC.exec(t.text) : null;
    if (m && m[1].length > 0 && /[\p{L}\p{N}]$/u.test(m[1])) {
      out.push({ text: m[1], start: t.start, end: t.start + m[1].length });
      out.push({ text: m[2], start: t.start + m[1].length, end: t.end });
    } else out.push(t);
  }
  return out;
}
