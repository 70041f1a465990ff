import { boundary, documentFeatures, emitContextFeatures, info, NEIGHBOUR_TEMPLATES, wordFeatures, type Lexicon } from './features';
import { viterbi } from './decode';
import { LABELS, O } from './labels';

const L = LABELS.length;

const T = NEIGHBOUR_TEMPLATES.length;

/** What the tagger keeps of a word it has seen: its own summed weights and its rows as a neighbour. */
interface WordEntry {
  scores: Float32Array;
  /** Per NEIGHBOUR_TEMPLATES entry, the weight row of the feature this word gives its neighbour, or -1. */
  neighbourRows: Int32Array;
}

const FNV_OFFSET = 0x811c9dc5;

function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** FNV-1a, 32 bits: the key of a feature in the model file. */
export function featureHash(s: string): number {
  return fnv(FNV_OFFSET, s) >>> 0;
}

/** featureHash(name + value) or featureHash(name + value + "|" + value2), without building the string. */
export function partsHash(name: string, value: string, value2?: string): number {
  let h = fnv(fnv(FNV_OFFSET, name), value);
  if (value2 !== undefined) h = fnv(Math.imul(h ^ 124, 0x01000193), value2);
  return h >>> 0;
}

/** A trained tagger: hashed features → int8 weight rows, transitions, and the lexicon the features use. */
export class TaggerModel {
  private readonly table: Uint32Array;
  private readonly mask: number;
  /** The int8 weights times the scale, once: tagging adds floats only. */
  private readonly scaled: Float32Array;

  constructor(
    readonly hashes: Uint32Array,
    readonly weights: Int8Array,
    readonly scale: number,
    readonly transitions: Float32Array,
    readonly lexicon: Lexicon,
    readonly info: Record<string, unknown> = {},
  ) {
    this.scaled = new Float32Array(weights.length);
    for (let i = 0; i < weights.length; i++) this.scaled[i] = weights[i] * scale;
    let size = 1;
    while (size < hashes.length * 2) size <<= 1;
    this.mask = size - 1;
    this.table = new Uint32Array(size);
    for (let i = 0; i < hashes.length; i++) {
      let slot = hashes[i] & this.mask;
      while (this.table[slot] !== 0) slot = (slot + 1) & this.mask;
      this.table[slot] = i + 1;
    }
    this.boundaryRows = new Int32Array(2 * T);
    NEIGHBOUR_TEMPLATES.forEach((t, k) => {
      this.boundaryRows[2 * k] = this.rowOf(partsHash(t.name, boundary(-1)));
      this.boundaryRows[2 * k + 1] = this.rowOf(partsHash(t.name, boundary(1)));
    });
  }

  /** Per neighbour template, the rows for "before the sentence" and "after it". */
  private readonly boundaryRows: Int32Array;

