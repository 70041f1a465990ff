// `npm start`: build, then open sample-corpus with the extension loaded.
//  - with VS Code installed (`code` on PATH): code --extensionDevelopmentPath=<repo> <repo>/sample-corpus
//  - otherwise: code-server on 127.0.0.1:<free port>, opened in your own browser (no chromium is installed) with the packaged extension installed into a fresh
//    extensions dir (a release code-server loads a development folder only in smoke-test mode, which hides
//    notifications); runs until Ctrl+C.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  ROOT, SAMPLE_CORPUS, cleanup, installVsix, isStopping, loadTools, log, makeState, startCodeServer,
} from './lib/code-server.mjs';

function onPath(cmd) {
  return (process.env.PATH || '').split(path.delimiter).some(d => d && fs.existsSync(path.join(d, cmd)));
}
function mustRun(cmd, args, what) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) { console.error(`start: ${what} failed (exit ${r.status ?? r.signal})`); process.exit(1); }
}

if (onPath('code') && !process.env.SOURCE_ANNOTATOR_USE_CODE_SERVER) {
  mustRun('npm', ['run', '--silent', 'build'], 'the build');
  log(`code --extensionDevelopmentPath=${ROOT} ${SAMPLE_CORPUS}`);
  const r = spawnSync('code', [`--extensionDevelopmentPath=${ROOT}`, SAMPLE_CORPUS], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

// code-server: package (vsce runs the production build), install into a fresh state, serve the real sample-corpus
const tools = loadTools({ browser: false }); // the address is opened in the user's browser: no chromium, no root
mustRun(process.execPath, [path.join(ROOT, 'scripts', 'package.mjs')], 'packaging');
const extDir = path.resolve(process.env.SOURCE_ANNOTATOR_EXT_DIR || ROOT); // package.mjs honours it too
const pkg = JSON.parse(fs.readFileSync(path.join(extDir, 'package.json'), 'utf8'));
const vsix = path.join(extDir, `${pkg.name}-${pkg.version}.vsix`);
const state = makeState('start', { workspace: null, settings: { 'workbench.startupEditor': 'none' } });
installVsix(tools, state, vsix);
const server = await startCodeServer(tools, state);
const url = server.url({ folder: SAMPLE_CORPUS });
console.log(`\nSource Annotator is running: ${url}\n(Annotations are written beside the articles in sample-corpus/. Ctrl+C to stop.)\n`);
log(`code-server log: ${path.relative(ROOT, server.logFile)}`);

// stop with code-server: if it dies, say so and exit; Ctrl+C / SIGTERM kill its process group (lib/code-server.mjs)
server.proc.once('exit', async (code, signal) => {
  if (isStopping()) return;
  console.error(`code-server exited (${code ?? signal}); see ${server.logFile}`);
  await cleanup();
  process.exit(1);
});
// keep the event loop alive until a signal arrives
setInterval(() => {}, 1 << 30);
