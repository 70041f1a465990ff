import type { AnalysisOptions } from '../analysis';
import { publishedKey, resolvePublished, type PublishedHints } from '../dates/published';

/**
 * What besides its text gives each article's publication date (the sidecar's `published`, the command line's
 * --published, the file's date), and the options an article is analysed with: its dates are valued against
 * the date that wins, which is part of every analysis key.
 */
export class PublishedHintsBook {
  private readonly hints = new Map<string, PublishedHints>();
  /** Per article, the content hash of the last text a key was found for and that key: finding a text's date reads its top lines. */
  private readonly keys = new Map<string, { hash: string; key: string }>();

  /** Sets an article's hints; whether they changed. */
  set(path: string, hints: PublishedHints): boolean {
    const before = this.hints.get(path);
    if (before?.user === hints.user && before?.option === hints.option && before?.file === hints.file) return false;
    this.hints.set(path, hints);
    this.keys.delete(path);
    return true;
  }

  get(path: string): PublishedHints {
    return this.hints.get(path) ?? {};
  }

  options(options: AnalysisOptions, path: string | undefined): AnalysisOptions {
    const published = path === undefined ? undefined : this.hints.get(path);
    return published ? { ...options, published } : options;
  }

  /** The key of the publication date that wins for this text of the article (`hash`: the text's content hash). */
  key(text: string, path: string | undefined, hash: string): string {
    if (path === undefined) return publishedKey(resolvePublished(text, {}, hash));
    const known = this.keys.get(path);
    if (known?.hash === hash) return known.key;
    const key = publishedKey(resolvePublished(text, this.hints.get(path), hash));
    this.keys.set(path, { hash, key }); // not the text: the corpus holds it compact
    return key;
  }

  /** Forgets the text kept for an article that left the corpus (its hints stay: it may come back). */
  forget(path: string): void {
    this.keys.delete(path);
  }
}
