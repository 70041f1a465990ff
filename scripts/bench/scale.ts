// How the core scales with the number of articles in a workspace, on this machine: the analysis pipeline's
// speed on one core, the cold index (analysis of every article, then the first corpus resolution), what one
// edit costs the extension host's main thread with N articles loaded (resolution, then the quotes grouped by
// utterance, against grouping them afresh), peak memory, the core cost of a first highlight, and the .vsix size.
// Corpora are written by make-corpus.mjs (reused when already there).
// usage: npm run bench -- --data ../shared/data [--sizes 250,2000,10000] [--out-dir <tmp>/source-annotator-bench]
//                        [--max-resolve-seconds 120]
// Figures go to stdout, one per line; progress goes to stderr.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Corpus } from '../../src/core/corpus';
import { refreshInterval, SCAN_REFRESH } from '../../src/core/corpus/pacing';
import { decodeAnalysis, encodeAnalysis } from '../../src/core/corpus/analysisCodec';
import { decodeSnapshot, encodeSnapshot } from '../../src/core/corpus/snapshot';
import { analyseArticle, type AnalysisOptions } from '../../src/core/analysis';
import { parseModel, modelRecogniser } from '../../src/core/ner';
import { parseSpeakerModel } from '../../src/core/quotes';
import { UtteranceIndex } from '../../src/core/quotes/utteranceIndex';
import { groupUtterances } from '../../src/core/quotes/utterances';
import { tokenize } from '../../src/core/text/tokens';
import { placePreview, previewSpan } from '../../src/core/preview';
import { makeCorpus } from './make-corpus.mjs';
import { analysisPoolSize } from '../../src/node/threadPriority';

const USAGE = 'usage: npm run bench -- --data <path to shared/data> [--sizes 250,2000,10000] [--out-dir <folder>] [--max-resolve-seconds 120]';
const fail = (message: string): never => { console.error(`bench: ${message}\n${USAGE}`); process.exit(2); };

// ---- arguments ----
const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) fail(`--${name} needs a value`);
  return value;
};
const known = new Set(['--data', '--sizes', '--out-dir', '--max-resolve-seconds']);
for (let i = 0; i < args.length; i += 2) if (!known.has(args[i])) fail(`unknown argument ${args[i]}`);

const data = flag('data') ?? fail('--data is missing: pass the folder of reference data that holds polnear/ (in this project: --data ../shared/data)');
const polnear = path.join(data, 'polnear');
const polnearArticles = ['train', 'dev'].flatMap(split => {
  const dir = path.join(polnear, split);
  return fs.existsSync(dir) && fs.statSync(dir).isDirectory() ? fs.readdirSync(dir).filter(f => f.endsWith('.txt')) : [];
});
if (!polnearArticles.length) fail(`--data ${data}: no PolNeAR articles in ${polnear}/train or ${polnear}/dev — pass the folder that holds polnear/ (in this project: --data ../shared/data)`);
const sizes = (flag('sizes') ?? '250,2000,10000').split(',').map(s => Number(s.trim()));
if (!sizes.length || sizes.some(n => !Number.isInteger(n) || n < 1)) fail('--sizes takes whole numbers separated by commas, e.g. 250,2000');
sizes.sort((a, b) => a - b);
const outDir = path.resolve(flag('out-dir') ?? path.join(os.tmpdir(), 'source-annotator-bench'));
const maxResolveSeconds = Number(flag('max-resolve-seconds') ?? '120');
if (!(maxResolveSeconds > 0)) fail('--max-resolve-seconds takes a number of seconds above 0');
const modelFile = path.join('media', 'ner-model.bin');
if (!fs.existsSync(modelFile) || !fs.existsSync('sample-corpus')) fail(`run from the project root (${modelFile} and sample-corpus/ not found in ${process.cwd()})`);

// ---- helpers ----
const progress = (message: string) => process.stderr.write(`  … ${message}\n`);
const now = () => process.hrtime.bigint();
const msSince = (t: bigint) => Number(now() - t) / 1e6;
const time = <T>(f: () => T): [T, number] => { const t = now(); const r = f(); return [r, msSince(t)]; };
const int = (n: number) => Math.round(n).toLocaleString('en');
const ms = (n: number) => (n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : n >= 100 ? `${int(n)} ms` : `${n.toFixed(1)} ms`);
const seconds = (n: number) => `${(n / 1000).toFixed(n >= 100_000 ? 0 : 1)} s`;
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
let rssPeakSample = 0;
const sampleRss = () => { rssPeakSample = Math.max(rssPeakSample, process.memoryUsage().rss); return process.memoryUsage().rss; };
const bytesOf = (text: string) => Buffer.byteLength(text, 'utf8');

