// Trains the entity tagger: an averaged perceptron over the feature templates of src/core/ner/tagger,
// decoded with BILOU-constrained Viterbi, on CoNLL train.txt; the epoch is selected on dev.txt. Writes a
// compact model (hashed features, int8 weights, lexicon) and evaluates that very file on dev.
// usage: npm run train:ner -- --data ../shared/data/conllpp [--epochs 16] [--seed 1] [--out media/ner-model.bin]
//        [--max-features 150000] [--unlabelled DIR]… [--no-gazetteers] [--no-clusters]
// --unlabelled: plain-text news for the lower-case vocabulary (default: ../polnear/train beside the CoNLL folder)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readConll, type Doc } from './conll';
import { SpanScore } from './score';
import { buildLexicon } from './lexicon';
import { documentFeatures, sentenceFeatures, type Lexicon } from '../../src/core/ner/tagger/features';
import { viterbi } from '../../src/core/ner/tagger/decode';
import { fromIob, LABELS, O } from '../../src/core/ner/tagger/labels';
import { featureHash, parseModel, remember, serializeModel } from '../../src/core/ner/tagger/model';

const L = LABELS.length;
const T = (L + 1) * (L + 1);

function args() {
  const a = process.argv.slice(2);
  const get = (name: string, fallback?: string) => { const i = a.indexOf(`--${name}`); return i >= 0 ? a[i + 1] : fallback; };
  const all = (name: string) => a.flatMap((x, i) => (x === `--${name}` ? [a[i + 1]] : []));
  const data = get('data');
  if (!data) { console.error('train: give the CoNLL folder: npm run train:ner -- --data ../shared/data/conllpp'); process.exit(2); }
  // unlabelled news for the lower-case vocabulary: given, or PolNeAR's training articles beside the CoNLL folder
  const sibling = path.join(data, '..', 'polnear', 'train');
  const unlabelled = all('unlabelled').length ? all('unlabelled') : fs.existsSync(sibling) ? [sibling] : [];
  if (unlabelled.length) console.log(`unlabelled news text: ${unlabelled.join(', ')}`);
  return {
    data, epochs: Number(get('epochs', '16')), seed: Number(get('seed', '1')), out: get('out', 'media/ner-model.bin')!,
    maxFeatures: Number(get('max-features', '150000')), unlabelled, gazetteers: !a.includes('--no-gazetteers'), clusters: !a.includes('--no-clusters'),
  };
}

