import type { ArticleAnalysis } from '../core/model';
import { contentHash } from '../core/text/hash';
import { publishedKey, resolvePublished, type PublishedHints } from '../core/dates/published';
import type { AnalysisStore } from './analysisStore';
import type { AnalysisWorker, WorkerAnalysis } from './analysisWorker';

/**
 * Where an article's analysis comes from, off the main thread: the persistent index, else the worker. The same
 * text asked for twice while it is being analysed (an editor opened on a file the watcher reports) is analysed
 * once. A text read from disk (`keep`) has its analysis kept in the index.
 */
export class AnalysisSource {
  /** How many analyses the worker thread made. */
  workerAnalyses = 0;
  /** Analyses under way in the worker, by content hash and settings. */
  private readonly inFlight = new Map<string, Promise<WorkerAnalysis>>();

  constructor(private readonly worker: AnalysisWorker | undefined, private readonly index: AnalysisStore | undefined) {}

  /**
   * The analysis of `text` under `settings` ("maximum length:recogniser id:publication date"), or undefined when
   * neither the index nor the worker can give it: then the corpus analyses it in the main thread. An editor's
   * text (`keep` false) is analysed before the articles a scan reads, which may be a hundred ahead. The worker's
   * is made in the form the index stores, and read back as the index would read it: kept in the index as it
   * came, and held by the corpus in its compact form. `hash`: the text's content hash, when the caller has it.
   */
  async find(text: string, maxLength: number, recogniser: string, keep: boolean, published: PublishedHints = {}, hash = contentHash(text)): Promise<ArticleAnalysis | undefined> {
    const settings = `${maxLength}:${recogniser}:${publishedKey(resolvePublished(text, published, hash))}`;
    const stored = await this.index?.get(text, settings, hash);
    if (stored) return stored;
    if (!this.worker) return undefined;
    const key = `${hash}:${settings}`;
    let pending = this.inFlight.get(key);
    const mine = !pending;
    if (!pending) {
      // an editor's text (not kept) is what the user is looking at: it goes before a folder's articles
      pending = this.worker.analyseEncoded(text, maxLength, !keep, published);
      this.inFlight.set(key, pending);
      pending.then(() => this.inFlight.delete(key), () => this.inFlight.delete(key));
    }
    try {
      const { analysis, encoded } = await pending;
      if (mine) this.workerAnalyses++;
      if (keep) this.index?.put(text, settings, analysis, encoded);
      return analysis;
    } catch (e) {
      console.warn(`Source Annotator: analysis worker unavailable (${(e as Error).message}); analysing in the main thread`);
      return undefined;
    }
  }

  /** Drops the index's entries no article used this session (after a whole scan). */
  prune(): void {
    void this.index?.prune();
  }
}
