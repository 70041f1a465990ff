// Evaluates the shipped entity model on a CoNLL file: exact-span precision/recall/F1 per type (as conlleval
// counts them), tagging speed on one core, and the model's size and load time.
// With --pipeline, also the whole recogniser (headlines, titles, openers, employers, one reading per article:
// scripts/ner/pipeline.ts) on the same documents.
// usage: npm run eval:ner -- --data ../shared/data/conllpp/dev.txt [--model media/ner-model.bin] [--pipeline]
import * as fs from 'node:fs';
import { readConll } from './conll';
import { SpanScore } from './score';
import { fromIob } from '../../src/core/ner/tagger/labels';
import { parseModel } from '../../src/core/ner/tagger/model';
import { pipelineLabels } from './pipeline';

const a = process.argv.slice(2);
const get = (name: string, fallback?: string) => { const i = a.indexOf(`--${name}`); return i >= 0 ? a[i + 1] : fallback; };
const data = get('data');
if (!data) { console.error('eval: give a CoNLL file: npm run eval:ner -- --data ../shared/data/conllpp/dev.txt'); process.exit(2); }
const modelFile = get('model', 'media/ner-model.bin')!;

const bytes = new Uint8Array(fs.readFileSync(modelFile));
const t0 = process.hrtime.bigint();
const model = parseModel(bytes);
const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
const docs = readConll(data);
const tokens = docs.reduce((n, d) => n + d.sentences.reduce((m, s) => m + s.words.length, 0), 0);
// one pass to warm up, then three timed passes: the median and the best are printed
const words = docs.map(doc => doc.sentences.map(s => s.words));
let predicted = words.map(doc => model.tagDocument(doc));
const rates: number[] = [];
const cpuRates: number[] = [];
for (let pass = 0; pass < 3; pass++) {
  const t1 = process.hrtime.bigint();
  const c1 = process.cpuUsage();
  predicted = words.map(doc => model.tagDocument(doc));
  const cpu = process.cpuUsage(c1);
  rates.push(tokens / (Number(process.hrtime.bigint() - t1) / 1e9));
  cpuRates.push(tokens / ((cpu.user + cpu.system) / 1e6));
}
rates.sort((x, y) => x - y);
cpuRates.sort((x, y) => x - y);
const score = new SpanScore();
docs.forEach((doc, d) => doc.sentences.forEach((s, i) => score.add(fromIob(s.tags), predicted[d][i])));
console.log(`${data}: ${docs.length} documents, ${tokens} tokens`);
console.log(score.table());
console.log(`speed: ${Math.round(rates[1]).toLocaleString('en')} tokens/s on one core (median of 3 passes; best ${Math.round(rates[2]).toLocaleString('en')}); per CPU second ${Math.round(cpuRates[1]).toLocaleString('en')}`);
console.log(`model: ${modelFile}, ${(bytes.length / 1048576).toFixed(2)} MB, ${model.hashes.length} features, loaded in ${loadMs.toFixed(0)} ms`);
console.log(`trained: ${JSON.stringify(model.info)}`);
if (a.includes('--pipeline')) {
  const whole = new SpanScore();
  docs.forEach(doc => { const labels = pipelineLabels(doc, model); doc.sentences.forEach((s, i) => whole.add(fromIob(s.tags), labels[i])); });
  console.log(`the whole recogniser (src/core/ner/tagged.ts) on the same documents:\n${whole.table()}`);
}
