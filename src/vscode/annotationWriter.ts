import * as vscode from 'vscode';
import type { Annotation, Sidecar } from '../core/annotations/model';
import type { CorpusService } from './corpusService';
import type { SidecarStore } from './sidecarStore';

/**
 * The one way the user's annotations are written: a change → the article's sidecar (re-read, merged, replaced
 * atomically by SidecarStore) → the corpus. Used by every command and by the anchors moved with an article.
 */
export class AnnotationWriter {
  constructor(private readonly corpus: CorpusService, private readonly store: SidecarStore) {}

  /**
   * Applies a change to an article's annotations (given the text they are anchored in) and saves its sidecar.
   * Errors are shown and rethrown; `quiet` writes (moved anchors, in the background) only rethrow. `published`
   * sets the article's publication date in the sidecar (null removes it; absent: left as it is).
   */
  async save(article: vscode.Uri, text: string, change: (list: Annotation[]) => Annotation[], options: { quiet?: boolean; published?: string | null } = {}): Promise<Sidecar> {
    try {
      const sidecar = await this.store.update(article, text, change, options.published);
      this.corpus.setUserPublished(article, sidecar.published);
      this.corpus.setAnnotations(article, sidecar.annotations);
      return sidecar;
    } catch (e) {
      if (!options.quiet) void vscode.window.showErrorMessage((e as Error).message);
      throw e;
    }
  }

  /** The text an article's annotations are to be anchored in: its current text. */
  currentText(article: vscode.Uri): Promise<string> {
    return this.corpus.currentText(article);
  }

  sidecarUri(article: vscode.Uri): vscode.Uri {
    return this.store.sidecarUri(article);
  }
}
