import type { Corpus, CorpusView } from '../core/corpus';

/**
 * The longest a scan's work (reading articles, resolving what they brought) holds the extension host at a
 * time: a view's rows, a hover, VS Code's and other extensions' requests are answered between slices (a
 * resolve of what a scan of 10,000 articles brought in takes seconds).
 */
export const SLICE_MS = 50;

/**
 * Runs a job a slice at a time, letting the event loop run between slices: `run` works until the `stop` it is
 * given says the slice is over, and gives its result once done (undefined until then). Settles with the result
 * and the main thread's time the slices took; undefined when `abandoned` said to stop.
 */
export async function inSlices<T>(run: (stop: () => boolean) => T | undefined, abandoned: () => boolean): Promise<{ value: T; ms: number } | undefined> {
  let ms = 0;
  for (;;) {
    const started = performance.now();
    const value = run(() => performance.now() - started >= SLICE_MS);
    ms += performance.now() - started;
    if (value !== undefined) return { value, ms };
    await new Promise<void>(resolve => setImmediate(resolve));
    if (abandoned()) return undefined;
  }
}

/**
 * Resolves the corpus a slice at a time (Corpus.resolveInSteps). What changes the corpus or reads its resolved
 * state meanwhile finishes the resolve first (the corpus sees to that). Settles with the view and the main
 * thread's time the slices took; undefined when `abandoned` said to stop (the corpus was replaced).
 */
export async function resolveInSlices(corpus: Corpus, abandoned: () => boolean): Promise<{ view: CorpusView; ms: number } | undefined> {
  const job = corpus.resolveInSteps();
  const done = await inSlices(stop => job.run(stop), abandoned);
  return done && { view: done.value, ms: done.ms };
}
