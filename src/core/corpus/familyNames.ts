import { isSurnameFirst } from '../entities/names';
import type { Mention } from '../model';
import { familyCandidates, mayBeFamilyName } from '../entities/familyWords';
import { SpanIndex } from '../text/span';
import { intern, memoString } from '../text/memo';
import { replaceMentions, type MentionsAndQuotes } from './articleView';

/*
 * Corpus-wide consistency: the family name of a person named in full in any article ("Trump" after
 * "Donald Trump") is that person where the model left it unlabelled or called it an organisation —
 * mid-sentence only, and never when the name is also part of a place or organisation in the corpus.
 * Where a family name may stand in a text is src/core/entities/familyWords.ts.
 */

/** What one article says about family names: those of its full names, and the words of its multi-word places and organisations. */
export interface FamilyContribution {
  family: Set<string>;
  other: Set<string>;
}

/** A name's words as written, split at every run of spaces (remembered, shared: never changed by a reader). */
const spaceParts = memoString((text: string): readonly string[] => text.split(/\s+/));

export function familyContribution(mentions: readonly Mention[]): FamilyContribution {
  const family = new Set<string>();
  const other = new Set<string>();
  for (const m of mentions) {
    // dates and the rest bring nothing: not split (half a million mentions at 10,000 articles)
    if (m.type !== 'PERSON' && m.type !== 'PLACE' && m.type !== 'ORG') continue;
    const parts = spaceParts(m.text);
    if (parts.length < 2) continue;
    if (m.type === 'PERSON') {
      const name = isSurnameFirst(m.text) ? parts[0] : parts[parts.length - 1];
      if (mayBeFamilyName(name)) family.add(name);
    }
    if (m.type === 'PLACE' || m.type === 'ORG') for (const p of parts) other.add(p);
  }
  return { family, other };
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
    added.push({ ...span, text: intern(name), type: 'PERSON', origin: 'model' }); // one string, holding nothing of the text
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
