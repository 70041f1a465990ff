import type { Mention } from '../model';
import { familyName, isSurnameFirst, personKey, words } from './names';
import { isShortFormOf } from './nicknames';

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
}

/** The given name a lone mention may stand for: the first word of a full name written given name first. */
const givenName = (fullName: string) => (isSurnameFirst(fullName) ? undefined : words(personKey(fullName))[0]);

/** Asked twice for each article's mentions (what it brings to the corpus, then its ids): worked out once. */
const known = new WeakMap<readonly Mention[], ArticlePeople>();

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
    if (words(m.text).length < 2) { lone.add(m.text.toLowerCase()); continue; }
    const key = personKey(m.text);
    prominence.set(key, (prominence.get(key) ?? 0) + 1);
    (families.get(familyName(m.text)) ?? families.set(familyName(m.text), new Set()).get(familyName(m.text))!).add(key);
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
  return { prominence, decided, open, formal, formalFamilies };
}
