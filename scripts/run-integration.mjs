// Integration tier: runs the vscode-API mocha suite (out/test/integration/index.js) inside the real
// VS Code extension host of code-server, with the extension loaded from this folder (no .vsix).
// Needs `npm run build` and `npm run compile-tests` first. Writes .test-output/results/integration.json.
// usage: node scripts/run-integration.mjs            env: SOURCE_ANNOTATOR_EXT_DIR (default: repo root)
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { ROOT, cleanup, isHarmlessNoise, log, openSession, screenshot, writeTierResult } from './lib/code-server.mjs';

const TIMEOUT_MS = 480000; // the whole suite, with room for a loaded machine
const extDir = path.resolve(process.env.SOURCE_ANNOTATOR_EXT_DIR || ROOT);
const testsModule = path.join(extDir, 'out', 'test', 'integration', 'index');

let passed = 0, failed = 0, reason = '';
try {
  const pkg = JSON.parse(fs.readFileSync(path.join(extDir, 'package.json'), 'utf8'));
  const main = path.resolve(extDir, pkg.main || 'dist/extension.js');
  if (!fs.existsSync(main)) throw new Error(`${path.relative(ROOT, main)} is missing: run \`npm run build\` first`);
  if (!fs.existsSync(`${testsModule}.js`)) throw new Error(`${path.relative(ROOT, testsModule)}.js is missing: run \`npm run compile-tests\` first`);

  const session = await openSession('integration', { args: ['--vscode-option', 'enable-smoke-test-driver'] });
  const { server, state } = session;
  const resultFile = path.join(state.dir, 'result.json');
  const page = await session.newPage();

  // the workbench hands every log line (the extension host's console included) to window.codeAutomationLog
  // and calls window.codeAutomationExit(code) when the suite is done; both must exist before page.goto
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = util.format(...(Array.isArray(args) ? args : [args]));
    if (!isHarmlessNoise(line)) console.log(`[exthost ${type}] ${line}`);
  });
  let onExit;
  const exited = new Promise(r => (onExit = r));
  await page.exposeFunction('codeAutomationExit', code => onExit(code));
  page.on('pageerror', e => log('[page error]', e.message));

  const payload = [
    ['extensionDevelopmentPath', server.remote(extDir)],
    ['extensionTestsPath', server.remote(testsModule)],
    ['extensionEnvironment', JSON.stringify({ SOURCE_ANNOTATOR_TEST_RESULT: resultFile, SOURCE_ANNOTATOR_TEST_WORKSPACE: state.ws })],
  ];
  log('running the suite in', path.relative(ROOT, state.ws));
  await page.goto(server.url({ folder: state.ws, payload }));
  const code = await Promise.race([exited, new Promise(r => setTimeout(() => r('timeout'), TIMEOUT_MS))]);
  log('extension host finished:', code === 'timeout' ? `timed out after ${TIMEOUT_MS / 1000} s` : `exit code ${code}`);
  if (code === 'timeout') await screenshot(page, 'integration-timeout.png').catch(() => {});

  // the extension host exits 0 even when tests fail: the result file is what counts
  if (fs.existsSync(resultFile)) {
    const r = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
    passed = r.passed | 0;
    failed = r.failed | 0;
    for (const t of (r.tests || []).filter(x => x.state === 'failed')) log(`failed: ${t.title}`);
    if (code === 'timeout') { failed += 1; reason = 'timed out after writing results'; }
    else if (passed + failed === 0) { failed = 1; reason = 'the suite ran no tests'; }
  } else {
    failed = 1;
    reason = `no result file (${code === 'timeout' ? 'timeout' : `exit code ${code}`}); see ${path.relative(ROOT, server.logFile)}`;
  }
} catch (e) {
  failed += 1;
  reason = e.stack || String(e);
} finally {
  await cleanup();
}
if (reason) log('ERROR', reason);
writeTierResult('integration', { passed, failed });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || !passed ? 1 : 0);
