import {
  documentFeature, gazetteerPhrases, info, isAllCapsLine, longestPhraseAt, markPosition, mayEndPhrase, NEIGHBOUR_TEMPLATES, phraseStarts,
  emitWordFeatures, boundary, type Lexicon, type WordInfo,
} from './features';
import { featureHash, pairHash, pairState, partsHash } from './hash';
import { LABELS } from './labels';
import { FeatureRows } from './rows';

const L = LABELS.length;
const T = NEIGHBOUR_TEMPLATES.length;

/** The caps classes of WordInfo as numbers, and '_' past the sentence's ends: indexes of the 'cp:' rows. */
const CAPS = ['A', 'C', 'l', 'o', '_'];
const EDGE = 4;

/** Words kept in the cache (9 MB of rows): the 2,000 articles of the benchmark corpus have 33,000 distinct ones. */
const MAX_WORDS = 100000;

/** What the tagger keeps of a word it has seen: what it gives on its own, to its neighbours and to the context templates. */
export interface WordEntry {
  info: WordInfo;
  /**
   * Where its rows are in the pools: at slot × L in `scores` its word features' rows summed in their order,
   * at slot × T in `neighbourRows` per NEIGHBOUR_TEMPLATES entry the row it gives its neighbour, or -1.
   */
  slot: number;
  /** toLowerCase(): the key of the gazetteer and of the document memory. */
  caseless: string;
  caps: number;
  /** Capitalised or all capitals: has a document feature. */
  named: boolean;
  /** Longest gazetteer phrase that may start here (0: none), and whether one may end here. */
  longest: number;
  mayEnd: boolean;
  /** Rows of 'first:', 'hl:' and 'lc:' for this word; lcShape is -2 when the 'lc' templates do not apply. */
  firstRow: number;
  headlineRow: number;
  lcShapeRow: number;
  /** FNV states after 'll:' + lower and 'lr:' + lower: the bigrams go on from there with the other word. */
  llState: number;
  lrState: number;
}

/**
 * The tagger's emission scores, feature for feature the sum the string features of features.ts give (in the
 * same order, so the float32 sums are the same to the bit), from rows cached per word and per small closed
 * set of values instead of strings hashed per token.
 */
export class Emissions {
  private readonly words = new Map<string, WordEntry>();
  /** The entries' scores and neighbour rows, one typed array each rather than two small ones per word. */
  private scores = new Float32Array(1024 * L);
  private neighbourRows = new Int32Array(1024 * T);
  private readonly starts: Map<string, number>;
  private readonly cpRows = new Int32Array(125);
  private readonly boundaryRows = new Int32Array(2 * T);
  private readonly constantRows: Record<'first' | 'hl' | 'lc0' | 'lc', number>;
  private readonly llStart = pairState('ll:', boundary(-1));
  private readonly documentRows = new Map<string | undefined, number>();
  /** Per gazetteer key, where its rows of 'g:', 'g-1:' and 'g+1:' with each of B, I, L, U start in markTable. */
  private readonly markRows = new Map<string, number>();
  private readonly markTable: number[] = [];
  private entries: WordEntry[] = [];
  private buffer = new Float32Array(64 * L);
  /** The rows one token adds, in order: summed by one loop (one copy of it in the compiled code, not twenty). */
  private tokenRows = new Int32Array(64);

  constructor(private readonly rows: FeatureRows, private readonly lexicon: Lexicon) {
    const rowOf = (h: number) => rows.rowOf(h);
    this.starts = phraseStarts(lexicon.gazetteer);
    for (let a = 0; a < 5; a++) for (let b = 0; b < 4; b++) for (let c = 0; c < 5; c++) this.cpRows[a * 25 + b * 5 + c] = rowOf(partsHash('cp:', CAPS[a] + CAPS[b] + CAPS[c]));
    NEIGHBOUR_TEMPLATES.forEach((t, k) => {
      this.boundaryRows[2 * k] = rowOf(partsHash(t.name, boundary(-1)));
      this.boundaryRows[2 * k + 1] = rowOf(partsHash(t.name, boundary(1)));
    });
    this.constantRows = { first: rowOf(featureHash('first')), hl: rowOf(featureHash('hl')), lc0: rowOf(featureHash('lc0')), lc: rowOf(featureHash('lc')) };
  }

  /** What a word contributes on its own and to its neighbours, cached: most words recur. */
  private entry(word: string): WordEntry {
    return this.words.get(word) ?? this.create(word);
  }

  private create(word: string): WordEntry {
    const { rows, lexicon } = this;
    const slot = this.words.size;
    if (this.scores.length < (slot + 1) * L) this.grow();
    const own = new Int32Array(32); // a word has 16 features at most
    let count = 0;
    emitWordFeatures(word, lexicon, (name, value) => { own[count++] = rows.rowOf(partsHash(name, value)); });
    rows.addRows(this.scores, slot * L, own, count);
    const x = info(word);
    for (let k = 0; k < T; k++) this.neighbourRows[slot * T + k] = rows.rowOf(partsHash(NEIGHBOUR_TEMPLATES[k].name, x[NEIGHBOUR_TEMPLATES[k].field]));
    const caseless = word.toLowerCase();
    const lc = x.caps !== 'l' && x.caps !== 'o' && lexicon.lowercase.has(x.lower);
    const entry: WordEntry = {
      info: x, slot, caseless, caps: CAPS.indexOf(x.caps), named: x.caps === 'C' || x.caps === 'A',
      longest: (lexicon.gazetteer.size && longestPhraseAt(word, caseless, this.starts)) || 0, mayEnd: mayEndPhrase(word),
      firstRow: rows.rowOf(partsHash('first:', x.lower)), headlineRow: rows.rowOf(partsHash('hl:', x.lower)), lcShapeRow: lc ? rows.rowOf(partsHash('lc:', x.shape)) : -2,
      llState: pairState('ll:', x.lower), lrState: pairState('lr:', x.lower),
    };
    this.words.set(word, entry);
    return entry;
  }

