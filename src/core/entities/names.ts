import { SURNAME_FIRST, has } from '../ner/lexicon';
import { memoString } from '../text/memo';
import { isCapitalised } from '../text/tokens';

/** Names that stand for the same place or organisation, first the one shown. */
const ALIASES: string[][] = [
  ['United States', 'US', 'U.S.', 'USA', 'U.S.A.', 'America', 'United States of America'],
  ['North Korea', 'DPRK', "Democratic People's Republic of Korea", 'D.P.R.K.'],
  ['South Korea', 'ROK', 'Republic of Korea'],
  ['United Kingdom', 'UK', 'U.K.', 'Britain', 'Great Britain'],
  ['China', "People's Republic of China", 'PRC'],
  ['Vietnam', 'Viet Nam'],
  ["Workers' Party of Korea", 'WPK', 'Workers Party of Korea', "Worker's Party of Korea"],
  ['United Nations', 'UN', 'U.N.'],
  ['European Union', 'EU', 'E.U.'],
];

/** A comparison key: lower case, no dots, apostrophes or leading "the", single spaces. */
export const nameKey = memoString((name: string): string => name.toLowerCase().replace(/[.’']/g, '').replace(/^the\s+/, '').replace(/\s+/g, ' ').trim());

const ALIAS_INDEX = new Map<string, string>();
for (const group of ALIASES) for (const name of group) ALIAS_INDEX.set(nameKey(name), group[0]);

/** The shown name of a well-known alias ("DPRK" → "North Korea"), if it is one. */
export function knownAlias(name: string): string | undefined {
  return ALIAS_INDEX.get(nameKey(name));
}

export function words(name: string): string[] {
  return name.split(/\s+/).filter(Boolean);
}

/** How many words a name has (remembered: asked of every mention at every resolve). */
export const wordCount = memoString((name: string): number => words(name).length);

/** Written family name first: "Kim Jong Un", "Ri Yong Ho", "Moon Jae-in" (remembered: asked of every person's mention at every resolve). */
export const isSurnameFirst = memoString((name: string): boolean => {
  const w = words(name);
  return w.length >= 2 && has(SURNAME_FIRST, w[0]) && (w.length >= 3 || w[1].includes('-'));
});

/** The words a person is referred to by alone: the family name. */
export const familyName = memoString((name: string): string => {
  const w = words(name);
  return (isSurnameFirst(name) ? w[0] : w[w.length - 1]).toLowerCase();
});

// a module constant: a literal with \p{…} is rebuilt on every call once bundled (esbuild writes it as new RegExp)
const INITIAL = /^\p{Lu}\.?$/u;

/** Key of a person's full name, ignoring middle initials: "Donald J. Trump" = "Donald Trump". */
export const personKey = memoString((name: string): string => nameKey(words(name).filter(x => !INITIAL.test(x)).join(' ')));

/** Initials of the capitalised words: "Democratic People's Republic of Korea" → "DPRK". */
export function initials(name: string): string {
  return words(name).filter(isCapitalised).map(w => w[0]).join('');
}

export const slug = memoString((name: string): string => name.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/['’.]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x');

/** Length of a name for choosing the canonical form: words, not counting initials. */
export function nameWeight(name: string): number {
  return words(name).filter(x => !INITIAL.test(x)).length;
}
