// Measures what an edit costs on the extension host's main thread: after the worker has analysed a changed
// article, the corpus is resolved again (annotations, consistency, entities, speakers, events).
// usage: npm run bench:corpus -- [folder of articles] [--size-mb 1]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Corpus } from '../../src/core/corpus';
import { groupUtterances } from '../../src/core/quotes/utterances';
import { analyseArticle } from '../../src/core/analysis';
import { parseModel, modelRecogniser } from '../../src/core/ner';
import { parseSpeakerModel } from '../../src/core/quotes';

const args = process.argv.slice(2);
const sizeAt = args.indexOf('--size-mb');
const sizeMb = sizeAt >= 0 ? Number(args.splice(sizeAt, 2)[1]) : 1;
const folder = args[0] ?? 'sample-corpus';
const files = fs.readdirSync(folder).filter(f => /\.(txt|md)$/.test(f)).map(f => path.join(folder, f));
const texts = new Map(files.map(f => [f, fs.readFileSync(f, 'utf8')]));
// one large article made of the others, repeated, as a long web page or a transcript would be
const parts = [...texts.values()];
let big = '';
for (let i = 0; big.length < sizeMb * 1024 * 1024; i++) big += parts[i % parts.length] + '\n\n';
texts.set(path.join(folder, 'large-article.txt'), big);

const options = { recogniser: modelRecogniser(parseModel(new Uint8Array(fs.readFileSync('media/ner-model.bin')))), speakerModel: parseSpeakerModel(fs.readFileSync('media/speaker-model.json', 'utf8')) };
const corpus = new Corpus(options);
const time = <T>(f: () => T): [T, number] => { const t = process.hrtime.bigint(); const r = f(); return [r, Number(process.hrtime.bigint() - t) / 1e6]; };
let analysisMs = 0;
for (const [file, text] of texts) {
  const [analysis, ms] = time(() => analyseArticle(text, options));
  if (file.endsWith('large-article.txt')) analysisMs = ms;
  corpus.primeAnalysis(analysis);
  corpus.setArticle(file, text);
}
const [, firstMs] = time(() => corpus.resolve());
// edits: the large article gains a word; the worker's analysis is primed, then the main thread resolves
const runs: number[] = [];
for (let i = 0; i < Number(process.env.RUNS ?? 5); i++) {
  const text = big + ` edit ${i}`;
  corpus.primeAnalysis(analyseArticle(text, options));
  corpus.setArticle(path.join(folder, 'large-article.txt'), text);
  runs.push(time(() => corpus.resolve())[1]);
}
runs.sort((a, b) => a - b);
console.log(`${texts.size} articles, the largest ${(big.length / 1048576).toFixed(2)} MB (${big.length.toLocaleString('en')} UTF-16 units)`);
console.log(`analysis of the large article (worker thread): ${analysisMs.toFixed(0)} ms`);
console.log(`corpus resolution (main thread): first ${firstMs.toFixed(0)} ms, after an edit median ${runs[runs.length >> 1].toFixed(0)} ms (min ${runs[0].toFixed(0)}, max ${runs[runs.length - 1].toFixed(0)})`);
const [utterances, groupMs] = time(() => groupUtterances(corpus.resolve()));
const quotes = utterances.reduce((n, u) => n + u.quotes.length, 0);
console.log(`quotes grouped by utterance across articles: ${quotes.toLocaleString('en')} speech quotes into ${utterances.length.toLocaleString('en')} utterances in ${groupMs.toFixed(0)} ms`);
