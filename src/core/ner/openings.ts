import type { Token } from '../text/tokens';
import { OPENING } from './headlines';
import type { Lexicon } from './tagger/features';

/** The token opens its sentence, or a quotation or bracket within it. */
export function opensSentence(tokens: readonly Token[], i: number): boolean {
  return i === 0 || OPENING.test(tokens[i - 1].text);
}

/**
 * A word written with a capital only because a sentence opens there, by what news text taught the lexicon:
 * words it capitalises only at openings ("Additionally", "Furthermore", "Hey"), and, standing alone before a
 * comma, words it writes in lower case ("Meanwhile,", "Yes,"; not the "Reading 4 1 1" of a results table).
 * Never one the article capitalises in its prose, where no sentence opens ("May" of Theresa May).
 */
export function notAName(word: string, aloneBeforeComma: boolean, lexicon: Lexicon, prose: ReadonlySet<string>): boolean {
  if (prose.has(word)) return false;
  const lower = word.toLowerCase();
  return lexicon.openers.has(lower) || (aloneBeforeComma && (lexicon.lowercase.has(lower) || sentenceAdverb(lower, lexicon)));
}

/**
 * An adverb of a word news writes in lower case, too rare to be in the lexicon itself: "Interestingly,"
 * (interesting), "Curiously," (curious), "Happily," (happy). Names ending so ("Kelly,", "Shelly,") have no such
 * word before their "ly".
 */
function sentenceAdverb(lower: string, lexicon: Lexicon): boolean {
  if (!lower.endsWith('ly') || lower.length < 6) return false;
  const stem = lower.slice(0, -2);
  return lexicon.lowercase.has(stem) || (stem.endsWith('i') && lexicon.lowercase.has(`${stem.slice(0, -1)}y`));
}
