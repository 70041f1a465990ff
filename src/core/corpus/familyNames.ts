import { isSurnameFirst } from '../entities/names';
import type { Mention } from '../model';
import { COMMON_WORDS, has, NOT_NAMES } from '../ner/lexicon';
import { pointBefore } from '../text/codePoints';
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
  let known = judged.get(word);
  if (known === undefined) {
    known = /^\p{Lu}/u.test(word) && !has(COMMON_WORDS, word) && !has(NOT_NAMES, word) && !/^(?:jr|sr)\.?$/i.test(word);
    if (judged.size > 100_000) judged.clear();
    judged.set(word, known);
  }
  return known;
}
const judged = new Map<string, boolean>();

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
const UPPER = /^\p{Lu}/u;

function isLetterOrDigit(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER_OR_DIGIT.test(ch);
}

function isUpper(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER.test(text.slice(at, at + 2));
}

/** May a name start here: not after a letter, digit, dot or hyphen. */
function startsWord(text: string, at: number): boolean {
  if (at === 0) return true;
  const ch = pointBefore(text, at);
  return !(ch === '.' || ch === '-' || isLetterOrDigit(ch));
}

/** May a name end here: not before a letter or digit, nor a hyphen and a capital ("Ocasio-Cortez"). */
function endsWord(text: string, at: number): boolean {
  if (at >= text.length) return true;
  const c = text.charCodeAt(at);
  const ch = c >= 0xd800 && c <= 0xdbff ? text.slice(at, at + 2) : text[at];
  return !(isLetterOrDigit(ch) || (c === 45 && at + 1 < text.length && isUpper(text, at + 1)));
}

/**
 * Every stretch of the text a family name could be found at: capitalised, within one run of non-space
 * characters, at word bounds (not after a letter, digit, dot or hyphen; not before a letter or digit).
 * In reading order, the longer first at one start.
 */
export function familyCandidates(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  // a capital and the rest of its run of non-space characters, found natively; then every place it may end
  const runs = /\p{Lu}[^\s]*/gu;
  for (let m = runs.exec(text); m; m = runs.exec(text)) {
    const run = { start: m.index, end: m.index + m[0].length };
    for (let p = run.start; p < run.end; p++) {
      if (p > run.start && !isUpper(text, p)) continue;
      if (!startsWord(text, p)) continue;
      for (let e = Math.min(run.end, p + 64); e > p; e--) if (endsWord(text, e)) out.push({ start: p, end: e }); // the longer first
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
export function applyFamilyNames(text: string, article: MentionsAndQuotes, isFamilyName: (name: string) => boolean, candidates = familyCandidates(text)): MentionsAndQuotes {
  const covered = new SpanIndex(article.mentions);
  const added: Mention[] = [];
  const retyped = new Map<Mention, Mention>();
  let after = 0;
  for (const span of candidates) {
    // the longest known name at the first place one starts, then on after it
    if (span.start < after) continue;
    const name = text.slice(span.start, span.end);
    if (!isFamilyName(name)) continue;
    after = span.end;
    const before = text.slice(Math.max(0, span.start - 3), span.start);
    if (/(^|[.!?]["”’]?\s+)$/.test(before) || span.start === 0 || /\n\s*$/.test(before)) continue; // sentence starts decide nothing
    const over = covered.overlapping(span);
    if (over.length === 1 && over[0].origin === 'model' && over[0].type === 'ORG' && over[0].start === span.start && over[0].end === span.end) {
      retyped.set(over[0], { ...over[0], type: 'PERSON' });
      continue;
    }
    if (over.length) continue;
    added.push({ ...span, text: name, type: 'PERSON', origin: 'model' });
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
