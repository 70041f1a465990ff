// Article analysis on every core for the CLI: worker threads running dist/worker.js (the extension's own
// analysis worker), each with the entity and speaker models, texts handed out two at a time to whichever is free.
// Each analysis comes back in the stored form (src/core/corpus/analysisCodec.ts: offsets for the text, mentions
// as numbers) and is read as the index reads it: its strings shared and its mentions exact as they are made,
// where a structured clone of the objects left each mention 96 bytes and every name a copy of its own to be
// shared in the main thread later (peak 380 MiB against 410 on 2,000 articles, the same speed).
import * as fs from 'node:fs';
import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ArticleAnalysis } from './core/model';
import { decodeAnalysis } from './core/corpus/analysisCodec';
import type { PublishedHints } from './core/dates/published';

/**
 * The analyses of the texts, in order, made by `threads` workers; undefined when no worker can run here
 * (the worker script is missing: the caller analyses in its own thread).
 */
export async function analyseInWorkers(texts: string[], options: { script: string; modelPath: string | null; speakerModelPath?: string; maxLength: number; threads?: number; published?: PublishedHints[]; background?: boolean }): Promise<ArticleAnalysis[] | undefined> {
  if (!fs.existsSync(options.script) || !texts.length) return undefined;
  const threads = Math.max(1, Math.min(options.threads ?? os.availableParallelism(), texts.length));
  const results: ArticleAnalysis[] = new Array(texts.length);
  let next = 0;
  const run = () => new Promise<void>((resolve, reject) => {
    // `background`: as the extension runs them, at low priority (src/worker.ts); the CLI's own run at normal priority
    const worker = new Worker(options.script, { workerData: { modelPath: options.modelPath, speakerModelPath: options.speakerModelPath, background: options.background } });
    const held = new Set<number>();
    // two texts held at once: the next is already in the worker's queue when it answers one, so it never
    // waits for this thread to hand it over (6 % of a worker's time was that wait)
    const send = () => {
      if (next >= texts.length) { if (!held.size) void worker.terminate().then(() => resolve()); return; }
      held.add(next);
      worker.postMessage({ id: next, text: texts[next], maxLength: options.maxLength, published: options.published?.[next], encode: true });
      next++;
    };
    worker.on('message', (m: { id: number; encoded?: string; error?: string }) => {
      try {
        if (m.encoded === undefined) throw new Error(m.error ?? 'analysis failed');
        results[m.id] = decodeAnalysis(m.encoded, texts[m.id]);
      } catch (e) {
        reject(e as Error); // reported by the CLI as any failure, not thrown from the worker's event
        void worker.terminate();
        return;
      }
      held.delete(m.id);
      send();
    });
    worker.on('error', reject);
    worker.on('exit', code => { if (code !== 0 && (held.size || next < texts.length)) reject(new Error(`analysis worker exited with ${code} on text ${[...held][0] ?? next}`)); });
    send();
    send();
  });
  await Promise.all(Array.from({ length: threads }, run));
  return results;
}
