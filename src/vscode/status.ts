import * as vscode from 'vscode';
import type { CorpusService } from './corpusService';
import { quoteTarget } from './quoteTarget';

/**
 * The status bar item and the context keys of the active editor: `sourceAnnotator.isArticle`, and
 * `sourceAnnotator.inQuote` while the cursor is in a quotation (for the quote commands of the context menu).
 * The item says when an article is not analysed (too large, binary) and how much was found otherwise.
 */
export class ArticleStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('sourceAnnotator.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];
  private inQuote = false;

  constructor(private readonly corpus: CorpusService) {
    this.item.name = 'Source Annotator';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.window.onDidChangeTextEditorSelection(e => { if (e.textEditor === vscode.window.activeTextEditor) this.updateInQuote(); }),
      corpus.onDidChange(() => this.update()),
    );
    this.update();
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    const isArticle = Boolean(editor && this.corpus.isArticle(editor.document.uri));
    void vscode.commands.executeCommand('setContext', 'sourceAnnotator.isArticle', isArticle);
    const article = editor && this.corpus.article(editor.document.uri);
    this.updateInQuote();
    if (!isArticle || !article) { this.item.hide(); return; }
    if (article.analysis.skipped) {
      this.item.text = '$(warning) Not analysed';
      this.item.tooltip = `Source Annotator skipped this article: ${article.analysis.skipped}. See the setting sourceAnnotator.maxArticleSizeKB.`;
    } else {
      const people = new Set(article.mentions.filter(m => m.type === 'PERSON').map(m => m.entityId)).size;
      const quotes = article.quotes.filter(q => q.kind === 'speech').length;
      this.item.text = `$(person) ${people} $(quote) ${quotes}`;
      this.item.tooltip = `Source Annotator: ${people} people, ${quotes} quotations, ${article.annotations.length} annotations of yours`;
    }
    this.item.command = { command: 'workbench.view.extension.sourceAnnotator', title: 'Show Source Annotator' };
    this.item.show();
  }

  private updateInQuote(): void {
    const at = quoteTarget(this.corpus, []);
    const inQuote = Boolean(at && this.corpus.view().articles.get(at.path)?.quotes.some(q => q.start <= at.start && at.start < q.end));
    if (inQuote === this.inQuote) return;
    this.inQuote = inQuote;
    void vscode.commands.executeCommand('setContext', 'sourceAnnotator.inQuote', inQuote);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
