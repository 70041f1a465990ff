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
    const words = tokensIn(text, sentence.start, sentence.end).filter(t => WORD.test(t.text));
    words.forEach((t, i) => {
      if (i > 0 && !headline && isCapitalised(t.text)) return;
      const form = t.text.toLowerCase();
      if (wanted(form)) out.push({ start: t.start, end: t.end, text: t.text, form, sentence });
    });
  }
  return out;
}
