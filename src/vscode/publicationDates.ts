import * as vscode from 'vscode';
import type { Corpus } from '../core/corpus';
import { dayValue, toDay } from '../core/dates/calendar';
import { findPublished } from '../core/dates/published';

/**
 * Where an article's publication date comes from besides its text, brought to the corpus: the date the user
 * set in its sidecar (it wins over the text's), and the file's modification day (the last resort, a guess).
 */
export class PublicationDates {
  constructor(private readonly corpus: () => Corpus) {}

  /** The date the user set in the article's sidecar (undefined: none). */
  setUser(article: vscode.Uri, value: string | undefined): void {
    const key = article.toString();
    this.corpus().setPublished(key, { ...this.corpus().publishedHints(key), user: value });
  }

  /**
   * The file's modification day, used only when the text states no date of its own: `modified` when the file
   * was just read (its time then), else looked up. `hash`: the text's content hash, when the caller has it.
   */
  async fromFile(uri: vscode.Uri, text: string, modified?: number, hash?: string): Promise<void> {
    if (findPublished(text, undefined, hash)) return;
    try {
      const day = toDay(new Date(modified ?? (await vscode.workspace.fs.stat(uri)).mtime));
      const key = uri.toString();
      if (day) this.corpus().setPublished(key, { ...this.corpus().publishedHints(key), file: dayValue(day) });
    } catch {
      // gone or unreadable: no guess
    }
  }
}
