/**
 * Feature templates of the entity tagger. The same function serves training and tagging, so the two can
 * never disagree. A feature is a short string; the model maps it to a row of weights, one per label.
 */

import { isCapitalised as isCap } from '../../text/tokens';

/** Knowledge the features consult: gazetteers and the words news text writes in lower case. */
export interface Lexicon {
  /** Lower-cased phrase → the gazetteer keys it is in ("LOC.city", "PER.first"). */
  gazetteer: Map<string, string[]>;
  /** Longest gazetteer phrase, in tokens. */
  maxPhrase: number;
  /** Words seen in lower case in ordinary news text (so "The", "Calling" are no names). */
  lowercase: Set<string>;
  /** Word → cluster bit string (Brown-style), when the model has clusters. */
  clusters: Map<string, string>;
  /**
   * Words (lower case) news capitalises only where a sentence or a quotation opens, never mid-sentence
   * ("additionally", "furthermore", "hey"): no names. Not a feature: the recogniser reads it after tagging.
   */
  openers: Set<string>;
  /**
   * First names (lower case) → the gender news uses of the people who bear them, learned from the pronouns
   * written after full names in unlabelled news, else the name lists' ("hillary" → f). Not a feature either.
   */
  genders: Map<string, 'm' | 'f'>;
}

export const emptyLexicon = (): Lexicon => ({ gazetteer: new Map(), maxPhrase: 0, lowercase: new Set(), clusters: new Map(), openers: new Set(), genders: new Map() });

// module constants: a literal with \p{…} is rebuilt on every call once bundled (esbuild writes it as new RegExp)
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const NUMBER = /\p{N}/u;
const LETTER = /\p{L}/u;
const UPPER_OR_NUMBER_START = /^[\p{Lu}\p{N}]/u;

const norm = (w: string) => (/\d/.test(w) ? w.replace(/\d/g, '0') : w);

/** Word shape: Xxxx → "Xx", "U.S." → "X.X.", "1996-08-22" → "0-0-0". */
export function shape(word: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < word.length && out.length < 8; i++) {
    const code = word.charCodeAt(i);
    let c: string;
    if (code >= 65 && code <= 90) c = 'X';
    else if (code >= 97 && code <= 122) c = 'x';
    else if (code >= 48 && code <= 57) c = '0';
    else if (code < 128) c = word[i];
    else { const ch = word[i]; c = UPPER.test(ch) ? 'X' : LOWER.test(ch) ? 'x' : NUMBER.test(ch) ? '0' : ch; }
    if (c !== last || (c !== 'X' && c !== 'x' && c !== '0')) out += c;
    last = c;
  }
  return out;
}

const isAllCaps = (w: string) => /^[^a-z]*$/.test(w) && UPPER.test(w) && !LOWER.test(w);

const firstWords = new WeakMap<Map<string, string[]>, Map<string, number>>();

/** For each word that starts a gazetteer phrase, the length of the longest such phrase. */
export function phraseStarts(gazetteer: Map<string, string[]>): Map<string, number> {
  let index = firstWords.get(gazetteer);
  if (!index) {
    index = new Map();
    for (const phrase of gazetteer.keys()) {
      const space = phrase.indexOf(' ');
      const first = space < 0 ? phrase : phrase.slice(0, space);
      let words = 1;
      for (let i = space; i >= 0; i = phrase.indexOf(' ', i + 1)) words++;
      if ((index.get(first) ?? 0) < words) index.set(first, words);
    }
    firstWords.set(gazetteer, index);
  }
  return index;
}

/** The longest gazetteer phrase that may start at this word: capitalised words only, as names are in running text. */
export const longestPhraseAt = (word: string, lower: string, starts: Map<string, number>) => (isCap(word) ? starts.get(lower) : undefined);

/** A phrase must end on a word with a capital letter or digit. */
export const mayEndPhrase = (word: string) => UPPER_OR_NUMBER_START.test(word);

/** The mark of the k-th word of an n-word phrase: B(egin), I(nside), L(ast) or U(nit). */
export const markPosition = (k: number, n: number) => (n === 1 ? 'U' : k === 0 ? 'B' : k === n - 1 ? 'L' : 'I');

/**
 * Gazetteer matches over a sentence of n words: from each word, the longest phrase of the gazetteer that
 * starts there (`longest(i)` words at most) and ends on a word that `mayEnd`; `found` gets its first word,
 * length and keys. The string features and the tagger's cached rows both read the sentence this way.
 */
