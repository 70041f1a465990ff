import * as vscode from 'vscode';
import { BINARY_FILE } from '../core/analysis';
import type { Published } from '../core/dates/published';
import { dayInWords, publishedInWords } from '../core/dates/mentions';
import type { CorpusService } from './corpusService';
import { concerns } from './corpusChanges';
import { fileName } from './convert';
import { quoteTarget } from './quoteTarget';

/** What the status bar item shows for the active article (an item's text cannot be read through the API). */
export interface StatusShown {
  text: string;
  tooltip: string;
  /** Set when the article is not analysed and the user was told so in a message (once per article and session). */
  notice?: string;
}

const SIZE_SETTING = 'sourceAnnotator.maxArticleSizeKB';

/** The publication date in the item: the day, marked "(guess)" when it is the file's date; the tooltip says whence, in words. */
function publishedShown(p: Published | undefined): { text: string; tooltip: string } {
  if (!p?.value) return { text: ' $(calendar) no date', tooltip: 'No publication date: relative dates (“Wednesday”) have no value. Set Publication Date… gives one.' };
  if (p.source === 'file') return { text: ` $(calendar) ${p.value} (guess)`, tooltip: `Published: a guess, ${dayInWords(p.value)}, the day the file was last changed. Set Publication Date… to correct it.` };
  return { text: ` $(calendar) ${p.value}`, tooltip: `Published ${publishedInWords(p)}.` };
}

/**
 * The status bar item and the context keys of the active editor: `sourceAnnotator.isArticle`, and
 * `sourceAnnotator.inQuote` while the cursor is in a quotation (for the quote commands of the context menu).
 * The item says how much was found in the article or, when it is not analysed (too large, binary), why —
 * and the first time such an article becomes the active editor, a message says it too.
 */
export class ArticleStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('sourceAnnotator.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];
  private inQuote = false;
  private current: StatusShown | undefined;
  private readonly notices = new Map<string, string>();

  constructor(private readonly corpus: CorpusService) {
    this.item.name = 'Source Annotator';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.window.onDidChangeTextEditorSelection(e => { if (e.textEditor === vscode.window.activeTextEditor) this.updateInQuote(); }),
      corpus.onDidChange(change => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (!active || concerns(change, active)) this.update();
      }),
    );
    this.update();
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    const isArticle = Boolean(editor && this.corpus.isArticle(editor.document.uri));
    void vscode.commands.executeCommand('setContext', 'sourceAnnotator.isArticle', isArticle);
    const article = editor && this.corpus.article(editor.document.uri);
    this.updateInQuote();
    if (!editor || !isArticle || !article) { this.item.hide(); this.current = undefined; return; }
    this.item.command = { command: 'workbench.view.extension.sourceAnnotator', title: 'Show Source Annotator' };
    const skipped = article.analysis.skipped;
    if (skipped) {
      const bySize = skipped !== BINARY_FILE;
      this.item.text = '$(warning) Not analysed';
      this.item.tooltip = `Source Annotator did not analyse this article: it is ${skipped}${bySize
        ? `. The limit is the setting ${SIZE_SETTING}; click to change it.`
        : ' (it holds NUL characters), not text.'}`;
      if (bySize) this.item.command = { command: 'workbench.action.openSettings', title: 'Change the size limit', arguments: [SIZE_SETTING] };
      this.notifyOnce(editor.document.uri, skipped, bySize);
    } else {
      const people = new Set(article.mentions.filter(m => m.type === 'PERSON').map(m => m.entityId)).size;
      const quotes = article.quotes.filter(q => q.kind === 'speech').length;
      const date = publishedShown(article.analysis.published);
      this.item.text = `$(person) ${people} $(quote) ${quotes}${date.text}`;
      const yours = article.annotations.length;
      this.item.tooltip = `Source Annotator: ${people} ${people === 1 ? 'person' : 'people'}, ${quotes} quotation${quotes === 1 ? '' : 's'}, ${yours} annotation${yours === 1 ? '' : 's'} of yours. ${date.tooltip}`;
    }
    const notice = skipped ? this.notices.get(editor.document.uri.toString()) : undefined;
    this.current = { text: this.item.text, tooltip: String(this.item.tooltip), ...(notice ? { notice } : {}) };
    this.item.show();
  }

  /** The item as shown now, or undefined when it is hidden (the active editor is no article). */
  shown(): StatusShown | undefined {
    return this.current;
  }

  /** An article that is not analysed gets one message the first time it is the active editor: no highlights is not a bug. */
  private notifyOnce(uri: vscode.Uri, reason: string, bySize: boolean): void {
    const key = uri.toString();
    if (this.notices.has(key)) return;
    const message = `Source Annotator does not analyse ${fileName(uri)}: it is ${reason}.${bySize ? ` The limit is the setting ${SIZE_SETTING}.` : ''}`;
    this.notices.set(key, message);
    const action = 'Change the Limit';
    void vscode.window.showInformationMessage(message, ...(bySize ? [action] : [])).then(choice => {
      if (choice === action) void vscode.commands.executeCommand('workbench.action.openSettings', SIZE_SETTING);
    });
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
