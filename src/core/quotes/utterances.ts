import type { CorpusView } from '../corpus';
import { diffArrays } from 'diff';
import { words } from './quoteWords';
import type { Utterance } from './utterance';
import { UtteranceIndex } from './utteranceIndex';

export type { QuoteRef, Utterance } from './utterance';

/** One stretch of a word comparison: words both versions have, or only the first or the second. */
export interface WordDifference {
  text: string;
  in: 'both' | 'first' | 'second';
}

/**
 * Groups the speech quotes of the corpus into utterances: the same words of one speaker quoted by several articles,
 * whole, as a fragment or in a slightly different rendering. Every speech quote is in exactly one utterance.
 */
export function groupUtterances(view: CorpusView): Utterance[] {
  return new UtteranceIndex().update(view);
}

const lookups = new WeakMap<readonly Utterance[], Map<string, Utterance>>();

/** The utterance a quote (its article's path and its index in the article's quotes) belongs to. */
export function utteranceOf(utterances: readonly Utterance[], path: string, quoteIndex: number): Utterance | undefined {
  const lookup = lookups.get(utterances) ?? new Map(utterances.flatMap(u => u.quotes.map(q => [`${q.index}:${q.path}`, u] as const)));
  lookups.set(utterances, lookup);
  return lookup.get(`${quoteIndex}:${path}`);
}

/**
 * Word by word, what two versions of a quote share and what only one of them has, in reading order, for marking
 * the differences side by side. Case, quotation marks, apostrophes and punctuation are not differences; words
 * keep their first version's spelling and punctuation when shared.
 */
export function compareWords(a: string, b: string): WordDifference[] {
  const split = (text: string) => (text.match(/\S+/g) ?? []).filter(w => words(w).length);
  const wa = split(a), wb = split(b);
  // the words compared without case, quotation marks and punctuation (diff's comparison of arrays), each side
  // then shown as its version writes it
  const changes = diffArrays(wa.map(w => words(w).join(' ')), wb.map(w => words(w).join(' ')));
  const out: WordDifference[] = [];
  const add = (text: string, side: WordDifference['in']) => (out[out.length - 1]?.in === side ? (out[out.length - 1].text += ` ${text}`) : out.push({ text, in: side }));
  let i = 0, j = 0;
  for (const change of changes) {
    for (let k = 0; k < change.count; k++) {
      if (change.removed) add(wa[i++], 'first');
      else if (change.added) add(wb[j++], 'second');
      else add(wa[i++], 'both'), j++;
    }
  }
  return out;
}