  private grow(): void {
    const scores = new Float32Array(this.scores.length * 2);
    scores.set(this.scores);
    this.scores = scores;
    const rows = new Int32Array(this.neighbourRows.length * 2);
    rows.set(this.neighbourRows);
    this.neighbourRows = rows;
  }

  /** The entries of the words of the sentence last scored. */
  lastEntries(): readonly WordEntry[] {
    return this.entries;
  }

  /**
   * Emission scores (n × L) of a sentence; `memory` gives the document features. The array is reused by the
   * next call.
   */
  score(words: string[], memory: Map<string, string>): Float32Array {
    const n = words.length;
    if (this.buffer.length < n * L) this.buffer = new Float32Array(2 * n * L);
    const out = this.buffer;
    // the cache is emptied between sentences only: a sentence's entries keep their slots
    if (this.words.size + n > MAX_WORDS) this.words.clear();
    const entries: WordEntry[] = (this.entries = new Array(n));
    const infos: WordInfo[] = new Array(n);
    for (let i = 0; i < n; i++) infos[i] = (entries[i] = this.entry(words[i])).info;
    const headline = isAllCapsLine(infos, 'headlineWord');
    const marks = this.gazetteer(entries);
    const { first, hl, lc0, lc } = this.constantRows;
    const { scores, neighbourRows, markTable } = this;
    for (let i = 0; i < n; i++) {
      const e = entries[i];
      const at = i * L;
      for (let q = 0, from = e.slot * L; q < L; q++) out[at + q] = scores[from + q];
      const more = marks ? marks[i].length + (i > 0 ? marks[i - 1].length : 0) + (i + 1 < n ? marks[i + 1].length : 0) : 0;
      if (this.tokenRows.length < 16 + more) this.tokenRows = new Int32Array(2 * (16 + more));
      const rows = this.tokenRows;
      let k = 0;
      if (e.named) rows[k++] = this.documentRow(memory.get(e.caseless));
      for (let t = 0; t < T; t++) {
        const j = i + NEIGHBOUR_TEMPLATES[t].offset;
        rows[k++] = j < 0 ? this.boundaryRows[2 * t] : j >= n ? this.boundaryRows[2 * t + 1] : neighbourRows[entries[j].slot * T + t];
      }
      // in the order of emitContextFeatures
      rows[k++] = this.rows.rowOf(pairHash(i > 0 ? entries[i - 1].llState : this.llStart, e.info.lower));
      rows[k++] = this.rows.rowOf(pairHash(e.lrState, i + 1 < n ? entries[i + 1].info.lower : boundary(1)));
      rows[k++] = this.cpRows[(i > 0 ? entries[i - 1].caps : EDGE) * 25 + e.caps * 5 + (i + 1 < n ? entries[i + 1].caps : EDGE)];
      if (i === 0) { rows[k++] = first; rows[k++] = e.firstRow; }
      if (headline) { rows[k++] = hl; rows[k++] = e.headlineRow; }
      if (e.lcShapeRow !== -2) { rows[k++] = i === 0 ? lc0 : lc; rows[k++] = e.lcShapeRow; }
      if (marks) {
        for (const m of marks[i]) rows[k++] = markTable[m];
        if (i > 0) for (const m of marks[i - 1]) rows[k++] = markTable[m + 1];
        if (i + 1 < n) for (const m of marks[i + 1]) rows[k++] = markTable[m + 2];
      }
      this.rows.addRows(out, at, rows, k);
    }
    return out;
  }

  /** The gazetteer marks of each token (see markRow), or undefined when the sentence has none. */
  private gazetteer(entries: WordEntry[]): number[][] | undefined {
    const n = entries.length;
    let marks: number[][] | undefined;
    gazetteerPhrases(n, this.lexicon, i => entries[i].longest, i => entries[i].mayEnd, i => entries[i].caseless, (i, length, keys) => {
      if (!marks) {
        marks = new Array<number[]>(n);
        for (let j = 0; j < n; j++) marks[j] = [];
      }
      for (let k = 0; k < length; k++) for (const key of keys) marks[i + k].push(this.markRow(key, markPosition(k, length)));
    });
    return marks;
  }

  /** Index into markTable of the 'g:' row of a key at a position ('g-1:' and 'g+1:' follow it). */
  private markRow(key: string, position: string): number {
    let base = this.markRows.get(key);
    if (base === undefined) {
      base = this.markTable.length;
      for (const p of 'BILU') for (const name of ['g:', 'g-1:', 'g+1:']) this.markTable.push(this.rows.rowOf(partsHash(name, `${key}:${p}`)));
      this.markRows.set(key, base);
    }
    return base + 3 * 'BILU'.indexOf(position);
  }

  private documentRow(seen: string | undefined): number {
    let r = this.documentRows.get(seen);
    if (r === undefined) this.documentRows.set(seen, (r = this.rows.rowOf(featureHash(documentFeature(seen)))));
    return r;
  }
}
