// The cold analysis of a folder as the extension's worker pool makes it: `workers` analysis workers
// (dist/worker.js, `npm run build` first) at the priority the extension gives them (src/worker.ts), texts
// handed out as they free up. Prints one JSON line: {"articles", "workers", "ms"} (the files' reading not timed).
// Run by scale.ts in a process of its own; usage: node scripts/run-ts.mjs scripts/bench/pool.ts <folder> <workers>
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyseInWorkers } from '../../src/cliWorkers';
import { DEFAULT_MAX_LENGTH } from '../../src/core/analysis';

const [folder, workersArg] = process.argv.slice(2);
const workers = Number(workersArg);
if (!folder || !(workers >= 1)) { console.error('usage: pool.ts <folder> <workers>'); process.exit(2); }
const script = path.resolve('dist', 'worker.js');
if (!fs.existsSync(script)) { console.error(`pool.ts: ${script} not found (npm run build first)`); process.exit(2); }
const texts = (fs.readdirSync(folder, { recursive: true }) as string[]).filter(f => f.endsWith('.txt')).sort().map(f => fs.readFileSync(path.join(folder, f), 'utf8'));
const started = performance.now();
analyseInWorkers(texts, { script, modelPath: path.resolve('media', 'ner-model.bin'), speakerModelPath: path.resolve('media', 'speaker-model.json'), maxLength: DEFAULT_MAX_LENGTH, threads: workers, background: true }).then(
  analyses => {
    if (!analyses || analyses.length !== texts.length) { console.error('pool.ts: the workers gave no analyses'); process.exit(1); }
    console.log(JSON.stringify({ articles: texts.length, workers, ms: performance.now() - started }));
  },
  (e: Error) => { console.error(`pool.ts: ${e.message}`); process.exit(1); },
);
