import * as vscode from 'vscode';
import { toDay } from '../../core/dates/calendar';
import { dayInWords } from '../../core/dates/mentions';
import type { CorpusService } from '../corpusService';
import type { AnnotationWriter } from '../annotationWriter';
import { fileName } from '../convert';

/** What the input box accepts: a day the calendar has, written YYYY-MM-DD; '' clears the date. */
export function publicationDateProblem(value: string): string | undefined {
  const v = value.trim();
  if (!v) return undefined;
  if (!/^\d{4}-\d\d-\d\d$/.test(v)) return 'Write the date as YYYY-MM-DD, for example 2019-02-27 (leave it empty to clear it).';
  return toDay(v) ? undefined : `${v} is not a day of the calendar.`;
}

/**
 * "Set Publication Date…": the article's publication date, which its relative dates ("Wednesday", "last
 * year") are counted from, written to its sidecar (`published`); it wins over the date the text states. The
 * input box shows the date in use; an empty answer removes the user's date (the text's, or the file's, is used again).
 */
export class PublicationDate {
  constructor(private readonly corpus: CorpusService, private readonly writer: AnnotationWriter) {}

  /** `arg`: the article (its path or uri), else the active editor's; `value` skips the input box (tests). Returns the date set ('' cleared). */
  async set(arg?: unknown, value?: string): Promise<string | undefined> {
    this.corpus.flushPending();
    const uri = typeof arg === 'string' ? vscode.Uri.parse(arg) : arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    const article = uri && this.corpus.article(uri);
    if (!uri || !article) {
      void vscode.window.showInformationMessage('Open an article to set its publication date.');
      return undefined;
    }
    const published = article.analysis.published;
    const now = published?.value ?? '';
    const answer = value ?? await vscode.window.showInputBox({
      title: `Publication date of ${fileName(uri)}`,
      prompt: now
        ? `Now ${dayInWords(now)}${published?.source === 'user' ? ', set by you' : published?.source === 'file' ? ' — a guess from the file’s date' : published?.how ? `, ${published.how}` : ''}. Relative dates (“Wednesday”, “last year”) are counted from it. Empty: use the date the text states (or the file’s).`
        : 'No publication date is known. Relative dates (“Wednesday”, “last year”) are counted from it.',
      value: now,
      placeHolder: 'YYYY-MM-DD',
      validateInput: publicationDateProblem,
    });
    if (answer === undefined) return undefined;
    const date = answer.trim();
    if (publicationDateProblem(date)) return undefined;
    // nothing to write: the same date the user set, or clearing a date the user never set
    if (published?.source === 'user' ? date === now : !date) return date;
    const text = await this.writer.currentText(uri);
    await this.writer.save(uri, text, list => list, { published: date || null });
    void vscode.window.setStatusBarMessage(date ? `$(calendar) Publication date set to ${dayInWords(date)}` : '$(calendar) Publication date cleared', 4000);
    return date;
  }
}
