// Shared helpers for the tiers that run the real VS Code: code-server (VS Code in a browser + the real Node
// extension host) driven by playwright-core and Debian's chromium. Used by scripts/run-integration.mjs,
// test/e2e/ui.e2e.mjs, scripts/start.mjs, scripts/package.mjs and scripts/test-all.mjs.
import { execSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const OUTPUT = path.join(ROOT, '.test-output');
export const RESULTS = path.join(OUTPUT, 'results');
export const SCREENSHOTS = path.join(OUTPUT, 'screenshots');
export const SAMPLE_CORPUS = path.join(ROOT, 'sample-corpus');
export const TOOLS = process.env.SOURCE_ANNOTATOR_TOOLS || path.join(ROOT, '.test-tools');
const SYSTEM_TMP = os.tmpdir(); // before makeState() points TMPDIR into a state dir

// what this process started, for cleanup(): code-server process groups and browsers
const groups = new Set();
const browsers = new Set();

const t0 = Date.now();
export const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
export const log = (...a) => console.log(`[${elapsed()}]`, ...a);
export const sleep = ms => new Promise(r => setTimeout(r, ms));

/** Lines of VS Code's own logs that say nothing about our extension (no internet, no GitHub account,
 *  the workbench's connection bookkeeping). */
export const isHarmlessNoise = line =>
  /ENOTFOUND open-vsx|open-vsx\.org|vsda.*File not found|authentication provider 'github'|getaddrinfo (ENOTFOUND|EAI_AGAIN)/.test(line)
  || /^(Resolv(ing|ed) connection token|Creating a socket|\[reconnection-grace-time\]|Updating additional builtin extensions cache|\[Service Worker\] registered|\[AgentHost:remote\] Initializing|\[AccountPolicyGate\] apply: state=inactive)/.test(line);

// ---------------------------------------------------------------------------------------------- tools
/**
 * process.env without what an enclosing `npm test` / `npm run` exports about itself. An inner `npm install`
 * reads npm_config_* from the environment: code-server's postinstall then sees the OUTER npm's user agent
 * ("node/v20") and refuses to install, and npm_config_local_prefix names this project.
 */
export function envWithoutNpmRun(env = process.env) {
  const drop = /^(npm_config_(user_agent|local_prefix|call|npm_version|node_gyp)|npm_lifecycle_.*|npm_package_.*|npm_command|npm_execpath|npm_node_execpath|NODE|INIT_CWD)$/;
  return Object.fromEntries(Object.entries(env).filter(([k]) => !drop.test(k)));
}

/** Runs scripts/setup-test-tools.sh (idempotent: seconds when everything is there). */
export function setupTools(serveOnly = false) {
  const r = spawnSync('bash', [path.join(ROOT, 'scripts', 'setup-test-tools.sh'), ...(serveOnly ? ['--serve'] : [])], { stdio: 'inherit', cwd: ROOT, env: envWithoutNpmRun() });
  if (r.status !== 0) throw new Error(`scripts/setup-test-tools.sh failed (exit ${r.status ?? r.signal})`);
}

/**
 * {node24, codeServer, chromium} from .test-tools/env.json, installing the tools first if needed. With
 * `{ browser: false }` (npm start: the user opens the address in their own browser) chromium is neither
 * needed nor installed, so nothing asks for root.
 */
export function loadTools({ browser = true } = {}) {
  const file = path.join(TOOLS, 'env.json');
  const read = () => {
    if (!fs.existsSync(file)) return null;
    const t = JSON.parse(fs.readFileSync(file, 'utf8'));
    return [t.node24, t.codeServer, ...(browser ? [t.chromium] : [])].every(p => p && fs.existsSync(p)) ? t : null;
  };
  let tools = read();
  if (!tools) { setupTools(!browser); tools = read(); }
  if (!tools) throw new Error(`${file} is missing or names files that do not exist`);
  if (process.env.CHROMIUM) tools.chromium = process.env.CHROMIUM;
  return tools;
}

// ---------------------------------------------------------------------------------------------- state
const pidAlive = pid => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; } };

/** Deletes earlier state dirs `<name>-*` whose owning process is gone (the newest ones stay for debugging). */
function pruneStates(parent, name) {
  for (const d of fs.existsSync(parent) ? fs.readdirSync(parent) : []) {
    if (!d.startsWith(`${name}-`)) continue;
    let pid = 0;
    try { pid = Number(fs.readFileSync(path.join(parent, d, 'pid'), 'utf8')); } catch {}
    if (!pid || !pidAlive(pid)) fs.rmSync(path.join(parent, d), { recursive: true, force: true });
  }
}

/**
 * A fresh, isolated state dir .test-output/run/<name>-XXXXXX with user-data-dir (clean settings.json),
 * extensions-dir, HOME, XDG_* dirs, TMPDIR and a copy of `workspace` (default sample-corpus; null = none).
 * `settings` are merged over the defaults (e.g. {'workbench.colorTheme': 'Default Dark Modern'}).
 */
