// `npm test`: every tier in order, output streamed, all tiers run even when one fails:
//   typecheck, build, unit (mocha), integration (code-server + vscode API suite), package + e2e (UI on the .vsix).
// Step tiers (typecheck, build, package) count 1 passed or 1 failed; test tiers report their own counts in
// .test-output/results/<tier>.json; a tier that crashes or writes no result counts as 1 failed.
// Ends with a table and one line `N passed, N failed`; exit code 1 if anything failed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { RESULTS, ROOT, setupTools } from './lib/code-server.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const node = process.execPath;
const rows = [];

function banner(text) { console.log(`\n${'='.repeat(100)}\n== ${text}\n${'='.repeat(100)}`); }

/** Runs a command with inherited stdio; resolves {code, seconds}. Never rejects. */
function run(cmd, args, env = {}) {
  const t = Date.now();
  return new Promise(resolve => {
    console.log(`$ ${[cmd, ...args].map(a => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')}`);
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
    child.on('error', e => { console.error(`cannot start ${cmd}: ${e.message}`); resolve({ code: 127, seconds: (Date.now() - t) / 1000 }); });
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), seconds: (Date.now() - t) / 1000 }));
  });
}

/** A step tier: passes or fails as a whole. */
async function step(name, cmd, args) {
  banner(name);
  const r = await run(cmd, args);
  rows.push({ tier: name, passed: r.code === 0 ? 1 : 0, failed: r.code === 0 ? 0 : 1, seconds: r.seconds, note: r.code === 0 ? '' : `exit ${r.code}` });
  return r.code === 0;
}

/** A test tier: its counts come from .test-output/results/<file>.json, written by the tier itself. */
async function testTier(name, file, cmd, args) {
  banner(name);
  const resultFile = path.join(RESULTS, `${file}.json`);
  fs.rmSync(resultFile, { force: true }); // never read a result left by an earlier run
  const r = await run(cmd, args, { SOURCE_ANNOTATOR_TIER_RESULT: resultFile });
  let counts = null;
  try { counts = JSON.parse(fs.readFileSync(resultFile, 'utf8')); } catch {}
  const valid = counts && Number.isInteger(counts.passed) && Number.isInteger(counts.failed);
  const row = { tier: name, seconds: r.seconds, passed: valid ? counts.passed : 0, failed: valid ? counts.failed : 1, note: '' };
  if (!valid) row.note = `no result (exit ${r.code})`;
  else if (r.code !== 0 && row.failed === 0) { row.failed = 1; row.note = `exit ${r.code} with 0 failed`; }
  else if (r.code !== 0) row.note = `exit ${r.code}`;
  rows.push(row);
}

function skipped(name, why) {
  rows.push({ tier: name, passed: 0, failed: 1, seconds: 0, note: `not run: ${why}` });
}

const t0 = Date.now();
await step('typecheck', npm, ['run', '--silent', 'typecheck']);
const built = await step('build', npm, ['run', '--silent', 'build']);
await testTier('unit', 'unit', npm, ['run', '--silent', 'test:unit']);

banner('setup-test-tools (code-server, chromium, Node 24)');
try { setupTools(); } catch (e) { console.error(`${e.message}; the tiers below will try again and probably fail`); }

if (built) await testTier('integration', 'integration', node, [path.join(ROOT, 'scripts', 'run-integration.mjs')]);
else skipped('integration', 'the build failed');

const packaged = await step('package', node, [path.join(ROOT, 'scripts', 'package.mjs')]);
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const vsix = path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`);
if (packaged && fs.existsSync(vsix)) await testTier('e2e', 'e2e', node, [path.join(ROOT, 'test', 'e2e', 'ui.e2e.mjs'), vsix]);
else skipped('e2e', 'no .vsix');

const passed = rows.reduce((n, r) => n + r.passed, 0);
const failed = rows.reduce((n, r) => n + r.failed, 0);
banner(`summary (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
const w = Math.max(...rows.map(r => r.tier.length));
console.log(`${'tier'.padEnd(w)}  passed  failed  seconds  note`);
for (const r of rows) {
  console.log(`${r.tier.padEnd(w)}  ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}  ${r.seconds.toFixed(1).padStart(7)}  ${r.failed ? 'FAIL ' : 'ok   '}${r.note}`);
}
fs.mkdirSync(RESULTS, { recursive: true });
fs.writeFileSync(path.join(RESULTS, 'all.json'), JSON.stringify({ passed, failed, tiers: rows }, null, 2));
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