function rng(seed: number) {
  return () => { seed |= 0; seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

interface Prepared { words: string[]; gold: number[]; feats: Int32Array; offsets: Int32Array }

class Features {
  readonly ids = new Map<string, number>();
  id(f: string, grow: boolean): number {
    let id = this.ids.get(f);
    if (id === undefined && grow) this.ids.set(f, (id = this.ids.size));
    return id ?? -1;
  }
}

function prepare(docs: Doc[], lexicon: Lexicon, dict: Features, grow: boolean): Prepared[][] {
  return docs.map(doc => doc.sentences.map(s => {
    const feats = sentenceFeatures(s.words, lexicon);
    const offsets = new Int32Array(s.words.length + 1);
    const flat: number[] = [];
    feats.forEach((f, i) => { offsets[i] = flat.length; for (const x of f) { const id = dict.id(x, grow); if (id >= 0) flat.push(id); } });
    offsets[s.words.length] = flat.length;
    return { words: s.words, gold: fromIob(s.tags), feats: Int32Array.from(flat), offsets };
  }));
}

function emissions(s: Prepared, weights: Float32Array, dict: Features, memory: Map<string, string>): Float32Array {
  const n = s.words.length;
  const e = new Float32Array(n * L);
  for (let i = 0; i < n; i++) {
    const add = (id: number) => { const base = id * L; for (let q = 0; q < L; q++) e[i * L + q] += weights[base + q]; };
    for (let k = s.offsets[i]; k < s.offsets[i + 1]; k++) add(s.feats[k]);
    for (const f of documentFeatures(s.words[i], memory)) { const id = dict.id(f, false); if (id >= 0) add(id); }
  }
  return e;
}

function evaluate(docs: Prepared[][], weights: Float32Array, transitions: Float32Array, dict: Features): SpanScore {
  const score = new SpanScore();
  for (const doc of docs) {
    const memory = new Map<string, string>();
    for (const s of doc) {
      const labels = viterbi(emissions(s, weights, dict, memory), s.words.length, transitions);
      remember(s.words, labels, memory);
      score.add(s.gold, labels);
    }
  }
  return score;
}

async function main() {
  const opt = args();
  const t0 = Date.now();
  const train = readConll(path.join(opt.data, 'train.txt'));
  const dev = readConll(path.join(opt.data, 'dev.txt'));
  const lexicon = await buildLexicon(train, opt.unlabelled, opt.gazetteers, opt.clusters);
  console.log(`lexicon: ${lexicon.lowercase.size} lower-case words, ${lexicon.openers.size} openers, ${lexicon.gazetteer.size} gazetteer phrases, ${lexicon.clusters.size} clustered words`);
  const dict = new Features();
  for (const f of ['d:none', 'd:O', 'd:PER', 'd:ORG', 'd:LOC', 'd:MISC']) dict.id(f, true);
  const trainSet = prepare(train, lexicon, dict, true);
  const devSet = prepare(dev, lexicon, dict, false);
  const nf = dict.ids.size;
  console.log(`${trainSet.flat().length} training sentences, ${nf} features (${((Date.now() - t0) / 1000).toFixed(1)} s)`);

  const w = new Float32Array(nf * L);
  const u = new Float32Array(nf * L); // averaging: w_avg = w - u / c
  const tw = new Float32Array(T);
  const tu = new Float32Array(T);
  let c = 1;
  const random = rng(opt.seed);
  let best = { f1: -1, epoch: 0, w: new Float32Array(0), t: new Float32Array(0) };
  for (let epoch = 1; epoch <= opt.epochs; epoch++) {
    const order = trainSet.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(random() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
    let mistakes = 0;
    for (const d of order) {
      const memory = new Map<string, string>();
      for (const s of trainSet[d]) {
        const n = s.words.length;
        const predicted = viterbi(emissions(s, w, dict, memory), n, tw);
        const docFeats = s.words.map(word => documentFeatures(word, memory).map(f => dict.id(f, false)).filter(id => id >= 0));
        let wrong = false;
        for (let i = 0; i < n; i++) {
          if (predicted[i] === s.gold[i]) continue;
          wrong = true;
          const g = s.gold[i], p = predicted[i];
          const update = (id: number) => { w[id * L + g] += 1; u[id * L + g] += c; w[id * L + p] -= 1; u[id * L + p] -= c; };
          for (let k = s.offsets[i]; k < s.offsets[i + 1]; k++) update(s.feats[k]);
          for (const id of docFeats[i]) update(id);
        }
        if (wrong) {
          mistakes++;
          const bump = (labels: number[], by: number) => {
            for (let i = 0; i <= n; i++) {
              const from = i === 0 ? L : labels[i - 1];
              const to = i === n ? L : labels[i];
              tw[from * (L + 1) + to] += by; tu[from * (L + 1) + to] += by * c;
            }
          };
          bump(s.gold, 1);
          bump(predicted, -1);
        }
        remember(s.words, predicted, memory);
        c++;
      }
    }
    const avg = new Float32Array(nf * L);
    for (let k = 0; k < avg.length; k++) avg[k] = w[k] - u[k] / c;
    const tavg = new Float32Array(T);
    for (let k = 0; k < T; k++) tavg[k] = tw[k] - tu[k] / c;
    const score = evaluate(devSet, avg, tavg, dict);
    const f1 = score.pooled(['PER', 'ORG', 'LOC']);
    console.log(`epoch ${epoch}: ${mistakes} sentences wrong; dev PER+ORG+LOC F1 ${(100 * f1).toFixed(2)}, all ${(100 * score.result('ALL').f1).toFixed(2)} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    if (f1 > best.f1) best = { f1, epoch, w: avg, t: tavg };
  }
  console.log(`best epoch ${best.epoch}: dev PER+ORG+LOC F1 ${(100 * best.f1).toFixed(2)}`);

  // keep the strongest features, quantise to int8, key them by hash
  const strength = new Float32Array(nf);
  for (let f = 0; f < nf; f++) { let m = 0; for (let q = 0; q < L; q++) m = Math.max(m, Math.abs(best.w[f * L + q])); strength[f] = m; }
  const names = [...dict.ids.keys()];
  const kept = names.map((_, f) => f).filter(f => strength[f] > 0).sort((a, b) => strength[b] - strength[a]).slice(0, opt.maxFeatures);
  let maxAbs = 0;
  for (const f of kept) maxAbs = Math.max(maxAbs, strength[f]);
  const scale = maxAbs / 127;
  const byHash = new Map<number, Float32Array>();
  for (const f of kept) {
    const h = featureHash(names[f]);
    const row = byHash.get(h) ?? new Float32Array(L);
    for (let q = 0; q < L; q++) row[q] += best.w[f * L + q];
    byHash.set(h, row);
  }
  const hashes = Uint32Array.from([...byHash.keys()].sort((a, b) => a - b));
  const weights = new Int8Array(hashes.length * L);
  hashes.forEach((h, i) => { const row = byHash.get(h)!; for (let q = 0; q < L; q++) weights[i * L + q] = Math.max(-127, Math.min(127, Math.round(row[q] / scale))); });
  const info = { trainedOn: path.basename(opt.data), epoch: best.epoch, seed: opt.seed, devF1: Number((100 * best.f1).toFixed(2)), features: hashes.length, created: new Date().toISOString().slice(0, 10), openers: lexicon.openers.size, genders: lexicon.genders.size };
  const bytes = serializeModel({ hashes, weights, scale, transitions: best.t, lexicon, info });
  fs.mkdirSync(path.dirname(opt.out), { recursive: true });
  fs.writeFileSync(opt.out, bytes);
  console.log(`wrote ${opt.out}: ${(bytes.length / 1048576).toFixed(2)} MB, ${hashes.length} features`);

  // the honest figure: the file itself, as the extension will load it
  const model = parseModel(new Uint8Array(fs.readFileSync(opt.out)));
  const final = new SpanScore();
  for (const doc of dev) {
    const labels = model.tagDocument(doc.sentences.map(s => s.words));
    doc.sentences.forEach((s, i) => final.add(fromIob(s.tags), labels[i]));
  }
  console.log(`dev, model file as shipped:\n${final.table()}`);
  void O;
}

void main();