export function gazetteerPhrases(n: number, lexicon: Lexicon, longest: (i: number) => number | undefined, mayEnd: (i: number) => boolean, lower: (i: number) => string, found: (i: number, n: number, keys: string[]) => void): void {
  for (let i = 0; i < n; i++) {
    const most = longest(i);
    if (!most) continue;
    for (let k = Math.min(most, n - i); k >= 1; k--) {
      if (!mayEnd(i + k - 1)) continue;
      let phrase = lower(i);
      for (let j = i + 1; j < i + k; j++) phrase += ' ' + lower(j);
      const keys = lexicon.gazetteer.get(phrase);
      if (!keys) continue;
      found(i, k, keys);
      break;
    }
  }
}

/** Gazetteer matches over a sentence: for each token, the keys of the longest phrase covering it, with B/I/L/U. */
function gazetteerMarks(words: string[], lexicon: Lexicon): string[][] {
  const marks: string[][] = words.map(() => []);
  if (!lexicon.gazetteer.size) return marks;
  const starts = phraseStarts(lexicon.gazetteer);
  const lower = words.map(w => w.toLowerCase());
  gazetteerPhrases(words.length, lexicon, i => longestPhraseAt(words[i], lower[i], starts), i => mayEndPhrase(words[i]), i => lower[i], (i, n, keys) => {
    for (let k = 0; k < n; k++) for (const key of keys) marks[i + k].push(`${key}:${markPosition(k, n)}`);
  });
  return marks;
}

/** Features of a word on its own, its cluster included (cached per word when tagging). */
export function wordFeatures(w: string, lexicon: Lexicon): string[] {
  const f: string[] = [];
  emitWordFeatures(w, lexicon, (name, value) => f.push(name + value));
  return f;
}

const PREFIXES = ['', 'p1:', 'p2:', 'p3:', 'p4:'];
const SUFFIXES = ['', 'x1:', 'x2:', 'x3:', 'x4:'];

/** wordFeatures, each feature as its name and value: the tagger hashes them without joining them. */
export function emitWordFeatures(w: string, lexicon: Lexicon, emit: (name: string, value: string) => void): void {
  const { lower: l, shape } = info(w);
  emit('b', '');
  emit('w:', norm(w));
  emit('l:', l);
  emit('s:', shape);
  for (let k = 1; k <= 4 && k < l.length; k++) { emit(PREFIXES[k], l.slice(0, k)); emit(SUFFIXES[k], l.slice(-k)); }
  const c = lexicon.clusters.size ? lexicon.clusters.get(w) ?? lexicon.clusters.get(l) : undefined;
  if (c) { emit('c4:', c.slice(0, 4)); emit('c8:', c.slice(0, 8)); emit('c12:', c.slice(0, 12)); emit('c:', c); }
}

/** Receives one feature of token i: the feature is name + value (+ "|" + value2). */
export type Emit = (i: number, name: string, value: string, value2?: string) => void;

export interface WordInfo {
  /** Lower case, digits as 0. */
  lower: string;
  shape: string;
  /** A: all capitals (two letters or more), C: capitalised, l: other word, o: no letter. */
  caps: string;
  /** Counts towards an all-caps headline: false for words with lower-case letters. */
  headlineWord: boolean;
  letter: boolean;
  /** Has a lower-case letter. */
  hasLower: boolean;
}

const infoCache = new Map<string, WordInfo>();

/** What the context templates need to know of a word, computed once per distinct word. */
export function info(w: string): WordInfo {
  let i = infoCache.get(w);
  if (!i) {
    const letter = LETTER.test(w);
    const allCaps = letter && isAllCaps(w);
    i = { lower: norm(w.toLowerCase()), shape: shape(w), caps: allCaps && w.length > 1 ? 'A' : isCap(w) ? 'C' : letter ? 'l' : 'o', headlineWord: allCaps || w.length === 1, letter, hasLower: LOWER.test(w) };
    if (infoCache.size >= 200000) infoCache.clear();
    infoCache.set(w, i);
  }
  return i;
}

/**
 * A sentence of three letter-words or more, all in capitals: a headline to the features (`headlineWord`:
 * one-letter words count), a line that teaches the document memory nothing (`hasLower`).
 */
