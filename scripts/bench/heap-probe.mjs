// usage (Node ≥ 22, for its WebSocket): node heap-probe.mjs <pid> [snapshot file] — prints one JSON line: the
// process's memory after a full garbage collection, as the process itself reports it; with a file, writes a heap
// snapshot there too (open it in Chromium's DevTools, Memory tab, to see what holds the heap). Opens the
// inspector with SIGUSR1 (as `node --inspect` would) on port 9229; for measurements, never in the extension.
const pid = Number(process.argv[2]);
const snapshotFile = process.argv[3];
process.kill(pid, 'SIGUSR1');
let targets;
for (let i = 0; i < 40 && !targets; i++) {
  await new Promise(r => setTimeout(r, 250));
  targets = await fetch('http://127.0.0.1:9229/json/list').then(r => r.json()).catch(() => undefined);
}
if (!targets?.length) { console.error('no inspector on 127.0.0.1:9229'); process.exit(1); }
const ws = new WebSocket(targets[0].webSocketDebuggerUrl);
let id = 0;
const waiting = new Map();
const send = (method, params = {}) => new Promise(resolve => { waiting.set(++id, resolve); ws.send(JSON.stringify({ id, method, params })); });
let snapshot;
ws.onmessage = e => {
  const m = JSON.parse(e.data);
  if (m.method === 'HeapProfiler.addHeapSnapshotChunk') { snapshot.write(m.params.chunk); return; }
  waiting.get(m.id)?.(m.result); waiting.delete(m.id);
};
await new Promise(r => (ws.onopen = r));
await send('HeapProfiler.enable');
await send('HeapProfiler.collectGarbage');
const r = await send('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())' });
console.log(r?.result?.value ?? '{}');
if (snapshotFile) {
  const fs = await import('node:fs');
  snapshot = fs.createWriteStream(snapshotFile);
  await send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await new Promise(resolve => snapshot.end(resolve));
}
ws.close();
process.exit(0);