  /** The weight row of a feature's hash, or -1. */
  private rowOf(h: number): number {
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.table[slot];
      if (entry === 0) return -1;
      if (this.hashes[entry - 1] === h) return entry - 1;
    }
  }

  private addRow(into: Float32Array, at: number, h: number): void {
    this.addRowAt(into, at, this.rowOf(h));
  }

  private addRowAt(into: Float32Array, at: number, r: number): void {
    if (r < 0) return;
    const w = this.scaled;
    const base = r * L;
    for (let q = 0; q < L; q++) into[at + q] += w[base + q];
  }

  /**
   * Labels for the sentences of one document, in order; `memory` carries the document-level features
   * (the type each capitalised word received earlier).
   */
  tagDocument(sentences: string[][]): number[][] {
    const memory = new Map<string, string>();
    return sentences.map(words => {
      const labels = this.tagSentence(words, memory);
      remember(words, labels, memory);
      return labels;
    });
  }

  tagSentence(words: string[], memory: Map<string, string>): number[] {
    const n = words.length;
    const emissions = new Float32Array(n * L);
    const entries = words.map(w => this.entry(w));
    for (let i = 0; i < n; i++) {
      emissions.set(entries[i].scores, i * L);
      for (const f of documentFeatures(words[i], memory)) this.addRow(emissions, i * L, this.hashOf(f));
      for (let k = 0; k < T; k++) {
        const j = i + NEIGHBOUR_TEMPLATES[k].offset;
        this.addRowAt(emissions, i * L, j < 0 ? this.boundaryRows[2 * k] : j >= n ? this.boundaryRows[2 * k + 1] : entries[j].neighbourRows[k]);
      }
    }
    emitContextFeatures(words, this.lexicon, (i, name, value, value2) => this.addRow(emissions, i * L, partsHash(name, value, value2)), false);
    return viterbi(emissions, n, this.transitions);
  }

  private readonly documentHashes = new Map<string, number>();

  /** Hashes of the few document features, computed once. */
  private hashOf(feature: string): number {
    let h = this.documentHashes.get(feature);
    if (h === undefined) this.documentHashes.set(feature, (h = featureHash(feature)));
    return h;
  }

  private readonly wordCache = new Map<string, WordEntry>();

  /** What a word contributes on its own and to its neighbours, cached: most words recur. */
  private entry(word: string): WordEntry {
    let entry = this.wordCache.get(word);
    if (!entry) {
      const scores = new Float32Array(L);
      this.addRows(scores, 0, wordFeatures(word, this.lexicon));
      const x = info(word);
      const neighbourRows = Int32Array.from(NEIGHBOUR_TEMPLATES, t => this.rowOf(partsHash(t.name, x[t.field])));
      entry = { scores, neighbourRows };
      if (this.wordCache.size >= 100000) this.wordCache.clear();
      this.wordCache.set(word, entry);
    }
    return entry;
  }

  private addRows(into: Float32Array, at: number, features: string[]): void {
    for (const f of features) this.addRow(into, at, featureHash(f));
  }
}

/** Records the type given to each capitalised word of a tagged sentence. */
export function remember(words: string[], labels: number[], memory: Map<string, string>): void {
  const infos = words.map(info);
  // an all-caps line (a headline) says little about how the article reads a name: it teaches nothing
  let letters = 0;
  let allCaps = true;
  for (const x of infos) if (x.letter) { letters++; if (x.hasLower) allCaps = false; }
  if (letters >= 3 && allCaps) return;
  infos.forEach((x, i) => {
    if (x.caps !== 'C' && x.caps !== 'A') return;
    memory.set(words[i].toLowerCase(), labels[i] === O ? 'O' : LABELS[labels[i]].slice(2));
  });
}

// ---- the model file: "SANER1" | u32 header length | header JSON | hashes | weights | lexicon text ----

const MAGIC = 'SANER1';

export interface ModelHeader {
  labels: string[];
  features: number;
  scale: number;
  transitions: number[];
  /** Longest gazetteer phrase in words (older files: counted when loading). */
  maxPhrase?: number;
  info: Record<string, unknown>;
}

export function serializeModel(model: { hashes: Uint32Array; weights: Int8Array; scale: number; transitions: Float32Array; lexicon: Lexicon; info: Record<string, unknown> }): Uint8Array {
  const enc = new TextEncoder();
  const header: ModelHeader = { labels: LABELS, features: model.hashes.length, scale: model.scale, transitions: [...model.transitions], maxPhrase: model.lexicon.maxPhrase, info: model.info };
  const head = enc.encode(JSON.stringify(header));
  const gaz = [...model.lexicon.gazetteer].map(([phrase, keys]) => `${phrase}\t${keys.join(',')}`).join('\n');
  const clusters = [...model.lexicon.clusters].map(([w, c]) => `${w}\t${c}`).join('\n');
  const lexicon = enc.encode([gaz, [...model.lexicon.lowercase].join('\n'), clusters].join('\n\u0000\n'));
  const pad = (n: number) => (4 - (n % 4)) % 4;
  const headPad = pad(MAGIC.length + 4 + head.length);
  const total = MAGIC.length + 4 + head.length + headPad + model.hashes.byteLength + model.weights.byteLength + 4 + lexicon.length;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let at = 0;
  out.set(enc.encode(MAGIC), at); at += MAGIC.length;
  view.setUint32(at, head.length + headPad, true); at += 4;
  out.set(head, at); out.fill(0x20, at + head.length, at + head.length + headPad); at += head.length + headPad;
  out.set(new Uint8Array(model.hashes.buffer, model.hashes.byteOffset, model.hashes.byteLength), at); at += model.hashes.byteLength;
  out.set(new Uint8Array(model.weights.buffer, model.weights.byteOffset, model.weights.byteLength), at); at += model.weights.byteLength;
  view.setUint32(at, lexicon.length, true); at += 4;
  out.set(lexicon, at);
  return out;
}