export function isAllCapsLine(infos: readonly WordInfo[], test: 'headlineWord' | 'hasLower', n = infos.length): boolean {
  let letters = 0;
  for (let i = 0; i < n; i++) {
    const x = infos[i];
    if (!x.letter) continue;
    letters++;
    if (x[test] === (test === 'hasLower')) return false;
  }
  return letters >= 3;
}

/**
 * The context templates that read one neighbour's lower-cased word or shape. They are most of the context
 * features, and a tagger can look each one up once per distinct word instead of once per token.
 */
export const NEIGHBOUR_TEMPLATES: readonly { name: string; offset: number; field: 'lower' | 'shape' }[] = [
  { name: 'l-1:', offset: -1, field: 'lower' },
  { name: 'l+1:', offset: 1, field: 'lower' },
  { name: 'l-2:', offset: -2, field: 'lower' },
  { name: 'l+2:', offset: 2, field: 'lower' },
  { name: 's-1:', offset: -1, field: 'shape' },
  { name: 's+1:', offset: 1, field: 'shape' },
];

/** The value a neighbour template sees past either end of the sentence. */
export const boundary = (offset: number) => (offset < 0 ? '<s>' : '</s>');

/**
 * Features of each token in its sentence: neighbours, position, headline, gazetteers, clusters. With
 * `neighbours` false the NEIGHBOUR_TEMPLATES are left to the caller.
 */
export function emitContextFeatures(words: string[], lexicon: Lexicon, emit: Emit, neighbours = true): void {
  const n = words.length;
  const infos = words.map(info);
  const lower = infos.map(x => x.lower);
  const shapes = infos.map(x => x.shape);
  const headline = isAllCapsLine(infos, 'headlineWord');
  const gaz = gazetteerMarks(words, lexicon);
  const at = (arr: string[], i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : arr[i]);
  const caps = infos.map(x => x.caps);
  const capsAt = (i: number) => (i < 0 || i >= n ? '_' : caps[i]);
  for (let i = 0; i < n; i++) {
    const l = lower[i];
    if (neighbours) for (const t of NEIGHBOUR_TEMPLATES) { const j = i + t.offset; emit(i, t.name, j < 0 || j >= n ? boundary(t.offset) : infos[j][t.field]); }
    emit(i, 'll:', at(lower, i - 1), l);
    emit(i, 'lr:', l, at(lower, i + 1));
    emit(i, 'cp:', capsAt(i - 1) + capsAt(i) + capsAt(i + 1));
    if (i === 0) { emit(i, 'first', ''); emit(i, 'first:', l); }
    if (headline) { emit(i, 'hl', ''); emit(i, 'hl:', l); }
    if (caps[i] !== 'l' && caps[i] !== 'o' && lexicon.lowercase.has(l)) { emit(i, i === 0 ? 'lc0' : 'lc', ''); emit(i, 'lc:', shapes[i]); }
    for (const g of gaz[i]) emit(i, 'g:', g);
    if (i > 0) for (const g of gaz[i - 1]) emit(i, 'g-1:', g);
    if (i + 1 < n) for (const g of gaz[i + 1]) emit(i, 'g+1:', g);
  }
}

/** The context features as strings (for training). */
export function contextFeatures(words: string[], lexicon: Lexicon): string[][] {
  const out: string[][] = words.map(() => []);
  emitContextFeatures(words, lexicon, (i, name, value, value2) => out[i].push(value2 === undefined ? name + value : `${name}${value}|${value2}`));
  return out;
}

/** All static features of every token of a sentence (those that do not depend on other predictions). */
export function sentenceFeatures(words: string[], lexicon: Lexicon): string[][] {
  return contextFeatures(words, lexicon).map((f, i) => [...wordFeatures(words[i], lexicon), ...f]);
}

/** Document-level features: the type this word was given earlier in the same article. */
export function documentFeatures(word: string, memory: Map<string, string>): string[] {
  const i = info(word);
  if (i.caps !== 'C' && i.caps !== 'A') return [];
  return [documentFeature(memory.get(word.toLowerCase()))];
}

/** The document feature of a capitalised word the memory gave this type ('O', 'PER' …), or none. */
export const documentFeature = (seen: string | undefined) => DOCUMENT_FEATURES[seen ?? 'none'] ?? `d:${seen}`;

const DOCUMENT_FEATURES: Record<string, string> = { none: 'd:none', O: 'd:O', PER: 'd:PER', ORG: 'd:ORG', LOC: 'd:LOC', MISC: 'd:MISC' };
