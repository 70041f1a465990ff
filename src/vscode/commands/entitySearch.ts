import * as vscode from 'vscode';
import { listInWords } from '../../core/timeline/sources';
import type { EntityTree } from '../trees/entities';

/** The names shown in the search box's live count. */
const NAMED = 3;

/** The views that are searched: their title bars show the clear action (`view in sourceAnnotator.searchedViews`). */
const searched = new Set<string>();

/**
 * Search in an entity view (People; Organisations and Places): an input box that counts the matches as the
 * user types ("3 matches: Kim Jong Un, Kim Yo Jong and Kim Hyok Chol"), then narrows the view to them. The view's
 * description shows the search; the context key `sourceAnnotator.searchedViews` (the ids of the views searched)
 * shows the clear action in the view's title bar; a search that leaves nothing says so in the view.
 */
export class EntitySearch implements vscode.Disposable {
  private readonly subscription: vscode.Disposable;

  constructor(private readonly tree: EntityTree, private readonly view: vscode.TreeView<unknown>, private readonly viewId: string, private readonly what: string) {
    this.subscription = tree.onDidChangeTreeData(() => this.sayWhenEmpty());
  }

  /** With a query (the API, tests) the search is set at once; otherwise the user types it. Returns the search set. */
  async search(query?: string): Promise<string | undefined> {
    const typed = query ?? await vscode.window.showInputBox({
      title: `Search ${this.what}`,
      prompt: 'Words that begin a name, or a way it is written. Empty: show everyone.',
      value: this.tree.search,
      validateInput: text => (text.trim() ? { message: this.matchesInWords(text), severity: vscode.InputBoxValidationSeverity.Info } : undefined),
    });
    if (typed === undefined) return undefined;
    this.tree.setSearch(typed);
    await this.show();
    return this.tree.search;
  }

  async clear(): Promise<void> {
    this.tree.setSearch('');
    await this.show();
  }

  /** "3 matches: Kim Jong Un, Kim Yo Jong and Kim Hyok Chol", "Nothing matches." */
  matchesInWords(query: string): string {
    const rows = this.tree.rows(query);
    if (!rows.length) return 'Nothing matches.';
    const names = rows.slice(0, NAMED).map(r => r.entity.name);
    if (rows.length > NAMED) names.push(`${(rows.length - NAMED).toLocaleString()} more`);
    return `${rows.length.toLocaleString()} match${rows.length === 1 ? '' : 'es'}: ${listInWords(names)}`;
  }

  private async show(): Promise<void> {
    const query = this.tree.search;
    this.view.description = query ? `“${query}”` : undefined;
    this.sayWhenEmpty();
    if (query) searched.add(this.viewId);
    else searched.delete(this.viewId);
    await vscode.commands.executeCommand('setContext', 'sourceAnnotator.searchedViews', [...searched]);
  }

  /** Whether the view's message is ours (the People view's also tells the reading of the articles: that one is left alone). */
  private saying = false;

  private sayWhenEmpty(): void {
    const query = this.tree.search;
    const empty = query && !this.tree.rows().length;
    if (empty) this.view.message = `Nothing matches “${query}”. Clear the search to see all ${this.what.toLowerCase()}.`;
    else if (this.saying) this.view.message = undefined;
    this.saying = Boolean(empty);
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
