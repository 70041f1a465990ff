import { isSurnameFirst } from '../entities/names';
import type { Mention } from '../model';
import { COMMON_WORDS, has, NOT_NAMES } from '../ner/lexicon';
import { SpanIndex } from '../text/span';
import { replaceMentions, type MentionsAndQuotes } from './articleView';

/*
 * Corpus-wide consistency: the family name of a person named in full in any article ("Trump" after
 * "Donald Trump") is that person where the model left it unlabelled or called it an organisation —
 * mid-sentence only, and never when the name is also part of a place or organisation in the corpus.
 * A family name is a capitalised word that is not a common word: a model's "Larry has" or a title-case
 * headline's "Michael Moore Has" must never make every "has" of the corpus a person.
 */

/** What one article says about family names: those of its full names, and the words of its multi-word places and organisations. */
export interface FamilyContribution {
  family: Set<string>;
  other: Set<string>;
}

/** Whether a word may be spread across the corpus as a family name. */
export function mayBeFamilyName(word: string): boolean {
  return /^\p{Lu}/u.test(word) && !has(COMMON_WORDS, word) && !has(NOT_NAMES, word) && !/^(?:jr|sr)\.?$/i.test(word);
}

export function familyContribution(mentions: readonly Mention[]): FamilyContribution {
  const family = new Set<string>();
  const other = new Set<string>();
  for (const m of mentions) {
    const parts = m.text.split(/\s+/);
    if (parts.length < 2) continue;
    if (m.type === 'PERSON') {
      const name = isSurnameFirst(m.text) ? parts[0] : parts[parts.length - 1];
      if (mayBeFamilyName(name)) family.add(name);
    }
    if (m.type === 'PLACE' || m.type === 'ORG') for (const p of parts) other.add(p);
  }
  return { family, other };
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const UPPER = /\p{Lu}/u;

/** May a name start here: not after a letter, digit, dot or hyphen. */
function startsWord(text: string, at: number): boolean {
  return at === 0 || !(LETTER_OR_DIGIT.test(text[at - 1]) || text[at - 1] === '.' || text[at - 1] === '-');
}

/** May a name end here: not before a letter or digit, nor a hyphen and a capital ("Ocasio-Cortez"). */
function endsWord(text: string, at: number): boolean {
  return at >= text.length || !(LETTER_OR_DIGIT.test(text[at]) || (text[at] === '-' && at + 1 < text.length && UPPER.test(text[at + 1])));
}

/** Every stretch of the text a family name could match: capitalised, within one run of non-space characters, at word bounds. */
export function familyCandidates(text: string): Set<string> {
  const out = new Set<string>();
  for (let p = 0; p < text.length; p++) {
    if (!UPPER.test(text[p]) || !startsWord(text, p)) continue;
    for (let e = p + 1; e <= text.length && e - p <= 64; e++) {
      if (endsWord(text, e)) out.add(text.slice(p, e));
      if (e < text.length && /\s/.test(text[e])) break;
    }
  }
  return out;
}

/** Whether the text may hold the name where a family name would be found (a quick test before the article is read again). */
export function mayHoldName(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (startsWord(text, at) && endsWord(text, at + name.length)) return true;
  }
  return false;
}

/**
 * Marks the known family names in one article (those `isFamilyName` accepts): new PERSON mentions where
 * nothing was found, an organisation of exactly that stretch retyped. Returns the input itself when nothing changes.
 */
export function applyFamilyNames(text: string, article: MentionsAndQuotes, isFamilyName: (name: string) => boolean): MentionsAndQuotes {
  const names = [...familyCandidates(text)].filter(isFamilyName).sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  if (!names.length) return article;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}.-])(${names.map(f => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}]|-\\p{Lu})`, 'gu');
  const covered = new SpanIndex(article.mentions);
  const added: Mention[] = [];
  const retyped = new Map<Mention, Mention>();
  for (const m of text.matchAll(pattern)) {
    const span = { start: m.index!, end: m.index! + m[0].length };
    const before = text.slice(Math.max(0, span.start - 3), span.start);
    if (/(^|[.!?]["”’]?\s+)$/.test(before) || span.start === 0 || /\n\s*$/.test(before)) continue; // sentence starts decide nothing
    const over = covered.overlapping(span);
    if (over.length === 1 && over[0].origin === 'model' && over[0].type === 'ORG' && over[0].start === span.start && over[0].end === span.end) {
      retyped.set(over[0], { ...over[0], type: 'PERSON' });
      continue;
    }
    if (over.length) continue;
    added.push({ ...span, text: m[0], type: 'PERSON', origin: 'model' });
  }
  if (!added.length && !retyped.size) return article;
  const standsFor = new Map<Mention, Mention>();
  const mentions = article.mentions.map(m => {
    const copy = retyped.get(m);
    if (copy) standsFor.set(copy, m);
    return copy ?? m;
  });
  if (added.length) mentions.push(...added), mentions.sort((x, y) => x.start - y.start || y.end - x.end);
  return replaceMentions(article, mentions, standsFor);
}