function listArticles(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith('.txt')) found.push(full);
    }
  };
  if (fs.existsSync(folder)) walk(folder);
  return found.sort();
}

/** The folder of `count` articles, written by make-corpus.mjs unless it already holds exactly that many. */
function corpusFolder(count: number): string {
  const folder = path.join(outDir, `corpus-${count}`);
  if (listArticles(folder).length === count) return folder;
  progress(`writing ${int(count)} articles to ${folder}`);
  return makeCorpus({ data, count, out: folder });
}

const readTexts = (folder: string) => listArticles(folder).map(file => ({ file, text: fs.readFileSync(file, 'utf8') }));

/** The article whose size is closest to 5 KB: an ordinary news article. */
const ordinaryArticle = (texts: { file: string; text: string }[]) =>
  texts.reduce((best, a) => (Math.abs(bytesOf(a.text) - 5120) < Math.abs(bytesOf(best.text) - 5120) ? a : best));

// ---- the model ----
const [options, modelMs] = time((): AnalysisOptions => ({ recogniser: modelRecogniser(parseModel(new Uint8Array(fs.readFileSync(modelFile)))), speakerModel: parseSpeakerModel(fs.readFileSync(path.join('media', 'speaker-model.json'), 'utf8')) }));
console.log(`Source Annotator scale benchmark — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${mb(os.totalmem())} RAM`);
console.log(`model: ${modelFile} loaded in ${ms(modelMs)}`);

// ---- pipeline speed on one core: a fixed sample of 300 articles (the sample corpus and PolNeAR's first) ----
const sample = readTexts(corpusFolder(300));
let sampleTokens = 0, sampleBytes = 0;
for (const { text } of sample) { sampleTokens += tokenize(text).length; sampleBytes += bytesOf(text); }
/** One pass over the sample, in milliseconds. */
const pass = () => time(() => { for (const { text } of sample) analyseArticle(text, options); })[1];
// the first pass runs while the JIT compiles (a fresh worker's first articles cost several times the later ones):
// printed, not counted; the figure is the second pass, as a worker analyses a folder
const warming = pass();
const sampleMs = pass();
console.log(`pipeline on one core: ${int(sampleTokens / (sampleMs / 1000))} tokens/s, ${(sample.length / (sampleMs / 1000)).toFixed(1)} articles/s (${sample.length} articles, ${mb(sampleBytes)}, ${int(sampleTokens)} tokens, in ${ms(sampleMs)}; the first pass, while the JIT compiles, ${int(sampleTokens / (warming / 1000))} tokens/s)`);

// ---- time to first highlight, core cost: analysis + resolution of one article in a fresh corpus ----
function firstHighlight(label: string, file: string, text: string): void {
  const corpus = new Corpus(options);
  const [analysis, analysisMs] = time(() => analyseArticle(text, options));
  corpus.primeAnalysis(analysis);
  corpus.setArticle(file, text);
  const [, resolveMs] = time(() => corpus.resolve());
  console.log(`first highlight, core cost, ${label} (${int(bytesOf(text) / 1024)} KB): ${ms(analysisMs + resolveMs)} (analysis ${ms(analysisMs)} + resolve ${ms(resolveMs)})`);
}
const small = ordinaryArticle(sample);
firstHighlight('one article', small.file, small.text);
let big = '';
for (let i = 0; bytesOf(big) < 1048576; i++) big += sample[i % sample.length].text + '\n\n';
firstHighlight('a 1 MB article', path.join(outDir, 'large-article.txt'), big);
// what the extension shows first in an editor on a long article: the shown part (the top) analysed alone
{
  const span = previewSpan(big, { start: 0, end: 4096 });
  const times = Array.from({ length: 5 }, () => time(() => placePreview(analyseArticle(big.slice(span.start, span.end), options), span.start))[1]);
  console.log(`first highlight, core cost, a 1 MB article shown in an editor: its shown part (${int((span.end - span.start) / 1024)} KB) in ${ms(median(times))} (median of 5), the whole article after it`);
}

