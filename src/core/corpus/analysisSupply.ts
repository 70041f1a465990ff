import { AnalysisCache, analyserId, type AnalysisOptions } from '../analysis';
import { publishedKey, type PublishedHints } from '../dates/published';
import type { ArticleAnalysis } from '../model';
import { contentHash } from '../text/hash';
import { PublishedHintsBook } from './publishedHints';

/**
 * How many analyses handed over (`prime`) are kept for texts not brought in yet: those of texts that never
 * came (an editor typed on) are let go, the oldest first, past this many. A caller that hands analyses over
 * well ahead of the texts keeps below it, or the texts are analysed again in the main thread.
 */
export const PRIMED_KEPT = 5000;

/**
 * Where the corpus (src/core/corpus/index.ts) gets each article's analysis: one handed over (made by a worker,
 * read from the index), else one made here, in the main thread, and kept while recently used. An analysis is
 * found by its key: the text's hash, the settings, the model and the publication date that wins for the
 * article (the user's, the command line's, the file's, else the text's own).
 */
export class AnalysisSupply {
  /** Analyses made in the main thread when none was handed over (recently used, by content hash). */
  private readonly cache = new AnalysisCache();
  private readonly primed = new Map<string, ArticleAnalysis>();
  private readonly hints = new PublishedHintsBook();

  constructor(private options: AnalysisOptions = {}) {}

  /** Changes how articles are analysed (the entity model arrived, a setting changed). */
  setOptions(options: AnalysisOptions): void {
    this.options = { ...this.options, ...options };
  }

  /** An analysis made elsewhere, kept until a resolve takes it; found by the content hash it carries. */
  prime(analysis: ArticleAnalysis): void {
    this.primed.set(this.keyOf(analysis.hash, analysis.published ? publishedKey(analysis.published) : ''), analysis); // used where the article's date resolves the same
  }

  /** Whether this text of the article at `path` (with its publication date hints) is analysed already (`hash`: the text's content hash). */
  has(text: string, path?: string, hash = contentHash(text)): boolean {
    return this.primed.has(this.keyFor(text, path, hash)) || this.cache.has(text, this.hints.options(this.options, path), hash);
  }

  /** Sets what besides the text gives an article's publication date; whether that changed anything. */
  setHints(path: string, hints: PublishedHints): boolean {
    return this.hints.set(path, hints);
  }

  hintsOf(path: string): PublishedHints {
    return this.hints.get(path);
  }

  forget(path: string): void {
    this.hints.forget(path);
  }

  /** The key of an analysis of this text: for the article at `path`, with the publication date that wins for it. */
  keyFor(text: string, path: string | undefined, hash = contentHash(text)): string {
    return this.keyOf(hash, this.hints.key(text, path, hash));
  }

  private keyOf(hash: string, published: string): string {
    return `${hash}:${this.options.maxLength ?? ''}:${analyserId(this.options)}:${published}`;
  }

  /** The analysis of the article at `path` under `key` (from `keyFor`, of the text whose content hash is `hash`): the one handed over, else made now. */
  get(key: string, text: string, path: string, hash?: string): ArticleAnalysis {
    return this.primed.get(key) ?? this.cache.get(text, this.hints.options(this.options, path), hash);
  }

  /**
   * Notes that a resolve took (or did not need: the same text came again) the analysis handed over under
   * `key`, to be let go of once the resolve ends (`letGo`).
   */
  noteTaken(key: string, taken: Map<string, ArticleAnalysis | undefined>): void {
    taken.set(key, this.primed.get(key));
  }

  /** Lets go of the analyses a resolve took (not one handed over again meanwhile), and of the oldest past PRIMED_KEPT. */
  letGo(taken: ReadonlyMap<string, ArticleAnalysis | undefined>): void {
    for (const [key, analysis] of taken) if (this.primed.get(key) === analysis) this.primed.delete(key);
    // analyses handed over for texts that never arrived (an editor typed on) are not kept for ever
    for (const key of this.primed.keys()) if (this.primed.size > PRIMED_KEPT) this.primed.delete(key); else break;
  }

  /** Lets go at once of an analysis handed over for a text found unchanged. */
  drop(text: string, path: string): void {
    this.primed.delete(this.keyFor(text, path));
  }
}