export function makeState(name, { settings = {}, workspace = SAMPLE_CORPUS } = {}) {
  // unix sockets live in the state (user-data/code-server-ipc.sock, chromium's tmp/…/SingletonSocket) and a
  // socket path has at most 107 bytes: a checkout in a deep folder keeps its state under the system temp dir
  let parent = path.join(OUTPUT, 'run');
  if (`${parent}/${name}-XXXXXX/user-data/code-server-ipc.sock`.length > 100) parent = path.join(SYSTEM_TMP, 'source-annotator-run');
  fs.mkdirSync(parent, { recursive: true });
  pruneStates(parent, name);
  const dir = fs.mkdtempSync(path.join(parent, `${name}-`));
  fs.writeFileSync(path.join(dir, 'pid'), String(process.pid));
  const s = { name, dir, udd: `${dir}/user-data`, ext: `${dir}/extensions`, home: `${dir}/home`,
    xdgConfig: `${dir}/xdg-config`, xdgData: `${dir}/xdg-data`, xdgCache: `${dir}/xdg-cache`, tmp: `${dir}/tmp` };
  for (const d of [s.udd, s.ext, s.home, s.xdgConfig, s.xdgData, s.xdgCache, s.tmp, `${s.udd}/User`]) fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(`${s.udd}/User/settings.json`, JSON.stringify({
    'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, 'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.disableAIFeatures': true, 'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'git.enabled': false,
    'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': false, ...settings,
  }, null, 2));
  if (workspace) {
    s.ws = path.join(dir, path.basename(workspace));
    fs.cpSync(workspace, s.ws, { recursive: true });
  }
  // Nothing of the outer VS Code (a terminal inside VS Code sets VSCODE_IPC_HOOK_CLI etc.) may leak in.
  const base = Object.fromEntries(Object.entries(envWithoutNpmRun()).filter(([k]) => !/^(VSCODE_|ELECTRON_)/.test(k)));
  s.env = { ...base, HOME: s.home, XDG_CONFIG_HOME: s.xdgConfig, XDG_DATA_HOME: s.xdgData, XDG_CACHE_HOME: s.xdgCache, TMPDIR: s.tmp };
  process.env.TMPDIR = s.tmp; // playwright's own temp profile
  return s;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().once('error', reject)
      .listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

// ---------------------------------------------------------------------------------------------- code-server
const csBaseArgs = s => ['--user-data-dir', s.udd, '--extensions-dir', s.ext];
const csEnv = (tools, s) => ({ ...s.env, PATH: `${path.dirname(tools.node24)}${path.delimiter}${s.env.PATH}` });

/** `code-server --install-extension <vsix>` into the state's extensions dir. */
export function installVsix(tools, s, vsix) {
  const r = spawnSync(tools.node24, [tools.codeServer, ...csBaseArgs(s), '--install-extension', path.resolve(vsix)],
    { env: csEnv(tools, s), encoding: 'utf8' });
  const out = `${r.stdout || ''}${r.stderr || ''}`.split('\n').filter(l => l.trim() && !isHarmlessNoise(l));
  out.forEach(l => log('[install]', l));
  if (r.status !== 0 || !/successfully installed/i.test(out.join('\n'))) throw new Error(`installing ${vsix} failed (exit ${r.status})`);
}

/**
 * Starts code-server detached (own process group) on 127.0.0.1:<free port> and waits for /healthz.
 * Returns {proc, port, base, remote(absPath), url({folder, payload}), logFile}.
 */
export async function startCodeServer(tools, s, { args = [], timeoutMs = 60000 } = {}) {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const logFile = path.join(s.dir, 'code-server.log');
    const fd = fs.openSync(logFile, 'a');
    const proc = spawn(tools.node24, [tools.codeServer, ...csBaseArgs(s), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', ...args],
    { env: csEnv(tools, s), detached: true, stdio: ['ignore', fd, fd] });
    fs.closeSync(fd);
    let exited = null;
    proc.once('exit', (code, sig) => { exited = code ?? sig; });
    groups.add(proc.pid);
    const base = `http://127.0.0.1:${port}`;
    const until = Date.now() + timeoutMs;
    while (exited === null && Date.now() < until) {
      try { if ((await fetch(`${base}/healthz`)).ok) break; } catch {}
      await sleep(100);
    }
    if (exited === null && Date.now() < until) {
      return {
        proc, port, base, logFile,
        remote: p => `vscode-remote://127.0.0.1:${port}${p}`, // authority must be the page's host:port
        url: ({ folder, payload } = {}) => `${base}/?${[folder && `folder=${encodeURIComponent(folder)}`,
          payload && `payload=${encodeURIComponent(JSON.stringify(payload))}`].filter(Boolean).join('&')}`,
      };
    }
    await killGroup(proc.pid);
    const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n');
    if (attempt < 3 && /EADDRINUSE/.test(tail)) continue;
    throw new Error(`code-server did not answer on ${base}/healthz (exit ${exited ?? 'none, timed out'}); log:\n${tail}`);
  }
}

// ---------------------------------------------------------------------------------------------- cleanup
const groupAlive = pid => { try { process.kill(-pid, 0); return true; } catch { return false; } };

/** SIGTERM the process group, wait up to 3 s, then SIGKILL what is left (the extension host, watchers). */
export async function killGroup(pid) {
  try { process.kill(-pid, 'SIGTERM'); } catch {}
  for (let i = 0; i < 30 && groupAlive(pid); i++) await sleep(100);
  try { process.kill(-pid, 'SIGKILL'); } catch {}
  groups.delete(pid);
}

/** Closes every browser and kills every code-server this process started. Safe to call twice. */
export async function cleanup() {
  for (const b of [...browsers]) { try { await b.close(); } catch {} browsers.delete(b); }
  for (const pid of [...groups]) await killGroup(pid);
}
process.once('exit', () => { for (const pid of groups) { try { process.kill(-pid, 'SIGKILL'); } catch {} } });
let stopping = false;
/** True once a signal has started the cleanup (child 'exit' handlers can then stay quiet). */
export const isStopping = () => stopping;
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(sig, () => {
    stopping = true;
    console.error(`\n${sig}: stopping code-server and chromium`);
    cleanup().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------- browser
/** Debian chromium via playwright-core, with HOME / XDG dirs inside the state dir. */
export async function launchBrowser(tools, s) {
  const { chromium } = await import('playwright-core');
  // Chromium puts its singleton socket in TMPDIR, and a socket's path may not pass 107 characters: inside a
  // state dir of a clone in /tmp/tmp.XXXXXXXXXX it did (110 for the high-contrast session), and Chromium aborted
  const socketDir = fs.mkdtempSync(path.join(SYSTEM_TMP, 'sa-chromium-'));
  const browser = await chromium.launch({
    executablePath: tools.chromium, headless: true,
    env: { ...s.env, HOME: s.home, XDG_CONFIG_HOME: `${s.home}/.config`, XDG_CACHE_HOME: `${s.home}/.cache`, TMPDIR: socketDir },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  }).catch(e => {
    fs.rmSync(socketDir, { recursive: true, force: true });
    throw e;
  });
  browser.on('disconnected', () => fs.rmSync(socketDir, { recursive: true, force: true }));
  browsers.add(browser);
  return browser;
}

/**
 * Everything at once: tools, state, optional VSIX install, code-server, chromium.
 * opts: {settings, workspace, vsix, args (extra code-server args)}. Returns {tools, state, server, browser, newPage, close}.
 */
export async function openSession(name, { settings, workspace, vsix, args } = {}) {
  const tools = loadTools();
  const state = makeState(name, { settings, workspace });
  if (vsix) { installVsix(tools, state, vsix); log('installed', path.basename(vsix)); }
  const server = await startCodeServer(tools, state, { args });
  log(`code-server ${server.base} (state ${path.relative(ROOT, state.dir)})`);
  const browser = await launchBrowser(tools, state);
  return {
    tools, state, server, browser,
    newPage: () => browser.newPage({ viewport: { width: 1280, height: 800 } }),
    async close() {
      browsers.delete(browser);
      try { await browser.close(); } catch {}
      await killGroup(server.proc.pid);
    },
  };
}

// ---------------------------------------------------------------------------------------------- workbench UI
const QUICK_INPUT = '.quick-input-widget';

/** The newest extension host process: its pid and rss in bytes (zeros between hosts). */
export function extensionHostProcess() {
  const line = execSync("ps -eo pid,rss,args | grep -- '--type=extensionHost' | grep -v grep | tail -1 || true").toString().trim();
  const [pid, rss] = line.split(/\s+/).map(Number);
  return { pid: pid || 0, rss: (rss || 0) * 1024 };
}

/** Opens the Source Annotator view and gives its People pane (a reload may restore the view open: a click would close it). */
export async function showPeople(page) {
  const people = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^\s*People/i }) }).first();
  const item = page.locator('.activitybar .action-item a[aria-label*="Source Annotator"]').first();
  await item.waitFor({ timeout: 60000 });
  // a view restored open may show a moment after its activity bar item: wait for it before a click, and
  // click again if a click came as it opened (and closed it)
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await people.waitFor({ state: 'visible', timeout: attempt ? 10000 : 3000 }).then(() => true, () => false)) return people;
    await item.click({ force: true });
  }
  await people.waitFor({ state: 'visible', timeout: 30000 });
  return people;
}

