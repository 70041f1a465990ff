import { info, isAllCapsLine, type Lexicon, type WordInfo } from './features';
import { viterbi } from './decode';
import { Emissions } from './emissions';
import { LABELS, O } from './labels';
import { FeatureRows } from './rows';

export { featureHash, partsHash } from './hash';

const L = LABELS.length;

/** A trained tagger: hashed features → int8 weight rows, transitions, and the lexicon the features use. */
export class TaggerModel {
  /** The weights' rows as features of a sentence sum them, cached per word and per feature value. */
  private readonly emissions: Emissions;

  constructor(
    readonly hashes: Uint32Array,
    readonly weights: Int8Array,
    readonly scale: number,
    readonly transitions: Float32Array,
    readonly lexicon: Lexicon,
    readonly info: Record<string, unknown> = {},
  ) {
    this.emissions = new Emissions(new FeatureRows(hashes, weights, scale), lexicon);
  }

  /**
   * Labels for the sentences of one document, in order; `memory` carries the document-level features
   * (the type each capitalised word received earlier).
   */
  tagDocument(sentences: string[][]): number[][] {
    const memory = new Map<string, string>();
    return sentences.map(words => {
      const labels = this.tagSentence(words, memory);
      const entries = this.emissions.lastEntries();
      rememberWords(entries.map(e => e.info), i => entries[i].caseless, labels, memory);
      return labels;
    });
  }

  tagSentence(words: string[], memory: Map<string, string>): number[] {
    return viterbi(this.emissions.score(words, memory), words.length, this.transitions);
  }

  /** The emission scores (n × L) of a sentence, as tagSentence sums them. */
  scoreSentence(words: string[], memory: Map<string, string>): Float32Array {
    return this.emissions.score(words, memory).slice(0, words.length * L);
  }
}

/** Records the type given to each capitalised word of a tagged sentence. */
export function remember(words: string[], labels: number[], memory: Map<string, string>): void {
  rememberWords(words.map(info), i => words[i].toLowerCase(), labels, memory);
}

/** remember(), from each word's info and lower case. */
function rememberWords(infos: readonly WordInfo[], caseless: (i: number) => string, labels: number[], memory: Map<string, string>): void {
  // an all-caps line (a headline) says little about how the article reads a name: it teaches nothing
  if (isAllCapsLine(infos, 'hasLower')) return;
  infos.forEach((x, i) => {
    if (x.caps !== 'C' && x.caps !== 'A') return;
    memory.set(caseless(i), labels[i] === O ? 'O' : LABELS[labels[i]].slice(2));
  });
}

// ---- the model file: "SANER1" | u32 header length | header JSON | hashes | weights | lexicon text ----
// (lexicon text: gazetteer, lower-case words, clusters, openers, first names' genders, separated by "\n\0\n";
// older files end after the clusters)

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
  const genders = [...model.lexicon.genders].map(([name, g]) => `${name}\t${g}`).join('\n');
  const lexicon = enc.encode([gaz, [...model.lexicon.lowercase].join('\n'), clusters, [...model.lexicon.openers].join('\n'), genders].join('\n\u0000\n'));
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
  const [gazText, lowerText, clusterText, openerText, genderText] = dec.decode(bytes.subarray(at, at + lexLength)).split('\n\u0000\n');
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
  const lexicon: Lexicon = { gazetteer, maxPhrase, lowercase: new Set(lowerText ? lowerText.split('\n') : []), clusters, openers: new Set(openerText ? openerText.split('\n') : []), genders: parseGenders(genderText) };
  return new TaggerModel(hashes, weights, header.scale, Float32Array.from(header.transitions), lexicon, header.info);
}

/** "hillary\tf" lines. */
function parseGenders(text: string | undefined): Map<string, 'm' | 'f'> {
  const out = new Map<string, 'm' | 'f'>();
  if (text) for (const line of text.split('\n')) { const tab = line.indexOf('\t'); if (tab > 0) out.set(line.slice(0, tab), line[tab + 1] === 'f' ? 'f' : 'm'); }
  return out;
}
