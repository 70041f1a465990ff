import { PRIMED_KEPT, type Corpus, type CorpusChanges, type CorpusView } from '../core/corpus';
import { resolveInSlices } from './resolveSlices';

/** How many articles read during a resolve in slices wait for it at most (each holds its analysis, primed). */
export const MAX_WAITING = PRIMED_KEPT / 5;

/** What the resolves work on (src/vscode/corpusService.ts). */
export interface ResolvesHost {
  /** The corpus now (replaced when the settings change). */
  corpus(): Corpus;
  /** Whether a scan reads the folder. */
  scanning(): boolean;
  /** A resolve finished, with what it changed. */
  resolved(changes: CorpusChanges): void;
  /** Tells the views what changed (resolving, in one block, whatever is left). */
  notify(): Promise<void>;
}

/**
 * When the corpus is resolved: at once when something asks for it, but during a scan (src/vscode/articleScan.ts)
 * a slice at a time (src/vscode/resolveSlices.ts), the extension host answering between slices, and what asks
 * meanwhile is given what the last refresh resolved. Articles read during a resolve in slices wait for its end
 * before they come into the corpus (a change would finish it at once, in one block); the scan reads on
 * meanwhile, but only so far ahead: an article read holds its analysis (handed to the corpus, which keeps a
 * bounded number of them, PRIMED_KEPT) until it comes in.
 */
export class CorpusResolves {
  /** The resolve in slices under way. */
  private slicing: Promise<void> | undefined;
  /** Articles read during it, brought into the corpus once it is over (at most about MAX_WAITING). */
  private waiting: Array<() => void> = [];

  /** What the last resolve gave. */
  private resolved: CorpusView | undefined;
  /** How long the last resolve that changed something took: a scan refreshes the views less often when it is long. */
  lastMs = 0;

  constructor(private readonly host: ResolvesHost) {}

  /**
   * The resolved corpus. While a scan reads the folder, what the last refresh resolved (every second or so,
   * at once for an open article): views asking after each refresh do not each resolve what arrived meanwhile.
   */
  view(): CorpusView {
    // during a scan, the last refresh's view: a resolve in slices leaves it as it was (src/core/corpus/index.ts)
    if (this.resolved && this.host.scanning()) return this.resolved;
    return this.now();
  }

  /** Resolves the corpus now, in one block. */
  now(): CorpusView {
    const started = performance.now();
    const view = this.host.corpus().resolve();
    this.note(view, performance.now() - started);
    return view;
  }

  /** The corpus was replaced: nothing resolved yet. */
  reset(): void {
    this.resolved = undefined;
  }

  private note(view: CorpusView, ms: number): void {
    this.resolved = view;
    const changes = this.host.corpus().lastChanges();
    if (changes.articles.size) this.lastMs = ms;
    this.host.resolved(changes);
  }

  /**
   * Resolves what arrived in slices, then tells the views. Settles once they have been told; `all`: once the
   * articles read meanwhile are resolved and shown too (the end of a scan).
   */
  async refresh(all = false): Promise<void> {
    for (;;) {
      // in slices until nothing is left to resolve (another refresh may have brought articles in meanwhile)
      while (this.slicing || this.host.corpus().unresolved) {
        const corpus = this.host.corpus();
        this.slicing ??= resolveInSlices(corpus, () => corpus !== this.host.corpus()).then(done => {
          if (done && corpus === this.host.corpus()) this.note(done.view, done.ms);
        }).finally(() => { this.slicing = undefined; });
        await this.slicing;
      }
      // told at once, before the articles read meanwhile come in (telling resolves what came in, in one
      // block): the next refresh resolves them, in slices
      const told = this.host.notify();
      const waited = this.waiting.splice(0);
      for (const bring of waited) bring();
      if (!all || !waited.length) return told;
    }
  }

  /** Settles when the scan may read another article: no resolve in slices, or fewer than MAX_WAITING waiting for it. */
  async roomToRead(): Promise<void> {
    while (this.slicing && this.waiting.length >= MAX_WAITING) await this.slicing.catch(() => undefined);
  }

  /** Brings an article read into the corpus: at once, or once the resolve in slices under way is over. */
  admit(bring: () => void): void {
    if (this.slicing) this.waiting.push(bring);
    else bring();
  }
}
