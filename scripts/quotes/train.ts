// Trains the speaker model (media/speaker-model.json) on PolNeAR's train split: for each speech quote the
// rules find, its candidate speakers (src/core/quotes/ranking.ts) and which of them are the gold Source.
// Settings are chosen by cross-validation over train articles; the calibration is fitted on the quotes
// each fold's model did not see; the shipped model is then trained on all of train. Dev is not read.
// usage: npm run train:quotes -- --data ../shared/data/polnear [--folds 5] [--seed 1] [--out media/speaker-model.json]
//   --errors N lists N out-of-fold mistakes (first setting) and stops; --unreachable N lists quotes whose Source is no candidate
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyseArticle } from '../../src/core/analysis';
import { modelRecogniser, parseModel } from '../../src/core/ner';
import { speakerChoices } from '../../src/core/quotes';
import { bestChoice } from '../../src/core/quotes/ranking';
import { calibrated, serializeSpeakerModel } from '../../src/core/quotes/speakerModel';
import { readPolnear } from './brat';
import { fit, isotonic, predict, reliability, seeded, shuffled, type Example, type FitOptions } from './fit';
import { homeOf, sameSpeaker } from './gold';

const a = process.argv.slice(2);
const get = (name: string, fallback?: string) => { const i = a.indexOf(`--${name}`); return i >= 0 ? a[i + 1] : fallback; };
const data = get('data');
const split = data && (fs.existsSync(path.join(data, 'train')) ? path.join(data, 'train') : data);
if (!split || !fs.existsSync(split)) { console.error('train:quotes: give the PolNeAR folder: npm run train:quotes -- --data ../shared/data/polnear'); process.exit(2); }
if (path.basename(split) === 'dev') { console.error('train:quotes: dev is for confirming only; give the folder holding train/'); process.exit(2); }
const folds = Number(get('folds', '5'));
const seed = Number(get('seed', '1'));
const out = get('out', 'media/speaker-model.json')!;

/** One training quote: its example, the rules' choice, and whether the quote counts for speaker accuracy. */
interface Item { article: number; example: Example; rule: number; scored: boolean; describe: (i: number) => string }