// ---- each size: cold index, then edits ----
/** The extension's workers on this machine (src/node/threadPriority.ts). */
const poolWorkers = analysisPoolSize(os.availableParallelism());

/** The cold analysis of a folder by the extension's worker pool, in ms (pool.ts, a process of its own), or why not. */
function poolAnalysis(folder: string): number | string {
  const run = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'scripts/bench/pool.ts', folder, String(poolWorkers)], { encoding: 'utf8' });
  if (run.status !== 0) return (run.stderr.trim().split('\n').pop() ?? `exit ${run.status}`);
  return (JSON.parse(run.stdout.trim().split('\n').pop()!) as { ms: number }).ms;
}

interface Row { count: number; analysisMs: number; poolMs?: number | string; firstMs?: number; eventsMs?: number; edits?: number[]; note?: string; cached: number; warm?: { decodeMs: number; resolveMs: number; resolves: number }; lists?: { readMs: number; keepMs: number; bytes: number } }
const rows: Row[] = [];
const words = ['Meanwhile', 'Correction', 'Updated', 'Reporting', 'Officials'];
let resolveSkippedBecause: string | undefined;
let largest: { count: number; rss: number } | undefined;
for (const count of sizes) {
  const folder = corpusFolder(count);
  const texts = readTexts(folder);
  progress(`${int(count)} articles: analysing on one thread`);
  const corpus = new Corpus(options);
  let analysisMs = 0;
  const stored: string[] = []; // as the persistent index keeps them, for the warm start
  for (const { file, text } of texts) {
    const [analysis, took] = time(() => analyseArticle(text, options));
    analysisMs += took;
    stored.push(encodeAnalysis(analysis, text));
    corpus.primeAnalysis(analysis);
    corpus.setArticle(file, text);
  }
  sampleRss();
  // the corpus keeps a bounded cache of analyses: those it dropped are redone inside resolve(), on the main thread
  const cached = texts.filter(({ text }) => corpus.isAnalysed(text)).length;
  const totalBytes = texts.reduce((n, { text }) => n + bytesOf(text), 0);
  console.log(`${int(count)} articles (${mb(totalBytes)}): cold analysis, one thread ${seconds(analysisMs)} (${ms(analysisMs / count)} per article); analyses held by the corpus after priming: ${int(cached)} of ${int(count)}`);
  const row: Row = { count, analysisMs, cached };
  progress(`${int(count)} articles: analysing with the extension's worker pool`);
  row.poolMs = poolAnalysis(folder);
  console.log(typeof row.poolMs === 'number'
    ? `${int(count)} articles: cold analysis, the extension's ${poolWorkers} worker${poolWorkers === 1 ? '' : 's'} at their priority ${seconds(row.poolMs)} (${ms(row.poolMs / count)} per article; ${(analysisMs / row.poolMs).toFixed(2)}× one thread)`
    : `${int(count)} articles: cold analysis with the extension's workers skipped (${row.poolMs})`);
  rows.push(row);
  if (resolveSkippedBecause) {
    row.note = resolveSkippedBecause;
    console.log(`${int(count)} articles: first resolve skipped (${resolveSkippedBecause})`);
  } else {
    progress(`${int(count)} articles: first resolve`);
    const [, firstMs] = time(() => corpus.resolve());
    row.firstMs = firstMs;
    sampleRss();
    console.log(`${int(count)} articles: first resolve ${seconds(firstMs)}`);
    // the events are grouped when first asked for (the Events view shown, the timeline, an export)
    const [, eventsMs] = time(() => corpus.resolve().events.length);
    row.eventsMs = eventsMs;
    console.log(`${int(count)} articles: events grouped when first shown ${seconds(eventsMs)}`);
    if (firstMs > maxResolveSeconds * 1000) {
      row.note = `skipped: first resolve took ${(firstMs / 1000).toFixed(0)} s`;
      resolveSkippedBecause = `the first resolve of ${int(count)} articles took ${(firstMs / 1000).toFixed(0)} s, over --max-resolve-seconds ${maxResolveSeconds}`;
      console.log(`${int(count)} articles: one edit (${row.note})`);
    } else {
      const { file, text } = ordinaryArticle(texts);
      row.edits = [];
      const eventEdits: number[] = [];
      for (const word of words) {
        const edited = `${text} ${word}`;
        corpus.primeAnalysis(analyseArticle(edited, options)); // the worker's part, not timed
        corpus.setArticle(file, edited);
        progress(`${int(count)} articles: resolve after appending "${word}"`);
        row.edits.push(time(() => corpus.resolve())[1]);
        eventEdits.push(time(() => corpus.resolve().events.length)[1]);
      }
      sampleRss();
      const e = row.edits;
      console.log(`${int(count)} articles: one edit of a ${int(bytesOf(text) / 1024)} KB article, main thread resolve: median ${ms(median(e))} (min ${ms(Math.min(...e))}, max ${ms(Math.max(...e))}, ${e.length} edits)`);
      console.log(`${int(count)} articles: one edit, its events regrouped when the Events view shows them: median ${ms(median(eventEdits))} (min ${ms(Math.min(...eventEdits))}, max ${ms(Math.max(...eventEdits))})`);
      // quotes grouped by utterance (People view, hover, Compare Quote), kept up to date after each edit; these
      // edits add a quotation, so that its words are compared with the corpus, then the whole corpus is grouped afresh
      const utterances = new UtteranceIndex();
      utterances.update(corpus.resolve());
      const u: number[] = [];
      for (const word of words) {
        const edited = `${text}\n\n"${word}, we made a lot of progress on trade and we will meet again very soon," the minister said.`;
        corpus.primeAnalysis(analyseArticle(edited, options));
        corpus.setArticle(file, edited);
        const view = corpus.resolve();
        u.push(time(() => utterances.update(view))[1]);
      }
      const [, fullMs] = time(() => groupUtterances(corpus.resolve()));
      console.log(`${int(count)} articles: one edit, utterances: median ${ms(median(u))} (min ${ms(Math.min(...u))}, max ${ms(Math.max(...u))}, ${u.length} edits adding a quotation; full grouping ${ms(fullMs)})`);
    }
  }
  largest = { count, rss: sampleRss() };
  // warm start, core cost: every analysis read back from the index's format, the corpus resolved whenever a
  // scan refreshes the views (src/core/corpus/pacing.ts; file reading and the views themselves not counted)
  if (!resolveSkippedBecause) {
    progress(`${int(count)} articles: warm start`);
    const warm = new Corpus(options);
    let decodeMs = 0, resolveMs = 0, resolves = 0, lastMs = 0, shown = performance.now();
    texts.forEach(({ file, text }, i) => {
      const [analysis, took] = time(() => decodeAnalysis(stored[i], text));
      decodeMs += took;
      warm.primeAnalysis(analysis);
      warm.setArticle(file, text);
      if (performance.now() - shown > refreshInterval(SCAN_REFRESH, lastMs) || i === texts.length - 1) {
        shown = performance.now();
        lastMs = time(() => warm.resolve())[1];
        resolveMs += lastMs;
        resolves++;
      }
    });
    row.warm = { decodeMs, resolveMs, resolves };
    console.log(`${int(count)} articles: warm start, core cost ${seconds(decodeMs + resolveMs)} (analyses read from the index's format ${seconds(decodeMs)}, ${resolves} resolve${resolves === 1 ? '' : 's'} as a scan refreshes the views, ${seconds(resolveMs)})`);
    // the last session's lists (src/vscode/lastSession.ts): kept after a change, read back and shown at the next
    // start; with the events, as when the Events view is open (grouped before, as the view had them)
    const view = warm.resolve();
    // the events grouped a step at a time, as the Events view of a large folder does in slices of 50 ms
    // (src/vscode/trees/events.ts): how long a step holds the main thread at most
    const job = warm.groupEventsInSteps();
    let steps = 0, longest = 0, inAll = 0;
    for (let done: unknown; job && !done;) {
      const started = performance.now();
      done = job.run(() => true);
      const took = performance.now() - started;
      steps++; inAll += took; longest = Math.max(longest, took);
    }
    if (job) console.log(`${int(count)} articles: events grouped in steps (the Events view's slices) in ${seconds(inAll)}, ${int(steps)} steps, the longest ${ms(longest)}`);
    const events = view.events;
    const [encoded, keepMs] = time(() => encodeSnapshot(view, new Map(warm.paths().map(p => [p, warm.fingerprint(p)!])), warm.paths(), ['PERSON', 'ORG', 'PLACE'], warm.groupedEvents()));
    const [lists, readMs] = time(() => decodeSnapshot(encoded));
    row.lists = { readMs, keepMs, bytes: bytesOf(encoded) };
    console.log(`${int(count)} articles: warm start, the last session's lists read back ${ms(readMs)} (${int(lists.entities.size)} people, organisations and places, ${int(lists.events?.length ?? 0)} of ${int(events.length)} events, ${mb(row.lists.bytes)}; kept in ${ms(keepMs)})`);
  }
}

