import type { ArticleAnalysis } from '../core/model';
import { decodeAnalysis } from '../core/corpus/analysisCodec';
import { contentHash } from '../core/text/hash';
import { publishedKey, resolvePublished, type PublishedHints } from '../core/dates/published';
import type { AnalysisStore } from './analysisStore';
import type { AnalysisWorker } from './analysisWorker';

/**
 * Where an article's analysis comes from, off the main thread: the persistent index, else the worker. The same
 * text asked for twice while it is being analysed (an editor opened on a file the watcher reports) is analysed
 * once. A text read from disk (`keep`) has its analysis kept in the index.
 */
export class AnalysisSource {
  /** How many analyses the worker thread made. */
  workerAnalyses = 0;
  /** Analyses under way in the worker, by content hash and settings. */
  private readonly inFlight = new Map<string, Promise<ArticleAnalysis>>();

  constructor(private readonly worker: AnalysisWorker | undefined, private readonly index: AnalysisStore | undefined) {}

  /**
   * The analysis of `text` under `settings` ("maximum length:recogniser id:publication date"), or undefined when
   * neither the index nor the worker can give it: then the corpus analyses it in the main thread.
   */
  async find(text: string, maxLength: number, recogniser: string, keep: boolean, published: PublishedHints = {}): Promise<ArticleAnalysis | undefined> {
    const settings = `${maxLength}:${recogniser}:${publishedKey(resolvePublished(text, published))}`;
    const stored = await this.index?.get(text, settings);
    if (stored) return stored;
    if (!this.worker) return undefined;
    const key = `${contentHash(text)}:${settings}`;
    let pending = this.inFlight.get(key);
    const mine = !pending;
    if (!pending) {
      pending = this.worker.analyse(text, maxLength, false, published);
      this.inFlight.set(key, pending);
      pending.then(() => this.inFlight.delete(key), () => this.inFlight.delete(key));
    }
    try {
      const analysis = await pending;
      if (mine) this.workerAnalyses++;
      const stored = keep ? this.index?.put(text, settings, analysis) : undefined;
      return stored === undefined ? analysis : compact(stored, text, analysis);
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

/**
 * The worker's analysis as the index gives it back, once it is stored: what a worker hands over is a structured
 * clone, whose objects keep every field past the fourth outside the object and a string of their own for each
 * value (176 bytes a mention, against 72 read from the index's JSON). The analysis is kept for as long as the
 * article is loaded; the compact one is what a Reload Window would read anyway.
 */
function compact(stored: string, text: string, analysis: ArticleAnalysis): ArticleAnalysis {
  try {
    return decodeAnalysis(stored, text);
  } catch {
    return analysis; // what was encoded a moment ago decodes; if not, the worker's copy is as good
  }
}
