import * as vscode from 'vscode';
import { compareQuote, findQuote, openingWords, outletName, type QuoteComparison } from '../core/quotes/compare';
import type { CorpusService } from './corpusService';
import { quoteTarget, type QuoteTarget } from './quoteTarget';
import { comparisonHtml, messageHtml } from './compareHtml';

/** Which quote: a place in an article, with the quote's words once it has been found. */
interface Target extends QuoteTarget {
  text?: string;
}

const NO_QUOTE = 'Put the cursor in a quotation to compare it across sources.';

/**
 * "Compare Quote Across Sources": one panel beside the editor, reused for each comparison. Scenarios handled:
 * - invoked from the palette or the editor's context menu: the quotation under the cursor;
 * - invoked from the hover's "Compare versions" link or the API: the quotation at the given place;
 * - a quotation no other source carries, a scare quote or no quotation: a message, no panel;
 * - the corpus changes (typing, a file changed on disk): the open panel follows its quotation, found again by its
 *   words, or says in a line that it is gone or that no other source quotes it any more;
 * - a version's "Show in article" button: the article opens in the editor column the comparison came from.
 */
export class QuoteComparisonPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private target: Target | undefined;
  private shown: QuoteComparison | undefined;
  /** The line shown instead of a comparison, if any. */
  private message: string | undefined;
  private articleColumn = vscode.ViewColumn.One;
  private readonly disposables: vscode.Disposable[] = [];
  private panelListeners: vscode.Disposable[] = [];

  constructor(private readonly corpus: CorpusService) {
    this.disposables.push(corpus.onDidChange(() => this.refresh()));
  }

  /** Runs the command; resolves to the comparison shown, or undefined when there was nothing to compare. */
  async show(...args: unknown[]): Promise<QuoteComparison | undefined> {
    this.corpus.flushPending();
    const editor = vscode.window.activeTextEditor;
    const target = quoteTarget(this.corpus, args);
    const found = target && this.comparisonAt(target);
    if (!found || typeof found === 'string') {
      void vscode.window.showInformationMessage(found ?? NO_QUOTE);
      return undefined;
    }
    if (editor?.viewColumn && editor.viewColumn !== this.panel?.viewColumn) this.articleColumn = editor.viewColumn;
    this.target = found.target;
    this.render(found.comparison);
    return found.comparison;
  }

  /** The comparison of the quote at a place, or why there is none. */
  private comparisonAt(target: Target): { comparison: QuoteComparison; target: Target } | string {
    const article = this.corpus.view().articles.get(target.path);
    const index = article ? findQuote(article, target) : -1;
    const quote = article?.quotes[index];
    if (!article || !quote) return target.text ? `The quotation is no longer in ${outletName(target.path)}.` : NO_QUOTE;
    if (quote.kind !== 'speech') return 'This is a scare quote or a title, not someone’s words: there is nothing to compare.';
    const comparison = compareQuote(this.corpus.view(), this.corpus.utterances(), article.path, index);
    if (!comparison || comparison.versions.length < 2) return `Only ${outletName(article.path)} quotes “${openingWords(quote.text)}”: there are no other versions to compare.`;
    return { comparison, target: { path: article.path, start: quote.start, text: quote.text } };
  }

  private refresh(): void {
    if (!this.panel || !this.target) return;
    const found = this.comparisonAt(this.target);
    if (typeof found === 'string') {
      if (this.shown === undefined && this.message === found) return;
      this.shown = undefined;
      this.message = found;
      this.panel.webview.html = messageHtml(this.panel.title, found, this.panel.webview.cspSource);
      return;
    }
    this.target = found.target;
    this.render(found.comparison, false);
  }

  private render(comparison: QuoteComparison, reveal = true): void {
    const title = `Compare: “${openingWords(comparison.reference.text)}”`;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('sourceAnnotator.compareQuote', title, vscode.ViewColumn.Beside, { enableScripts: true, enableFindWidget: true, localResourceRoots: [] });
      this.panelListeners = [
        this.panel.onDidDispose(() => this.closed()),
        this.panel.webview.onDidReceiveMessage(message => this.reveal(message)),
      ];
    } else if (reveal) this.panel.reveal(undefined, false);
    else if (this.shown && JSON.stringify(this.shown) === JSON.stringify(comparison)) return; // unchanged: keep the page, its scroll and focus
    this.panel.title = title;
    this.panel.webview.html = comparisonHtml(comparison, title, this.panel.webview.cspSource);
    this.shown = comparison;
    this.message = undefined;
  }

  /** A version's button: {type: 'reveal', version, passage}, indexes into what is shown (never a path from the page). */
  private async reveal(message: unknown): Promise<void> {
    const m = message as { type?: unknown; version?: unknown; passage?: unknown } | undefined;
    if (m?.type !== 'reveal' || typeof m.version !== 'number' || typeof m.passage !== 'number') return;
    const version = this.shown?.versions[m.version];
    const passage = version?.passages[m.passage];
    if (!version || !passage) return;
    await vscode.commands.executeCommand('sourceAnnotator.revealMention', version.path, passage.start, passage.end, this.articleColumn);
  }

  private closed(): void {
    for (const d of this.panelListeners.splice(0)) d.dispose();
    this.panel = undefined;
    this.target = undefined;
    this.shown = undefined;
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