// ---- the table: growth with the number of articles ----
const base = rows.find(r => r.edits);
console.log('');
console.log(`| articles | cold analysis, one thread | cold analysis, ${poolWorkers} worker${poolWorkers === 1 ? '' : 's'} | first resolve | events grouped when first shown | warm start, core cost | warm start, lists read back | one edit (median, min–max) | edit cost per article vs smallest |`);
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  const edit = r.edits ? `${ms(median(r.edits))} (${ms(Math.min(...r.edits))}–${ms(Math.max(...r.edits))})` : `(${r.note})`;
  const ratio = r.edits && base ? `${((median(r.edits) / r.count) / (median(base.edits!) / base.count)).toFixed(2)}×` : '–';
  const warm = r.warm ? seconds(r.warm.decodeMs + r.warm.resolveMs) : '(skipped)';
  console.log(`| ${int(r.count)} | ${seconds(r.analysisMs)} | ${typeof r.poolMs === 'number' ? seconds(r.poolMs) : '(skipped)'} | ${r.firstMs === undefined ? `(skipped)` : seconds(r.firstMs)} | ${r.eventsMs === undefined ? '–' : seconds(r.eventsMs)} | ${warm} | ${r.lists ? ms(r.lists.readMs) : '–'} | ${edit} | ${ratio} |`);
}
const uncached = rows.filter(r => r.cached < r.count);
if (uncached.length) console.log(`note: the corpus's analysis cache is bounded — it held ${uncached.map(r => `${int(r.cached)} of ${int(r.count)}`).join(', ')} analyses after priming; resolve() redoes the others on the main thread`);
const measured = rows.filter(r => r.edits);
if (measured.length >= 2) {
  const a = measured[0], b = measured[measured.length - 1];
  const k = b.count / a.count, g = median(b.edits!) / median(a.edits!);
  console.log(`growth: ${k.toFixed(1)}× the articles → one edit ${g.toFixed(1)}× slower (linear would be ${k.toFixed(1)}×, quadratic ${(k * k).toFixed(0)}×)`);
}
console.log('');

