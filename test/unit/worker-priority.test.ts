import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';

// The analysis worker as compiled beside this test (out/src/worker.js).
const WORKER = path.join(__dirname, '..', '..', 'src', 'worker.js');

/** The nice value of each thread of this process (Linux: /proc/self/task/<tid>/stat, field 19). */
function niceValues(): number[] {
  return fs.readdirSync('/proc/self/task').map(tid => {
    const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

/** The threads below the main thread's priority (nice above `base`) while a worker (the extension's when `background`) has answered a request. */
async function loweredWhileRunning(background: boolean, base: number): Promise<number> {
  const worker = new Worker(WORKER, { workerData: { modelPath: null, background } });
  try {
    const answer = await new Promise<{ id: number; analysis?: { mentions: { text: string }[] }; error?: string }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.postMessage({ id: 1, text: 'Kim Jong Un met Donald Trump in Hanoi on Wednesday.', maxLength: 1 << 20 });
    });
    assert.equal(answer.error, undefined);
    assert.ok(answer.analysis!.mentions.some(m => m.text === 'Donald Trump'), 'the worker analysed the text');
    return niceValues().filter(n => n > base).length;
  } finally {
    await worker.terminate();
  }
}

describe('analysis worker: priority', () => {
  it("the extension's worker lowers its own thread's priority (Linux), the CLI's does not, and the process keeps its own", async function () {
    // the tests may run at a lowered priority already (nice npm test): compared with the main thread's
    const base = os.getPriority();
    if (process.platform !== 'linux' || base >= 19) this.skip();
    this.timeout(20000);
    assert.equal(niceValues().filter(n => n > base).length, 0, 'no thread lowered before');
    assert.equal(await loweredWhileRunning(false, base), 0, 'a CLI worker runs at the process\'s priority');
    assert.equal(await loweredWhileRunning(true, base), 1, 'the extension worker alone is lowered');
    assert.equal(Math.max(...niceValues()), base, 'gone with the worker');
    assert.equal(os.getPriority(), base, 'the main thread keeps its priority');
  });
});
