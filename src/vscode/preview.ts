import * as vscode from 'vscode';
import { placePreview, PREVIEW_FROM, previewSpan, type Preview } from '../core/preview';
import type { AnalysisWorker } from './analysisWorker';

/**
 * The first highlights of a long article shown in an editor: the shown part is analysed first, by the worker
 * as an urgent request (before every article still waiting), and drawn until the whole article's analysis
 * replaces it. A preview belongs to one version of the document.
 */
export class Previews implements vscode.Disposable {
  private readonly previews = new Map<string, { version: number; preview: Preview }>();
  /** Documents (key#version) whose preview was asked for. */
  private readonly asked = new Set<string>();
  private readonly ready = new vscode.EventEmitter<string>();
  /** Fires with the article's key when its preview can be drawn. */
  readonly onDidPreview = this.ready.event;
  private readonly disposables: vscode.Disposable[];

  /** `waits(doc, text)`: the document is an article whose text is not analysed yet. */
  constructor(private readonly worker: AnalysisWorker | undefined, private readonly waits: (doc: vscode.TextDocument, text: string) => boolean, private readonly maxLength: () => number) {
    this.disposables = [
      this.ready,
      vscode.window.onDidChangeVisibleTextEditors(editors => { for (const e of editors) this.request(e.document); }),
      vscode.workspace.onDidCloseTextDocument(d => this.drop(d.uri.toString())),
    ];
  }

  /** Asks for the preview of a long article's shown part, when it is shown and waits for its analysis. */
  request(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const version = doc.version;
    if (!this.worker || doc.isClosed || this.asked.has(`${key}#${version}`)) return;
    const length = doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end); // without copying a text that may be huge
    if (length < PREVIEW_FROM || length > this.maxLength()) return;
    const editor = vscode.window.visibleTextEditors.find(e => e.document === doc);
    if (!editor) return;
    const text = doc.getText();
    if (!this.waits(doc, text)) return;
    this.asked.add(`${key}#${version}`);
    const ranges = editor.visibleRanges;
    const shown = ranges.length ? { start: doc.offsetAt(ranges[0].start), end: doc.offsetAt(ranges[ranges.length - 1].end) } : { start: 0, end: 0 };
    const span = previewSpan(text, shown);
    this.worker.analyse(text.slice(span.start, span.end), this.maxLength(), true).then(analysis => {
      if (doc.isClosed || doc.version !== version || !this.asked.has(`${key}#${version}`)) return;
      this.previews.set(key, { version, preview: placePreview(analysis, span.start) });
      this.ready.fire(key);
    }, () => undefined); // no worker: the whole analysis comes as it would have
  }

  /** The preview of this version of a document, if there is one. */
  get(doc: vscode.TextDocument): Preview | undefined {
    const p = this.previews.get(doc.uri.toString());
    return p?.version === doc.version ? p.preview : undefined;
  }

  /** The whole article is in (or its editor closed): its preview has served. */
  drop(key: string): void {
    this.previews.delete(key);
    for (const k of this.asked) if (k.startsWith(`${key}#`)) this.asked.delete(k);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
