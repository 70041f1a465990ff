// The CLI analyses much text on every core (this thread and worker threads, src/cliWorkers.ts): what it
// prints is the same, byte for byte, as when one thread analyses every article.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../src/cli';
import { readSample, runCli } from './helpers';

/** What `run` prints (its analyses made on every core first, whatever the length of the texts), captured. */
async function runParallel(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const { stdout, stderr } = process;
  const [writeOut, writeErr] = [stdout.write, stderr.write];
  let out = '', err = '';
  const into = (add: (s: string) => void) => ((chunk: string | Uint8Array) => { add(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')); return true; }) as typeof stdout.write;
  stdout.write = into(s => { out += s; });
  stderr.write = into(s => { err += s; });
  try {
    return { code: await run(args, 1), out, err };
  } finally {
    stdout.write = writeOut;
    stderr.write = writeErr;
  }
}

describe('CLI on every core', function () {
  this.timeout(60_000);
  let dir = '';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-parallel-'));
    const samples = ['time-kim-trump-handshake-hanoi.txt', 'xinhua-kim-trump-meet-hanoi.txt', 'npr-kuow-second-trump-kim-summit-hanoi.txt', 'the-diplomat-trump-kim-second-summit-hanoi.txt', 'vietnamese-press-trump-kim-optimism-hanoi.txt'];
    // more articles than threads, some with the same text (the corpus resolves them together)
    samples.forEach((name, i) => {
      fs.writeFileSync(path.join(dir, name), readSample(name));
      fs.writeFileSync(path.join(dir, `copy-${i}.txt`), readSample(samples[(i + 1) % samples.length]).replace(/Hanoi/g, 'Ha Noi'));
    });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  // the shipped entity model by its path (the compiled tests have no media/ beside them), and the rules
  const model = path.join(__dirname, '..', '..', '..', 'media', 'ner-model.bin');
  for (const extra of [['--model', model], ['--model', model, '--published', '2019-02-27'], ['--rules']]) {
    it(`prints what one thread prints (${extra.filter(a => a !== model).join(' ')})`, async () => {
      const args = ['analyze', '--format', 'jsonl', ...extra, dir];
      const one = runCli(...args);
      const every = await runParallel(args);
      assert.equal(every.code, one.code);
      assert.equal(one.out.trim().split('\n').length, 10);
      assert.equal(every.out, one.out);
      assert.equal(every.err, one.err);
    });
  }
});