const t0 = Date.now();
const recogniser = modelRecogniser(parseModel(new Uint8Array(fs.readFileSync('media/ner-model.bin'))));
const articles = readPolnear(split);
const index = new Map<string, number>();
const items: Item[] = [];
for (const [n, article] of articles.entries()) {
  const { mentions } = analyseArticle(article.text, { recogniser });
  for (const { quote, choices, rule } of speakerChoices(article.text, mentions)) {
    const home = homeOf(article.attributions, quote.inner);
    const scored = Boolean(home?.source.length);
    // right: the candidate is the gold Source (same place or same name); "no speaker" is right when there is no Source
    const right = choices.map(c => (c.none ? !scored : scored && Boolean(sameSpeaker(article.text, home!, c))));
    const candidates = choices.map(c => Int32Array.from([...c.fixed, ...c.features], f => index.get(f) ?? (index.set(f, index.size), index.size - 1)));
    const gold = home?.source.map(x => article.text.slice(x.start, x.end)).join(' … ') ?? '';
    const describe = (i: number) => `${article.name}: “${quote.text.slice(0, 60)}” — picked ${choices[i].none ? 'no speaker' : `${choices[i].text} (${choices[i].name}) [${[...choices[i].fixed, ...choices[i].features].join(' ')}]`}; rules ${choices[rule].none ? 'none' : choices[rule].text}; gold ${gold}; right: ${choices.filter((_, k) => right[k]).map(c => c.none ? 'none' : `${c.text} [${[...c.fixed, ...c.features].join(' ')}]`).join(', ') || '—'}\n    …${article.text.slice(Math.max(0, quote.start - 200), quote.start).replace(/\s+/g, ' ')}⟦${quote.text.slice(0, 40)}…⟧${article.text.slice(quote.end, quote.end + 120).replace(/\s+/g, ' ')}`;
    items.push({ article: n, example: { candidates, right, keys: choices.map(c => c.key) }, rule, scored, describe });
  }
}
const scored = items.filter(x => x.scored);
if (a.includes('--unreachable')) { for (const x of scored.filter(y => !y.example.right.some(Boolean)).slice(0, Number(get('unreachable')))) console.log(x.describe(0).replace(/\[[^\]]*\]/g, '')); process.exit(0); }
const reachable = scored.filter(x => x.example.right.some(Boolean)).length;
const ruleRight = scored.filter(x => x.example.right[x.rule]).length;
console.log(`${split}: ${articles.length} articles, ${items.length} speech quotes, ${scored.length} with a gold Source (${pct(reachable, scored.length)} % have it among their candidates); ${index.size} features; read in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.log(`rules' speaker right on train: ${pct(ruleRight, scored.length)} %`);

// folds by article, in a seeded order
const order = shuffled(articles.map((_, i) => i), seeded(seed));
const foldOf = new Int32Array(articles.length);
order.forEach((article, k) => (foldOf[article] = k % folds));

/** Out-of-fold predictions under some settings: the winner's probability and whether it is right, per scored quote. */
function crossValidate(o: FitOptions): { p: number; right: boolean }[] {
  const points: { p: number; right: boolean }[] = [];
  for (let f = 0; f < folds; f++) {
    const w = fit(items.filter(x => foldOf[x.article] !== f).map(x => x.example), index.size, o);
    for (const x of items) {
      if (foldOf[x.article] !== f || !x.scored) continue;
      const { best, mass } = bestChoice(predict(w, x.example), x.example.keys);
      points.push({ p: mass, right: x.example.right[best] });
      if (showErrors) { const key = `model ${x.example.right[best] ? 'right' : 'wrong'}, rules ${x.example.right[x.rule] ? 'right' : 'wrong'}${best === x.example.candidates.length - 1 ? ', model none' : ''}`; showErrors.tally.set(key, (showErrors.tally.get(key) ?? 0) + 1); }
      if (showErrors && o === showErrors.o && !x.example.right[best] && x.example.right.some(Boolean) && showErrors.list.length < showErrors.n) showErrors.list.push(x.describe(best));
    }
  }
  return points;
}

const grid: FitOptions[] = [];
const showErrors = get('errors') ? { n: Number(get('errors')), list: [] as string[], tally: new Map<string, number>(), o: undefined as FitOptions | undefined } : undefined;
for (const l2 of [1, 10, 30]) for (const epochs of [5, 20]) grid.push({ l2, epochs, rate: 0.1, seed });
let best: { o: FitOptions; points: { p: number; right: boolean }[]; accuracy: number; logLoss: number } | undefined;
for (const o of showErrors ? grid.slice(0, 1) : grid) {
  if (showErrors) showErrors.o = o;
  const points = crossValidate(o);
  const accuracy = points.filter(x => x.right).length / points.length;
  const logLoss = -points.reduce((s, x) => s + Math.log(Math.max(1e-9, x.right ? x.p : 1 - x.p)), 0) / points.length;
  console.log(`  l2 ${o.l2}, ${o.epochs} epochs, rate ${o.rate}: cross-validated speaker accuracy ${(100 * accuracy).toFixed(1)} %, log loss ${logLoss.toFixed(3)}`);
  if (!best || accuracy > best.accuracy + 1e-9 || (Math.abs(accuracy - best.accuracy) <= 1e-9 && logLoss < best.logLoss)) best = { o, points, accuracy, logLoss };
}
if (showErrors) { console.log(showErrors.list.join('\n')); console.log(showErrors.tally); process.exit(0); }
const chosen = best!;
const calibration = isotonic(chosen.points);
// the calibration's own check, nested: fitted on all folds but one, measured on that one
const nested: { p: number; right: boolean }[] = [];
const pointFold = chosen.points.map((_, i) => i % folds);
for (let f = 0; f < folds; f++) {
  const curve = isotonic(chosen.points.filter((_, i) => pointFold[i] !== f));
  for (const [i, x] of chosen.points.entries()) if (pointFold[i] === f) nested.push({ p: calibrated({ calibration: curve }, x.p), right: x.right });
}
const { ece, bands } = reliability(nested);
console.log(`chosen: l2 ${chosen.o.l2}, ${chosen.o.epochs} epochs — cross-validated speaker accuracy ${(100 * chosen.accuracy).toFixed(1)} % (rules ${pct(ruleRight, scored.length)} %); calibrated on held-out folds, ECE ${(100 * ece).toFixed(1)} points`);
for (const b of bands) if (b.n) console.log(`  ${(100 * b.from).toFixed(0).padStart(3)}–${(100 * b.to).toFixed(0).padEnd(3)} %  ${String(b.n).padStart(5)} quotes  said ${(100 * b.said / b.n).toFixed(1)} %  right ${(100 * b.right / b.n).toFixed(1)} %`);

const weights = fit(items.map(x => x.example), index.size, chosen.o);
const names = [...index.keys()];
const model = serializeSpeakerModel(new Map(names.map((n, i) => [n, weights[i]])), calibration, {
  data: 'PolNeAR train', articles: articles.length, quotes: items.length, seed, folds, l2: chosen.o.l2, epochs: chosen.o.epochs,
  crossValidatedAccuracy: Number((100 * chosen.accuracy).toFixed(1)), calibrationError: Number((100 * ece).toFixed(1)),
});
fs.writeFileSync(out, model);
console.log(`wrote ${out} (${(model.length / 1024).toFixed(1)} KB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

function pct(x: number, n: number): string {
  return n ? ((100 * x) / n).toFixed(1) : '—';
}
