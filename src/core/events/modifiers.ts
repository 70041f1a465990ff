import type { Mention } from '../model';
import type { Span } from '../text/span';
import { tokensIn } from '../text/articleTokens';

/*
 * The words a reader keeps before an event noun: an ordinal ("second summit", "last test") and the word
 * nearest the noun when it says what kind ("nuclear test", "press conference", "social dinner"). Names
 * written before the noun ("the Kim-Trump meeting", "North Korea's test") are its participants, stepped over.
 */

const ORDINALS = new Set(['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'last', 'latest', 'final', 'next']);

// closed-class words: determiners, pronouns, prepositions, conjunctions, auxiliaries and a few adverbs
const FUNCTION = new Set(`a an the this that these those their his her its our your my of in on at to for with by from and or but as about after
before over into is are was were be been being has have had will would can could should may might must not no any some such what which who
whose very more most also then than so all both each other another up out one two three just only even still again during between against
there here it they he she we you i me him them us`.split(/\s+/));

/** Words that open a noun phrase: after one of them (or a name's "'s"), an "-ing" form is a noun ("their first meeting"). */
const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'their', 'his', 'her', 'its', 'our', 'your', 'my', 'whose']);

export interface Modifiers {
  ordinal?: string;
  modifier?: string;
  /** The phrase opens with a determiner or a possessive ("the", "their", "Kim's"): the trigger is a noun. */
  determined?: true;
  /** It opens with "the", "this" or "that" and has no ordinal: it refers back ("the dinner"). */
  definite?: true;
}

const DEFINITE = new Set(['the', 'this', 'that']);

export function modifiersBefore(text: string, sentence: Span, trigger: Span, named: Mention[]): Modifiers {
  const tokens = tokensIn(text, sentence.start, trigger.start);
  const words: string[] = [];
  let determined = false, definite = false;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    // a name (or a token holding one: "Kim’s", "Kim-Trump") is stepped over; its "'s" makes the phrase a noun's
    const name = named.find(m => m.start < t.end && t.start < m.end);
    if (name) { determined ||= /['’]s$/.test(t.text); while (i > 0 && tokens[i - 1].end > name.start) i--; continue; }
    const w = t.text.toLowerCase();
    if (/^['’]s$/.test(w)) { determined = true; continue; }
    if (/^[-–]$/.test(w)) continue;
    if (FUNCTION.has(w) || !/^[a-z][a-z-]*$/.test(t.text) || /ly$/.test(w)) { determined ||= DETERMINERS.has(w); definite = DEFINITE.has(w); break; }
    words.unshift(w);
    if (words.length === 3) break;
  }
  const ordinal = words.find(w => ORDINALS.has(w));
  const modifier = [...words].reverse().find(w => !ORDINALS.has(w));
  return { ...(ordinal ? { ordinal } : {}), ...(modifier && words.indexOf(modifier) === words.length - 1 ? { modifier } : {}), ...(determined ? { determined: true as const } : {}), ...(definite && !ordinal ? { definite: true as const } : {}) };
}
