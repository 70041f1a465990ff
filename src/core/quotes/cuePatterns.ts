// The words around a cue ("said", "according to"): a window's words, the patterns of what may stand between
// a cue and its speaker (titles, name suffixes, party tags) and of what may not (clause words, dates).

import type { Cue } from '../model';
import type { SpanIndex, Span } from '../text/span';
import { isCapitalised, type Token } from '../text/tokens';
import { tokensIn } from '../text/articleTokens';
import { ADVERBS, CUES, NOUN_OR_VERB } from './cues';
import type { Candidate } from './speakers';

/** Words of a window (tokens with a letter). */
export const wordsIn = (text: string, w: Span) => tokensIn(text, w.start, w.end).filter(t => LETTER.test(t.text));

// module constants: a literal with \p{…} is rebuilt on every call once bundled (esbuild writes it as new RegExp)
const LETTER = /\p{L}/u;
/** "Rep. Jim Jordan (R-Ohio), a member, said": a name's apposition between commas. */
export const APPOSITION = /^\s*(?:\([^()]{0,15}\))?\s*,[^.!?“”"]*,\s*(?:\p{L}+\s+)?$/u;
export const JOINED = /\b(?:and|but)\s+(?:(\p{L}+)\s+)?$/u;
const PARTICIPLE_AFTER = /,\s*\p{L}+ing\b[^“”"]*$/u;

export const DETERMINER = /^(?:the|a|an|his|her|their|its|our|this|that|one|two|three|several|some|many)$/i;
/** Words a phrase naming a speaker may not contain: they start a clause, not a name. */
export const CLAUSE_WORD = /^(?:when|while|and|but|as|if|that|which|who|because|after|before|than|then|so|or|to|though|although|since|unless|whether|where|what|how|he|she|it|they|we|i|you|there|this|was|is|were|are|had|has|have|would|will|could)$/i;
export const DATE_WORD = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|yesterday|january|february|march|april|may|june|july|august|september|october|november|december|week|month|year)$/i;
/** Titles and affiliations between a cue and a name: "said Rep. Jim Clyburn", "said former Gov. Jeb Bush". */
export const TITLE_GAP = /^[\s,]*(?:(?:the|former|then|acting|current|[\p{Lu}][\p{L}.’'-]*|of|[(][^()]{0,12}[)])\s+){0,6}$/u;
/** A suffix after a name: "Vann R. Newkirk II", "Martin Luther King Jr." */
const SUFFIX = /^(?:,?\s+(?:Jr|Sr)\.?|\s+(?:II|III|IV))?/;
/** A party tag after a name: "Rep. Gwen Moore (D-Wis.)", "Mitch McConnell, R-Ky.," */
const PARTY = /^(?:\s*\([^()]{0,20}\)|\s*,\s*[DRI]-[\p{L}.]{2,14},)?/u;
/** Where a name ends with its suffix ("Jr.", "II"). */
export const afterSuffix = (text: string, end: number) => end + SUFFIX.exec(text.slice(end, end + 8))![0].length;
/** Where the words after a name end that still belong to it: its suffix and party tag. */
export function afterName(text: string, end: number): number {
  end = afterSuffix(text, end);
  return end + PARTY.exec(text.slice(end, end + 24))![0].length;
}
/** Prepositions start a phrase of their own: "in a speech", "to reporters" are no part of a speaker's title. */
export const PREPOSITION = /^(?:in|on|at|to|for|from|with|by|about|during|after|before|into|over|under|against|without|like)$/i;
/** Lower-case role words may stand between a cue and a name too: "said 9/11 widow Terry Strada". */
export const ROLE_GAP = /^[\s,]*(?:[\p{L}\p{N}][\p{L}\p{N}.’'/-]*\s+){1,6}$/u;

/**
 * Is a noun-or-verb cue ("tweets", "statement", "call") a verb here? Only right after its subject or an
 * adverb: "Trump tweets" yes, "Trump’s late-night tweets" no.
 */
export function isVerbUse(text: string, cue: Token, candidates: SpanIndex<Candidate>): boolean {
  if (!NOUN_OR_VERB.has(cue.text.toLowerCase())) return true;
  const before = text.slice(Math.max(0, cue.start - 60), cue.start);
  const prev = /([\p{L}’'.-]+)\s*$/u.exec(before)?.[1] ?? '';
  if (ADVERBS.has(prev.toLowerCase()) || /^(?:and|who|to)$/i.test(prev)) return true;
  const c = candidates.lastBefore(cue.start);
  return Boolean(c && /^\s*,?\s*$/.test(text.slice(c.end, cue.start)));
}

/** Cue words are lower case: a word is lowered only when it starts with a capital ("Said", "SAID"). */
export const isCue = (t: Token) => CUES.has(t.text) || (isCapitalised(t.text) && CUES.has(t.text.toLowerCase()));

export const PARTICIPLE = /ing$/i;

/** Only a few words (no clause) stand between the cue and the sentence's end: "said Tuesday.", "said in an interview." */
export function closesSentence(text: string, from: number, end: number): boolean {
  // “…” to drive up the stock price, she said, referencing the bank’s drive: a participle may follow
  const participle = PARTICIPLE_AFTER.exec(text.slice(from, end));
  if (participle) end = from + participle.index;
  const rest = text.slice(from, end);
  if (!/^[^,;:“”"]*$/.test(rest)) return false;
  const words = wordsIn(text, { start: from, end });
  return words.length <= 4 && words.every(w => !CLAUSE_WORD.test(w.text));
}

export function cueOf(t: Token, text?: string): Cue {
  if (text && t.text.toLowerCase() === 'according') {
    const m = /^according\s+to/i.exec(text.slice(t.start, t.start + 20));
    if (m) return { start: t.start, end: t.start + m[0].length, text: m[0] };
  }
  return { start: t.start, end: t.end, text: t.text };
}