// ---- memory, package, activation ----
const maxRss = process.resourceUsage().maxRSS * 1024;
if (largest) console.log(`memory: rss ${mb(largest.rss)} with ${int(largest.count)} articles loaded; highest rss sampled ${mb(rssPeakSample)}; peak (maxRSS) of the whole run ${mb(maxRss)}`);
const vsix = fs.readdirSync('.').filter(f => f.endsWith('.vsix')).map(f => ({ f, stat: fs.statSync(f) })).sort((x, y) => y.stat.mtimeMs - x.stat.mtimeMs)[0];
console.log(vsix ? `VSIX size: ${mb(vsix.stat.size)} (${vsix.f}, ${int(vsix.stat.size)} bytes)` : 'VSIX size: no .vsix in the project root — run npm run package first');
console.log('activation: not measured here (needs VS Code\'s extension host; belongs to the integration tier)');

// ---- one line ----
const last = measured[measured.length - 1];
console.log(`summary: ${int(sampleTokens / (sampleMs / 1000))} tokens/s on one core; ${int(rows[rows.length - 1].count)} articles analysed in ${seconds(rows[rows.length - 1].analysisMs)} on one thread`
  + (last ? `; one edit with ${int(last.count)} articles costs the main thread ${ms(median(last.edits!))}` : '; no edit measured')
  + (resolveSkippedBecause ? ` (larger sizes not resolved: ${resolveSkippedBecause})` : '')
  + `; peak memory ${mb(maxRss)}`);
