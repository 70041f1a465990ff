import { isHeadline } from '../ner/recognise';
import { paragraphs, sentences } from '../text/sentences';
import type { Span } from '../text/span';
import { isCapitalised } from '../text/tokens';
import { tokensIn } from '../text/articleTokens';

/** A word that may be an event's trigger: lower case, or capitalised only where every word is (a sentence's first, a headline's). */
export interface CandidateWord extends Span {
  text: string;
  /** Lower case, as the lexicon has it. */
  form: string;
  /** The sentence it is in. */
  sentence: Span;
}

const WORD = /^\p{L}+(?:-\p{L}+)*$/u;

/** The words of a text that the trigger lexicon is asked about (the training reads TimeBank through this very function). */
export function candidateWords(text: string, wanted: (form: string) => boolean = () => true): CandidateWord[] {
  const out: CandidateWord[] = [];
  const headlines = paragraphs(text).filter(p => isHeadline(text.slice(p.start, p.end)));
  let h = 0;
  for (const sentence of sentences(text)) {
    while (h < headlines.length && headlines[h].end <= sentence.start) h++;
    const headline = h < headlines.length && headlines[h].start <= sentence.start && sentence.end <= headlines[h].end;
    let i = 0; // the word's place among the sentence's words
    for (const t of tokensIn(text, sentence.start, sentence.end)) {
      if (!isWord(t.text)) continue;
      if (i++ > 0 && !headline && isCapitalised(t.text)) continue;
      const form = t.text.toLowerCase();
      if (wanted(form)) out.push({ start: t.start, end: t.end, text: t.text, form, sentence });
    }
  }
  return out;
}

/** WORD.test(s), with words of ASCII letters (most) decided without the expression: this runs for every token. */
function isWord(s: string): boolean {
  let letter = false; // the last character was a letter
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c | 32) >= 97 && (c | 32) <= 122) letter = true;
    else if (c === 45 && letter && i + 1 < s.length) letter = false; // an inner hyphen, between letters
    else return c >= 128 ? WORD.test(s) : false;
  }
  return letter;
}
