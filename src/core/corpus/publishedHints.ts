import type { AnalysisOptions } from '../analysis';
import { publishedKey, resolvePublished, type PublishedHints } from '../dates/published';

/**
 * What besides its text gives each article's publication date (the sidecar's `published`, the command line's
 * --published, the file's date), and the options an article is analysed with: its dates are valued against
 * the date that wins, which is part of every analysis key.
 */
export class PublishedHintsBook {
  private readonly hints = new Map<string, PublishedHints>();

  /** Sets an article's hints; whether they changed. */
  set(path: string, hints: PublishedHints): boolean {
    const before = this.hints.get(path);
    if (before?.user === hints.user && before?.option === hints.option && before?.file === hints.file) return false;
    this.hints.set(path, hints);
    return true;
  }

  get(path: string): PublishedHints {
    return this.hints.get(path) ?? {};
  }

  options(options: AnalysisOptions, path: string | undefined): AnalysisOptions {
    const published = path === undefined ? undefined : this.hints.get(path);
    return published ? { ...options, published } : options;
  }

  /** The key of the publication date that wins for this text of the article. */
  key(text: string, path: string | undefined): string {
    return publishedKey(resolvePublished(text, path === undefined ? undefined : this.hints.get(path)));
  }
}
