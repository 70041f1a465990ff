// Speakers the recogniser did not name, read from the words next to a cue: "the commission says",
// "said Rep. Jim Clyburn", "according to the State Department".

import type { Span } from '../text/span';
import { isCapitalised, type Token } from '../text/tokens';
import { ADVERBS } from './cues';
import { CLAUSE_WORD, DATE_WORD, DETERMINER, PREPOSITION, ROLE_GAP, TITLE_GAP, wordsIn } from './cuePatterns';
import { personByFamily, type Candidate, type Speakers } from './speakers';

/**
 * A speaker named by a phrase the recogniser did not tag: "Graham", "the commission", "the ad’s narrator".
 * Resolved to a person when its last word is the family name of someone named in the article.
 */
export function phrase(text: string, words: Token[], speakers: Speakers): Candidate | undefined {
  if (!words.length || words.length > 6 || words.some(w => CLAUSE_WORD.test(w.text) || DATE_WORD.test(w.text))) return undefined;
  const first = words[0].text;
  if (!DETERMINER.test(first) && !isCapitalised(first)) return undefined;
  if (/^(?:a|an|one|two|three|several|some|many)$/i.test(first) && words.length === 1) return undefined;
  const span = { start: words[0].start, end: words[words.length - 1].end };
  const last = words[words.length - 1].text.replace(/['’]s$/, '').toLowerCase();
  const person = isCapitalised(words[words.length - 1].text) ? personByFamily(speakers, last, span.start) : undefined;
  return { ...span, text: text.slice(span.start, span.end), kind: 'phrase', ...(person ? { mentionIndex: person.i } : {}) };
}

/**
 * "The commission says", "the ad’s narrator said": a determiner phrase of up to four words before the cue
 * (by default opened by "the"; the speaker model takes "a top GOP strategist said" too).
 */
export function nounPhraseBefore(text: string, words: Token[], k: number, speakers: Speakers, opener = THE): Candidate | undefined {
  let end = k;
  while (end > 0 && ADVERBS.has(words[end - 1].text.toLowerCase())) end--;
  for (let start = end - 1; start >= Math.max(0, end - 4); start--) {
    if (!opener.test(words[start].text)) continue;
    if (!/^[\s\p{L}\p{N}’'.-]*$/u.test(text.slice(words[start].start, words[end - 1].end))) return undefined;
    return phrase(text, words.slice(start, end), speakers);
  }
  return undefined;
}

const THE = /^the$/i;

/** Phrases that may name a speaker next to a cue, for the speaker model: "a top GOP strategist said", "said another Republican". */
export function phrasesAround(text: string, cue: Token, sentence: Span, speakers: Speakers): Candidate[] {
  // a phrase is a few words: the words within REACH characters of the cue, up to a mark, bracket or comma
  let from = cue.start;
  while (from > Math.max(sentence.start, cue.start - REACH) && !BOUNDARY.has(text[from - 1])) from--;
  let to = cue.end;
  while (to < Math.min(sentence.end, cue.end + REACH) && !QUOTE_MARK.has(text[to])) to++;
  const words = wordsIn(text, { start: from, end: cue.end });
  const before = nounPhraseBefore(text, words, words.length - 1, speakers, OPENER);
  const after = following(text, cue, to, speakers);
  return [...(before ? [before] : []), ...(after && after.kind === 'phrase' ? [after] : [])];
}

/** What ends the stretch before a cue a phrase is looked for in: quotation marks, brackets, colons, commas. */
const BOUNDARY = new Set('“”"();:,');
const QUOTE_MARK = new Set('“”"');
const REACH = 80;
const OPENER = /^(?:the|a|an|another|one|two|three|some|several|many|his|her|their|its|our)$/i;

/** "said Trump", "said the president", "added Rep. Jim Clyburn": the speaker right after the cue, titles between. */
export function following(text: string, cue: Token, limit: number, speakers: Speakers): Candidate | undefined {
  // “…,” according to the State Department: the speaker follows "to"
  const from = /^according$/i.test(cue.text) ? cue.end + (/^\s+to\b/i.exec(text.slice(cue.end, cue.end + 6))?.[0].length ?? 0) : cue.end;
  const next = speakers.candidates.within({ start: from, end: limit })[0];
  const gap = next ? text.slice(from, next.start) + ' ' : '';
  if (next && next.start - from < 60 && (TITLE_GAP.test(gap) || ROLE_GAP.test(gap) && wordsIn(text, { start: from, end: next.start }).every(w => !CLAUSE_WORD.test(w.text) && !PREPOSITION.test(w.text) && !DATE_WORD.test(w.text)))) return next;
  const words = wordsIn(text, { start: from, end: limit });
  const stop = text.slice(from, limit).search(/[,.;:!?(]/);
  const upTo = stop < 0 ? limit : from + stop;
  const np = words.filter(w => w.end <= upTo).slice(0, 5);
  return np.length && /^[\s,]*$/.test(text.slice(from, np[0].start)) ? phrase(text, np, speakers) : undefined;
}
