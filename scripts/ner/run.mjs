// Runs a TypeScript script of this folder (train.ts, eval.ts), bundled by esbuild on the fly so that it
// shares the extension's core code. usage: node scripts/ner/run.mjs train|eval [args…]
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const [name, ...args] = process.argv.slice(2);
if (!['train', 'eval'].includes(name)) { console.error('usage: run.mjs train|eval [args…]'); process.exit(2); }
const outDir = path.join(here, '..', '..', '.test-output', 'ner');
fs.mkdirSync(outDir, { recursive: true });
const outfile = path.join(outDir, `${name}.cjs`);
await esbuild.build({ entryPoints: [path.join(here, `${name}.ts`)], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'warning', sourcemap: 'inline' });
const r = spawnSync(process.execPath, ['--max-old-space-size=8192', '--enable-source-maps', outfile, ...args], { stdio: 'inherit' });
process.exit(r.status ?? 1);