/** The header alone (what the model is, not its tables): cheap, for naming it before it is needed. */
export function readModelHeader(bytes: Uint8Array): ModelHeader {
  const dec = new TextDecoder();
  if (dec.decode(bytes.subarray(0, MAGIC.length)) !== MAGIC) throw new Error('not a Source Annotator entity model');
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(MAGIC.length, true);
  return JSON.parse(dec.decode(bytes.subarray(MAGIC.length + 4, MAGIC.length + 4 + length))) as ModelHeader;
}

function copyOf(bytes: Uint8Array, start: number, length: number): ArrayBuffer {
  const out = new Uint8Array(length);
  out.set(bytes.subarray(start, start + length));
  return out.buffer;
}

export function parseModel(bytes: Uint8Array): TaggerModel {
  const dec = new TextDecoder();
  const header = readModelHeader(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = MAGIC.length;
  at += 4 + view.getUint32(at, true);
  if (header.labels.join() !== LABELS.join()) throw new Error('the entity model was trained with other labels');
  // copies, never views: the bytes may be a view into a larger buffer (Node's Buffer pool)
  const hashes = new Uint32Array(copyOf(bytes, at, header.features * 4)); at += header.features * 4;
  const weights = new Int8Array(copyOf(bytes, at, header.features * L)); at += header.features * L;
  const lexLength = view.getUint32(at, true); at += 4;
  const [gazText, lowerText, clusterText] = dec.decode(bytes.subarray(at, at + lexLength)).split('\n\u0000\n');
  const gazetteer = new Map<string, string[]>();
  const interned = new Map<string, string[]>(); // a few dozen distinct key lists, shared by 100,000 phrases
  let maxPhrase = 0;
  let from = 0;
  while (gazText && from < gazText.length) {
    let to = gazText.indexOf('\n', from);
    if (to < 0) to = gazText.length;
    const tab = gazText.indexOf('\t', from);
    const phrase = gazText.slice(from, tab);
    const keyText = gazText.slice(tab + 1, to);
    let keys = interned.get(keyText);
    if (!keys) interned.set(keyText, (keys = keyText.split(',')));
    gazetteer.set(phrase, keys);
    if (header.maxPhrase === undefined) {
      let words = 1;
      for (let i = phrase.indexOf(' '); i >= 0; i = phrase.indexOf(' ', i + 1)) words++;
      if (words > maxPhrase) maxPhrase = words;
    }
    from = to + 1;
  }
  if (header.maxPhrase !== undefined) maxPhrase = header.maxPhrase;
  const clusters = new Map<string, string>();
  const paths = new Map<string, string>(); // a few thousand distinct bit strings, shared
  for (let from = 0; clusterText && from < clusterText.length;) {
    let to = clusterText.indexOf('\n', from);
    if (to < 0) to = clusterText.length;
    const tab = clusterText.indexOf('\t', from);
    const bits = clusterText.slice(tab + 1, to);
    let shared = paths.get(bits);
    if (!shared) paths.set(bits, (shared = bits));
    clusters.set(clusterText.slice(from, tab), shared);
    from = to + 1;
  }
  const lexicon: Lexicon = { gazetteer, maxPhrase, lowercase: new Set(lowerText ? lowerText.split('\n') : []), clusters };
  return new TaggerModel(hashes, weights, header.scale, Float32Array.from(header.transitions), lexicon, header.info);
}
