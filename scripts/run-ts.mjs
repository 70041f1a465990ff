// Runs one of the project's TypeScript scripts (training, evaluation, benchmarks), bundled by esbuild on the
// fly so that it shares the extension's core code. usage: node scripts/run-ts.mjs scripts/ner/eval.ts [args…]
// RUN_TS_FLAGS passes extra flags to node, e.g. RUN_TS_FLAGS='--cpu-prof --cpu-prof-dir=/tmp/prof' for a profile.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import fs from 'node:fs';

const [script, ...args] = process.argv.slice(2);
if (!script || !script.endsWith('.ts') || !fs.existsSync(script)) { console.error('usage: run-ts.mjs <script.ts> [args…]'); process.exit(2); }
const outDir = path.join('.test-output', 'scripts');
fs.mkdirSync(outDir, { recursive: true });
const outfile = path.join(outDir, `${path.basename(path.dirname(script))}-${path.basename(script, '.ts')}.cjs`);
await esbuild.build({ entryPoints: [script], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'warning', sourcemap: 'inline' });
const r = spawnSync(process.execPath, ['--max-old-space-size=8192', ...(process.env.RUN_TS_FLAGS ? process.env.RUN_TS_FLAGS.split(' ') : []), '--enable-source-maps', outfile, ...args], { stdio: 'inherit' });
process.exit(r.status ?? 1);
