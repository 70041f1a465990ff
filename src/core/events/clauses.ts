import type { Span } from '../text/span';
import type { Token } from '../text/tokens';
import { tokensIn } from '../text/articleTokens';
import { isIrregularPast } from './irregular';

/*
 * The clauses of a sentence and the tense they are told in, from the words alone (no parser): a clause ends
 * at a comma, semicolon, colon, dash or bracket, and before a word that opens a subordinate clause.
 */

const OPENERS = new Set(['where', 'while', 'whereas', 'when', 'before', 'after', 'because', 'although', 'though', 'which', 'who', 'whom', 'since', 'until', 'but']);
const BREAKS = new Set([',', ';', ':', '—', '–', '(', ')', '"', '“', '”']);

export interface Clause extends Span {
  tokens: Token[];
}

/** The clauses of one sentence, with their words. */
export function clausesOf(text: string, sentence: Span): Clause[] {
  const clauses: Clause[] = [];
  let current: Token[] = [];
  const close = () => {
    if (current.length) clauses.push({ start: current[0].start, end: current[current.length - 1].end, tokens: current });
    current = [];
  };
  for (const t of tokensIn(text, sentence.start, sentence.end)) {
    if (BREAKS.has(t.text)) { close(); continue; }
    // the openers have eight letters at most (and lower-casing never shortens a word)
    if (t.text.length <= 8 && OPENERS.has(t.text.toLowerCase()) && current.length) close();
    current.push(t);
  }
  close();
  return clauses;
}

export type Tense = 'past' | 'present' | 'perfect' | 'future' | 'none';

const FUTURE = new Set(['will', "'ll", 'shall', 'would', 'could', 'might', 'may', 'should', 'must', 'can']);
const PERFECT = new Set(['has', 'have', 'had', "'ve", "'d"]);
const PAST_AUX = new Set(['was', 'were', 'did']);
const PRESENT_AUX = new Set(['is', 'are', 'am', "'s", "'re"]);
const LOOKING_AHEAD = new Set(['upcoming', 'planned', 'scheduled', 'proposed', 'next', 'coming', 'future']);

const isPast = (w: string) => /^[a-z]+ed$/.test(w) || isIrregularPast(w);

/**
 * The tense a trigger is told in: a verb by the words just before it ("had met" perfect, "will meet" future,
 * "met" past), a noun by the nearest tense word of its clause ("the summit came", "the summit will open").
 */
export function tenseOf(clause: Clause, trigger: Span, verb: boolean, pastForm: boolean): Tense {
  const i = clause.tokens.findIndex(t => t.start >= trigger.start);
  const word = (k: number) => clause.tokens[k]?.text.toLowerCase().replace('’', "'") ?? '';
  if (verb) {
    const before = [word(i - 1), word(i - 2)];
    if (before.some(w => FUTURE.has(w)) || before[0] === 'to') return 'future';
    if (before.some(w => PERFECT.has(w))) return 'perfect';
    if (before.some(w => PAST_AUX.has(w)) || pastForm) return 'past';
    return 'present';
  }
  // "the upcoming congressional testimony": a word looking ahead in the noun's own phrase
  if ([word(i - 1), word(i - 2), word(i - 3)].some(w => LOOKING_AHEAD.has(w))) return 'future';
  // the nearest tense word, looking outwards from the trigger
  for (let d = 1; d < clause.tokens.length; d++) {
    for (const k of [i - d, i + d]) {
      const w = word(k);
      if (!w) continue;
      if (FUTURE.has(w)) return 'future';
      if (PERFECT.has(w)) return isPast(word(k + 1)) || isPast(word(k + 2)) ? 'perfect' : 'past';
      if (PAST_AUX.has(w) || isPast(w)) return 'past';
      if (PRESENT_AUX.has(w)) return 'present';
    }
  }
  return 'none';
}
