import type { Mention } from '../model';
import { familyName, isSurnameFirst, personKey, wordCount, words } from './names';
import { memoString } from '../text/memo';
import { isShortFormOf } from './nicknames';
import { genderOfPronoun, genderOfTitle, type Gender } from './gender';

/*
 * Who is who within one article, before the corpus has a say. A news article names a person in full once,
 * then by the family name ("Clinton") or, for some, by the first name ("Hillary", "Bernie"). So, in the article:
 * - a first name alone is the one person of the article with that first name, when there is exactly one
 *   and no one of the article has it as a family name;
 * - a family name alone is the person of that family the article names in full most often;
 * - when the article's own people of that family are named in full equally often, or it names none in full,
 *   the corpus decides (src/core/corpus/entityIndex.ts), and its choice never overrides the article's own.
 * - two full names of one family whose given names are a short and a formal form ("Tim Sloan", "Timothy J.
 *   Sloan") are one person (counted as one here; named by the form the corpus names most);
 * First names alone do not make their person more prominent for the family name: a writer often calls the
 * second person of a family by the first name precisely because the family name is the other's ("Freddy"
 * beside Donald Trump's "Trump").
 * - a person's gender is what the article's pronouns after their full name and their titles (Mrs., Mr.) say,
 *   else what first-name data says of their given name; never the data against the text;
 * - a lone family name followed by a pronoun ("… gave Clinton a dose of blame for her") is the one person of
 *   the family in the article of that gender, whatever the family name decides elsewhere in the article.
 */

export interface ArticlePeople {
  /** Person key → how many times the article names the person in full. */
  prominence: Map<string, number>;
  /** A lone word (lower case) → the person key the article itself decides it is. */
  decided: Map<string, string>;
  /** Lone family names the article leaves to the corpus: its people of that family tie (`tie`), or it names none in full (`none`). */
  open: Map<string, 'tie' | 'none'>;
  /** Person key written with a short given name → the key of the same person's formal name in the article. */
  formal: Map<string, string>;
  /** The families of those: which of the two forms names the person is the corpus's choice (the one it names most). */
  formalFamilies: Set<string>;
  /** Person key → gender, from the article's pronouns and titles, else from first-name data. */
  genders: Map<string, Gender>;
  /** A lone family name's mention (by its start) → the person its pronoun says it is, among that family's people. */
  byMention: Map<number, string>;
}

/** The given name a lone mention may stand for: the first word of a full name written given name first. */
const givenName = memoString((fullName: string): string | undefined => (isSurnameFirst(fullName) ? undefined : words(personKey(fullName))[0]));

/**
 * Asked twice for each article's mentions within one resolve (what it brings to the corpus, then its ids):
 * worked out once, and forgotten after the resolve (`forgetArticlePeople`): kept for every article of a corpus
 * it was 18 MB at 10,000 articles.
 */
let known = new WeakMap<readonly Mention[], ArticlePeople>();

/** Lets go of the people worked out so far (src/core/corpus/index.ts, once a resolve is over). */
export function forgetArticlePeople(): void {
  known = new WeakMap();
}

/** `mentions`: the article's mentions; those the user linked (entityId set) are left out. */
export function articlePeople(mentions: readonly Mention[]): ArticlePeople {
  let people = known.get(mentions);
  if (!people) known.set(mentions, (people = peopleOf(mentions)));
  return people;
}

function peopleOf(mentions: readonly Mention[]): ArticlePeople {
  const prominence = new Map<string, number>();
  const families = new Map<string, Set<string>>();
  const givens = new Map<string, Set<string>>();
  const lone = new Set<string>();
  for (const m of mentions) {
    if (m.type !== 'PERSON' || m.entityId) continue;
    if (wordCount(m.text) < 2) { lone.add(m.text.toLowerCase()); continue; }
    const key = personKey(m.text);
    prominence.set(key, (prominence.get(key) ?? 0) + 1);
    const family = familyName(m.text);
    (families.get(family) ?? families.set(family, new Set()).get(family)!).add(key);
    const given = givenName(m.text);
    if (given) (givens.get(given) ?? givens.set(given, new Set()).get(given)!).add(key);
  }
  // "Tim Sloan" is "Timothy J. Sloan" when the article names both: one person, counted once, under the formal name
  const formal = new Map<string, string>();
  const formalFamilies = new Set<string>();
  for (const [family, keys] of families) {
    if (keys.size < 2) continue;
    for (const a of keys) for (const b of keys) {
      const [ga, ...ra] = words(a), [gb, ...rb] = words(b);
      if (ra.join(' ') === rb.join(' ') && isShortFormOf(ga, gb)) { formal.set(a, b); formalFamilies.add(family); }
    }
  }
  for (const [short, full] of formal) {
    prominence.set(full, prominence.get(full)! + prominence.get(short)!);
    prominence.delete(short);
    for (const keys of [...families.values(), ...givens.values()]) if (keys.delete(short)) keys.add(full);
  }
  const decided = new Map<string, string>();
  // first names alone, where they say who without doubt
  for (const word of lone) {
    const keys = givens.get(word);
    if (!families.has(word) && keys?.size === 1) decided.set(word, [...keys][0]);
  }
  const open = new Map<string, 'tie' | 'none'>();
  for (const word of lone) {
    if (decided.has(word)) continue;
    const keys = [...(families.get(word) ?? [])];
    if (!keys.length) { open.set(word, 'none'); continue; }
    const top = Math.max(...keys.map(k => prominence.get(k)!));
    const best = keys.filter(k => prominence.get(k) === top);
    if (best.length === 1) decided.set(word, best[0]);
    else open.set(word, 'tie');
  }
  const genders = gendersOf(mentions, formal);
  const byMention = new Map<number, string>();
  for (const m of mentions) {
    if (m.type !== 'PERSON' || m.entityId || !m.pronoun || wordCount(m.text) >= 2) continue;
    const family = [...(families.get(m.text.toLowerCase()) ?? [])];
    const fits = family.filter(k => genders.get(k) === genderOfPronoun(m.pronoun!));
    if (family.length >= 2 && fits.length === 1) byMention.set(m.start, fits[0]);
  }
  return { prominence, decided, open, formal, formalFamilies, genders, byMention };
}

/** Each person's gender: the text's votes (pronouns after the full name, titles), else the first-name data's. */
function gendersOf(mentions: readonly Mention[], formal: ReadonlyMap<string, string>): Map<string, Gender> {
  const votes = new Map<string, number>();
  const data = new Map<string, Gender>();
  for (const m of mentions) {
    if (m.type !== 'PERSON' || m.entityId || wordCount(m.text) < 2) continue;
    const key = formal.get(personKey(m.text)) ?? personKey(m.text);
    const said = m.pronoun ? genderOfPronoun(m.pronoun) : undefined;
    const titled = genderOfTitle(m.title);
    const vote = (said === 'm' ? 1 : said === 'f' ? -1 : 0) + (titled === 'm' ? 2 : titled === 'f' ? -2 : 0);
    votes.set(key, (votes.get(key) ?? 0) + vote);
    if (m.nameGender && !data.has(key)) data.set(key, m.nameGender);
  }
  const out = new Map<string, Gender>();
  for (const [key, v] of votes) {
    const g: Gender | undefined = v > 0 ? 'm' : v < 0 ? 'f' : data.get(key);
    if (g) out.set(key, g);
  }
  return out;
}