/**
 * Waits until People lists people and no longer says it is reading; `tick` runs at each look, `listed` once
 * with the seconds until it first listed people (reading or not). Gives the seconds it waited.
 */
export async function untilPeopleFilled(people, { tick = () => {}, listed = () => {}, limitMs = 1_800_000 } = {}) {
  const started = Date.now();
  let seen = false;
  for (;;) {
    tick();
    const text = await people.innerText().catch(() => '');
    const rows = await people.locator('.monaco-list-row').count();
    if (rows > 2 && !seen) { seen = true; listed((Date.now() - started) / 1000); }
    if (!/Reading articles/.test(text) && rows > 2) return (Date.now() - started) / 1000;
    if (Date.now() - started > limitMs) throw new Error(`People not filled after ${limitMs / 60000} minutes`);
    await sleep(250);
  }
}

export const escapeRe = s => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Types into the open quick input and picks the row whose text contains `row` (default: `text`);
 *  with `exact`, the row whose label is exactly `row`. */
export async function pickQuickInput(page, text, { row = text, exact = false, timeout = 10000 } = {}) {
  const input = page.locator(`${QUICK_INPUT} input`);
  await input.waitFor({ state: 'visible', timeout });
  await input.pressSequentially(text, { delay: 5 });
  const rows = page.locator(`${QUICK_INPUT} .quick-input-list .monaco-list-row`);
  const item = (exact
    ? rows.filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRe(row)}\\s*$`) }) })
    : rows.filter({ hasText: row })).first();
  await item.waitFor({ state: 'visible', timeout });
  await item.click();
}

/** Runs a command from the palette: F1, type its title, click its row. */
export async function runCommand(page, title, opts) {
  await page.keyboard.press('F1');
  await pickQuickInput(page, title, opts);
}

/**
 * Waits until the quick input is visible and `accept` (a RegExp tested on its text, or a predicate on the
 * state) holds. State: {text: "title | placeholder | aria-label | message", hasList: quick pick (not input box)}.
 */
export async function waitQuickInput(page, accept, timeout = 10000) {
  const ok = accept instanceof RegExp ? st => accept.test(st.text) : accept;
  const widget = page.locator(QUICK_INPUT);
  const until = Date.now() + timeout;
  let st = null;
  while (Date.now() < until) {
    if (await widget.isVisible()) {
      st = await widget.evaluate(w => {
        const input = w.querySelector('input');
        const list = w.querySelector('.quick-input-list');
        return {
          text: [w.querySelector('.quick-input-title')?.textContent, input?.getAttribute('placeholder'),
            input?.getAttribute('aria-label'), w.querySelector('.quick-input-message')?.textContent]
            .map(x => (x || '').trim()).filter(Boolean).join(' | '),
          hasList: !!list && getComputedStyle(list).display !== 'none' && list.querySelectorAll('.monaco-list-row').length > 0,
        };
      });
      if (ok(st)) return st;
    }
    await sleep(100);
  }
  throw new Error(`no quick input as expected (last seen: ${JSON.stringify(st)})`);
}

/** Texts of the visible toasts (shown when code-server runs without the smoke-test driver). */
export async function readToasts(page) {
  return page.locator('.notifications-toasts .notification-toast').allInnerTexts();
}

/** Texts of every notification in the notification centre (opened through the palette, then hidden again). */
export async function readNotifications(page) {
  await runCommand(page, 'Notifications: Show Notifications');
  const center = page.locator('.notifications-center');
  await center.waitFor({ state: 'visible', timeout: 5000 });
  await sleep(300);
  const items = await center.locator('.notification-list-item').allInnerTexts();
  await page.keyboard.press('Escape');
  return items.map(t => t.replace(/\s+/g, ' ').trim());
}

export async function screenshot(page, file) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const p = path.join(SCREENSHOTS, file);
  await page.screenshot({ path: p });
  log('screenshot', path.relative(ROOT, p));
  return p;
}

// ---------------------------------------------------------------------------------------------- results
/** check(name, ok, detail) collects results and prints PASS/FAIL lines; summary() prints `N passed, N failed`. */
export function createChecker() {
  const results = [];
  const c = {
    results,
    check(name, ok, detail = '') {
      results.push({ name, ok: !!ok, detail });
      log(ok ? 'PASS' : 'FAIL', name, detail ? `— ${detail}` : '');
      return !!ok;
    },
    get passed() { return results.filter(r => r.ok).length; },
    get failed() { return results.filter(r => !r.ok).length; },
    summary() { return `${c.passed} passed, ${c.failed} failed`; },
  };
  return c;
}

/** Writes .test-output/results/<tier>.json = {passed, failed, ...extra}; test-all.mjs reads it. */
export function writeTierResult(tier, counts) {
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, `${tier}.json`), JSON.stringify(counts, null, 2));
}
