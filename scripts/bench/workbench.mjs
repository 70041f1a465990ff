// The extension at scale in the real workbench: code-server with the packaged VSIX on a folder of articles,
// driven by Playwright in Chromium (scripts/lib/code-server.mjs). Prints, for the first read of the folder
// and for each Reload Window after it (the persistent index warm), how long after the Source Annotator view
// opened the People view first listed people (after a reload: the last session's lists) and was done reading,
// the extension host's peak rss during that time (its worker thread included), and its heap after a full
// garbage collection once it settled.
// usage: node scripts/bench/workbench.mjs <file.vsix> <folder> [reloads, default 1]
// SOURCE_ANNOTATOR_HEAP_SNAPSHOT=<file>: after the last round, the extension host's heap snapshot written there.
// SOURCE_ANNOTATOR_IDLE_PROBE=1: after the last round, the heap and rss probed again once the analysis workers
// stopped for want of work (two minutes after the reading, src/vscode/analysisWorker.ts): the process as it stays.
import { execSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanup, extensionHostProcess, log, openSession, showPeople, sleep, untilPeopleFilled } from '../lib/code-server.mjs';

const [vsix, folder, reloadsArg = '1'] = process.argv.slice(2);
if (!vsix || !folder) { console.error('usage: node scripts/bench/workbench.mjs <file.vsix> <folder> [reloads]'); process.exit(2); }
const probe = path.join(path.dirname(fileURLToPath(import.meta.url)), 'heap-probe.mjs');
const mb = bytes => `${Math.round(bytes / 1e6).toLocaleString('en')} MB`;

const session = await openSession('workbench-bench', { vsix: path.resolve(vsix), workspace: path.resolve(folder), settings: { 'workbench.colorTheme': 'Default Light Modern' } });
try {
  const page = await session.newPage();
  for (let round = 0; round <= Number(reloadsArg); round++) {
    const name = round === 0 ? 'first read' : `reload ${round}`;
    if (round === 0) await page.goto(session.server.url({ folder: session.state.ws })); else await page.reload();
    const people = await showPeople(page);
    let peak = 0;
    let listed = 0;
    const filled = await untilPeopleFilled(people, { tick: () => { peak = Math.max(peak, extensionHostProcess().rss); }, listed: s => { listed = s; } });
    await sleep(15000); // the index written, the events grouped
    const { pid } = extensionHostProcess();
    const snapshot = round === Number(reloadsArg) && process.env.SOURCE_ANNOTATOR_HEAP_SNAPSHOT;
    const heap = JSON.parse(execSync(`"${session.tools.node24}" "${probe}" ${pid}${snapshot ? ` "${snapshot}"` : ''}`, { maxBuffer: 1 << 20 }).toString());
    log(`${name}: People listed people ${listed.toFixed(1)} s after the view opened, done reading ${filled.toFixed(1)} s; extension host rss at most ${mb(peak)} meanwhile; after a full GC: heap ${mb(heap.heapUsed)} (of ${mb(heap.heapTotal)} held), outside it ${mb(heap.external)}, rss ${mb(heap.rss)}`);
    if (round === Number(reloadsArg) && process.env.SOURCE_ANNOTATOR_IDLE_PROBE) {
      await sleep(125000 - 15000);
      const idle = JSON.parse(execSync(`"${session.tools.node24}" "${probe}" ${pid}`, { maxBuffer: 1 << 20 }).toString());
      log(`${name}, two minutes after the reading (the workers stopped): after a full GC: heap ${mb(idle.heapUsed)} (of ${mb(idle.heapTotal)} held), outside it ${mb(idle.external)}, rss ${mb(idle.rss)}`);
    }
  }
} finally {
  await session.close();
  await cleanup();
}
