import * as vscode from 'vscode';
import type { CorpusService } from './corpusService';

/**
 * The status bar item and the `sourceAnnotator.isArticle` context key for the active editor: it says
 * when an article is not analysed (too large, binary) and how much was found otherwise.
 */
export class ArticleStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('sourceAnnotator.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly corpus: CorpusService) {
    this.item.name = 'Source Annotator';
    this.disposables.push(this.item, vscode.window.onDidChangeActiveTextEditor(() => this.update()), corpus.onDidChange(() => this.update()));
    this.update();
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    const isArticle = Boolean(editor && this.corpus.isArticle(editor.document.uri));
    void vscode.commands.executeCommand('setContext', 'sourceAnnotator.isArticle', isArticle);
    const article = editor && this.corpus.article(editor.document.uri);
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

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
