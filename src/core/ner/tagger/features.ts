/**
 * Feature templates of the entity tagger. The same function serves training and tagging, so the two can
 * never disagree. A feature is a short string; the model maps it to a row of weights, one per label.
 */

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
}

export const emptyLexicon = (): Lexicon => ({ gazetteer: new Map(), maxPhrase: 0, lowercase: new Set(), clusters: new Map() });

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
    else { const ch = word[i]; c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? '0' : ch; }
    if (c !== last || (c !== 'X' && c !== 'x' && c !== '0')) out += c;
    last = c;
  }
  return out;
}

const isCap = (w: string) => { const c = w.charCodeAt(0); return c >= 65 && c <= 90 ? true : c < 128 ? false : /^\p{Lu}/u.test(w); };
const isAllCaps = (w: string) => /^[^a-z]*$/.test(w) && /\p{Lu}/u.test(w) && !/\p{Ll}/u.test(w);

/** Gazetteer matches over a sentence: for each token, the keys of the longest phrase covering it, with B/I/L/U. */
const firstWords = new WeakMap<Map<string, string[]>, Map<string, number>>();

/** For each word that starts a gazetteer phrase, the length of the longest such phrase. */
function phraseStarts(gazetteer: Map<string, string[]>): Map<string, number> {
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

function gazetteerMarks(words: string[], lexicon: Lexicon): string[][] {
  const marks: string[][] = words.map(() => []);
  if (!lexicon.gazetteer.size) return marks;
  const starts = phraseStarts(lexicon.gazetteer);
  const lower = words.map(w => w.toLowerCase());
  for (let i = 0; i < words.length; i++) {
    const longest = isCap(words[i]) ? starts.get(lower[i]) : undefined;
    if (!longest) continue;
    for (let n = Math.min(longest, words.length - i); n >= 1; n--) {
      // a phrase must start and end on a word with a capital letter or digit, as names do in running text
      if (!isCap(words[i]) || !/^[\p{Lu}\p{N}]/u.test(words[i + n - 1])) continue;
      const keys = lexicon.gazetteer.get(lower.slice(i, i + n).join(' '));
      if (!keys) continue;
      for (let k = 0; k < n; k++) {
        const pos = n === 1 ? 'U' : k === 0 ? 'B' : k === n - 1 ? 'L' : 'I';
        for (const key of keys) marks[i + k].push(`${key}:${pos}`);
      }
      break;
    }
  }
  return marks;
}

/** Features of a word on its own, its cluster included (cached per word when tagging). */
export function wordFeatures(w: string, lexicon: Lexicon): string[] {
  const lw = w.toLowerCase();
  const l = norm(lw);
  const f: string[] = ['b', `w:${norm(w)}`, `l:${l}`, `s:${shape(w)}`];
  for (let k = 1; k <= 4 && k < l.length; k++) f.push(`p${k}:${l.slice(0, k)}`, `x${k}:${l.slice(-k)}`);
  const c = lexicon.clusters.size ? lexicon.clusters.get(w) ?? lexicon.clusters.get(l) : undefined;
  if (c) f.push(`c4:${c.slice(0, 4)}`, `c8:${c.slice(0, 8)}`, `c12:${c.slice(0, 12)}`, `c:${c}`);
  return f;
}

/** Receives one feature of token i: the feature is name + value (+ "|" + value2). */
export type Emit = (i: number, name: string, value: string, value2?: string) => void;

interface WordInfo {
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
    const letter = /\p{L}/u.test(w);
    const allCaps = letter && isAllCaps(w);
    i = { lower: norm(w.toLowerCase()), shape: shape(w), caps: allCaps && w.length > 1 ? 'A' : isCap(w) ? 'C' : letter ? 'l' : 'o', headlineWord: allCaps || w.length === 1, letter, hasLower: /\p{Ll}/u.test(w) };
    if (infoCache.size >= 200000) infoCache.clear();
    infoCache.set(w, i);
  }
  return i;
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
  let letters = 0;
  let allCaps = true;
  for (const x of infos) if (x.letter) { letters++; if (!x.headlineWord) allCaps = false; }
  const headline = letters >= 3 && allCaps;
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
  const seen = memory.get(word.toLowerCase());
  return [DOCUMENT_FEATURES[seen ?? 'none'] ?? `d:${seen}`];
}

const DOCUMENT_FEATURES: Record<string, string> = { none: 'd:none', O: 'd:O', PER: 'd:PER', ORG: 'd:ORG', LOC: 'd:LOC', MISC: 'd:MISC' };
