// A CPU profile of the extension host in the real workbench: code-server with the packaged VSIX on a folder,
// driven by Playwright as `workbench.mjs` does. Profiles the first read of the folder, or a Reload Window after
// it (the persistent index warm), from the host's start until People is filled. Writes the profile (open it in
// Chromium's DevTools or VS Code) and prints how long People took, the main thread's busy, idle and
// garbage-collection time, and the functions with the most time of their own. The inspector is opened on the
// running host with SIGUSR1, as `node --inspect` would: for measurements, never in the extension.
// usage: node scripts/bench/host-profile.mjs <file.vsix> <folder> first|reload [out.cpuprofile]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanup, extensionHostProcess, loadTools, log, openSession, showPeople, sleep, untilPeopleFilled } from '../lib/code-server.mjs';

const [vsix, folder, which = 'reload', out = path.resolve(`host-${which}.cpuprofile`)] = process.argv.slice(2);
if (!vsix || !folder || !['first', 'reload'].includes(which)) {
  console.error('usage: node scripts/bench/host-profile.mjs <file.vsix> <folder> first|reload [out.cpuprofile]');
  process.exit(2);
}
if (typeof WebSocket === 'undefined') {
  // the inspector's protocol needs Node 22's WebSocket: run again under the test tools' Node 24
  const r = spawnSync(loadTools({ browser: false }).node24, [fileURLToPath(import.meta.url), vsix, folder, which, out], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

const hostPid = () => extensionHostProcess().pid;

/** Starts the profiler in the extension host that is not `before`, as soon as it runs. */
async function profileNewHost(before) {
  let pid = 0;
  for (let i = 0; i < 600 && (!pid || pid === before); i++) { pid = hostPid(); if (!pid || pid === before) await sleep(50); }
  if (!pid || pid === before) throw new Error('no new extension host');
  process.kill(pid, 'SIGUSR1');
  let targets;
  for (let i = 0; i < 200 && !targets?.length; i++) {
    targets = await fetch('http://127.0.0.1:9229/json/list').then(r => r.json()).catch(() => undefined);
    if (!targets?.length) await sleep(100);
  }
  if (!targets?.length) throw new Error('no inspector on 127.0.0.1:9229');
  const ws = new WebSocket(targets[0].webSocketDebuggerUrl);
  const waiting = new Map();
  let id = 0;
  ws.onmessage = e => { const m = JSON.parse(e.data); waiting.get(m.id)?.(m.result); waiting.delete(m.id); };
  await new Promise(r => (ws.onopen = r));
  const send = (method, params = {}) => new Promise(resolve => { waiting.set(++id, resolve); ws.send(JSON.stringify({ id, method, params })); });
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: 500 });
  await send('Profiler.start');
  return async () => { const { profile } = await send('Profiler.stop'); ws.close(); return profile; };
}

/** The profile's total, idle and garbage-collection seconds, and the functions with the most time of their own. */
function summary(profile, top = 15) {
  const self = new Map();
  const byId = new Map(profile.nodes.map(n => [n.id, n]));
  let total = 0;
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber, columnNumber } = byId.get(id).callFrame;
    // line and column: the packaged extension is minified, a few long lines
    const key = `${functionName || '(anonymous)'} ${url ? `${url.split('/').pop()}:${lineNumber + 1}:${columnNumber + 1}` : ''}`.trim();
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  const s = us => `${(us / 1e6).toFixed(2)} s`;
  const idle = self.get('(idle)') ?? 0;
  log(`main thread: ${s(total)} profiled, ${s(total - idle)} busy, ${s(idle)} idle, ${s(self.get('(garbage collector)') ?? 0)} collecting garbage`);
  for (const [key, us] of [...self].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, top)) log(`  ${s(us).padStart(7)}  ${key}`);
}

const session = await openSession('host-profile', { vsix: path.resolve(vsix), workspace: path.resolve(folder), settings: { 'workbench.colorTheme': 'Default Light Modern' } });
try {
  const page = await session.newPage();
  let stop;
  if (which === 'first') {
    await page.goto(session.server.url({ folder: session.state.ws }));
    stop = await profileNewHost(0);
  } else {
    await page.goto(session.server.url({ folder: session.state.ws }));
    log(`first read: People filled ${(await untilPeopleFilled(await showPeople(page))).toFixed(1)} s after the view opened`);
    await sleep(15000); // the index written
    const before = hostPid();
    await page.reload();
    stop = await profileNewHost(before);
  }
  log(`${which === 'first' ? 'first read' : 'reload'}: People filled ${(await untilPeopleFilled(await showPeople(page))).toFixed(1)} s after the view opened (profiled)`);
  const profile = await stop();
  fs.writeFileSync(out, JSON.stringify(profile));
  log(`wrote ${out}`);
  summary(profile);
} finally {
  await session.close();
  await cleanup();
}
