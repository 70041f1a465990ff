import { tokenize, type Token } from '../../text/tokens';

/**
 * Tokens as the CoNLL training data has them: the possessive ’s and n’t are tokens of their own
 * ("Trump’s" → "Trump" "’s"), everything else as the core tokenizer gives it.
 */
export function taggerTokens(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  for (const t of tokenize(text, offset)) {
    const m = /^(.+?)(['’]s|n['’]t)$/i.exec(t.text);
    if (m && m[1].length > 0 && /[\p{L}\p{N}]$/u.test(m[1])) {
      out.push({ text: m[1], start: t.start, end: t.start + m[1].length });
      out.push({ text: m[2], start: t.start + m[1].length, end: t.end });
    } else out.push(t);
  }
  return out;
}
