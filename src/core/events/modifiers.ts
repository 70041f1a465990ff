import type { Mention } from '../model';
import type { Span } from '../text/span';
import { tokenize } from '../text/tokens';

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

export function modifiersBefore(text: string, sentence: Span, trigger: Span, named: Mention[]): { ordinal?: string; modifier?: string } {
  const tokens = tokenize(text.slice(sentence.start, trigger.start), sentence.start);
  const words: string[] = [];
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    const name = named.find(m => m.start <= t.start && t.end <= m.end);
    if (name) { while (i > 0 && tokens[i - 1].start >= name.start) i--; continue; }
    const w = t.text.toLowerCase();
    if (/^['’]s$|^[-–]$/.test(w)) continue;
    if (FUNCTION.has(w) || !/^[a-z][a-z-]*$/.test(t.text) || /ly$/.test(w)) break;
    words.unshift(w);
    if (words.length === 3) break;
  }
  const ordinal = words.find(w => ORDINALS.has(w));
  const modifier = [...words].reverse().find(w => !ORDINALS.has(w));
  return { ...(ordinal ? { ordinal } : {}), ...(modifier && words.indexOf(modifier) === words.length - 1 ? { modifier } : {}) };
}
