import type { Mention } from '../model';
import { sentences } from '../text/sentences';
import { isSurnameFirst, words } from './names';

/*
 * Gender, as the article shows it: the pronoun it writes after a person's mention ("… gave Clinton a dose of
 * blame for her"), and, for a name in full, what first-name data says of the given name (learned with the
 * entity model: src/core/ner/tagger/features.ts, Lexicon.genders). The text decides; the name data only where
 * the text says nothing (src/core/entities/withinArticle.ts).
 */

export type Gender = 'm' | 'f';

// pronouns that may be the person's: subjects, possessives, reflexives. Objects ("arrived after him", "thanked
// her") are in a clause with the person mostly someone else's, so "him" is left out, and "her" counts only as
// a possessive (before a word that is no function word: "her vote", not "her to")
const HE = new Set(['he', 'his', 'himself']);
const SHE = new Set(['she', 'her', 'hers', 'herself']);
const NOT_AFTER_POSSESSIVE = /^(?:to|and|or|but|in|on|at|for|with|as|that|than|the|a|an|of|from|by|into|about|after|before|over|up|out|off|back|down|if|when|while|because)$/i;
const LETTER = /\p{L}/u;
/** At most this many words between a mention and its pronoun. */
const REACH = 8;
const NAME_WORD = /^\p{Lu}\p{Ll}/u;
/** Where the pronoun may be another's: punctuation, a relative pronoun. */
const BREAK = /^(?:[,;:()"“”—–-]|who|whom|whose)$/i;

/**
 * Marks PERSON mentions (in place) with the pronoun written next of them: the first he/his or she/her
 * (possessive) after the mention in its sentence, within REACH words and before any other capitalised word or punctuation;
 * and names in full with the gender `genders` gives their given name.
 */
export function markGenders(text: string, mentions: Mention[], genders?: ReadonlyMap<string, Gender>): void {
  const people = mentions.filter(m => m.type === 'PERSON').sort((a, b) => a.start - b.start);
  if (!people.length) return;
  const bounds = sentences(text);
  let s = 0;
  for (const m of people) {
    if (genders && words(m.text).length >= 2 && !isSurnameFirst(m.text)) {
      const g = genders.get(words(m.text)[0].toLowerCase());
      if (g) m.nameGender = g;
    }
    while (s < bounds.length && bounds[s].end <= m.start) s++;
    const pronoun = pronounAfter(text, m.end, s < bounds.length ? bounds[s].end : text.length);
    if (pronoun) m.pronoun = pronoun;
  }
}

const CONTRACTION = /['’](?:s|d|ll)$/;
/** Words, or one other character: scanned where it stands. */
const WORD_AT = /[\p{L}\p{N}'’]+|[^\s\p{L}\p{N}]/uy;

/** The pronoun written after a mention ending at `from`, before `end` (its sentence's end), as markGenders reads it. */
function pronounAfter(text: string, from: number, end: number): 'he' | 'she' | undefined {
  let words = 0;
  let pending: 'she' | undefined; // a "her" waiting for the next word to say it is a possessive
  for (let at = from; at < end && words < REACH;) {
    const c = text.charCodeAt(at);
    if (c === 32 || (c >= 9 && c <= 13)) { at++; continue; }
    WORD_AT.lastIndex = at;
    const m = WORD_AT.exec(text);
    if (!m) { at++; continue; }
    const w = m[0];
    at += w.length;
    if (pending) return LETTER.test(w) && !NOT_AFTER_POSSESSIVE.test(w) ? pending : undefined;
    if (words === 0 && /^['’]s?$/.test(w)) continue; // the possessive of the name itself
    words++;
    if (BREAK.test(w) || NAME_WORD.test(w)) return undefined;
    const lower = w.toLowerCase().replace(CONTRACTION, ''); // "he’s", "she'd"
    if (lower === 'her') { pending = 'she'; continue; }
    if (HE.has(lower)) return 'he';
    if (SHE.has(lower)) return 'she';
  }
  return undefined;
}

/** The gender a pronoun says. */
export const genderOfPronoun = (p: 'he' | 'she'): Gender => (p === 'he' ? 'm' : 'f');

/** The gender of a title written with the name (Mrs., Mr., spokeswoman), if it says one. */
export function genderOfTitle(title: string | undefined): Gender | undefined {
  if (!title) return undefined;
  if (/\b(?:Mrs|Ms|Miss|Madam)\b|woman|wife|mother|daughter|sister|lady|actress|queen|princess|girl/i.test(title)) return 'f';
  if (/\b(?:Mr|Sir)\b|\b(?:\w+man|husband|father|son|brother|king|prince|boy)\b/i.test(title)) return 'm';
  return undefined;
}
