import * as vscode from 'vscode';
import { ArticleNames, fileName } from '../../core/articleNames';
import type { CorpusView } from '../../core/corpus';
import type { Span } from '../../core/text/span';
import type { CorpusService } from '../corpusService';
import type { CorpusChange } from '../corpusChanges';

/** A line of context around a mention, for tree labels: "… Trump told the press corps …". */
export function snippet(text: string, span: Span, width = 70): string {
  const half = Math.max(10, Math.floor((width - (span.end - span.start)) / 2));
  const from = Math.max(0, span.start - half);
  const to = Math.min(text.length, span.end + half);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ').trim()}${to < text.length ? '…' : ''}`;
}

export function revealCommand(path: string, span: Span): vscode.Command {
  return { command: 'sourceAnnotator.revealMention', title: 'Reveal Mention', arguments: [path, span.start, span.end] };
}

/** The path of an article as the user knows it: relative to the workspace folder. */
export function workspacePath(path: string): string {
  return vscode.workspace.asRelativePath(vscode.Uri.parse(path));
}

/** Base of our trees: refreshes when the corpus changes, and builds items from plain nodes. */
export abstract class CorpusTree<N> implements vscode.TreeDataProvider<N>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<N | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(protected readonly corpus: CorpusService) {
    this.subscription = corpus.onDidChange(change => {
      const cameOrWent = this.noteArticles(change);
      const affected = this.affectedBy(change); // always asked: a tree may keep track of what it shows
      if (cameOrWent || affected) this.changed.fire(undefined);
    });
  }

  /** The articles this tree knows of: rows name their folder where file names repeat, so an arrival may rename any row. */
  private readonly known = new Set<string>();

  /** Keeps `known` up to date; true when articles came or went. */
  private noteArticles(change: CorpusChange): boolean {
    const articles = this.corpus.view().articles;
    let moved = false;
    if (change.all) {
      this.known.clear();
      for (const path of articles.keys()) this.known.add(path);
      return true;
    }
    for (const path of change.articles) {
      if (articles.has(path) === this.known.has(path)) continue;
      moved = true;
      if (articles.has(path)) this.known.add(path);
      else this.known.delete(path);
    }
    return moved;
  }

  /** Redraws the whole tree (after a change of what it shows that the corpus does not know of, as a filter). */
  protected refresh(): void {
    this.changed.fire(undefined);
  }

  /** Whether a change shows in this tree, besides articles coming or going (by default: anything that changed). */
  protected affectedBy(change: CorpusChange): boolean {
    return change.articles.size > 0 || change.entities.size > 0 || change.events;
  }

  private naming: { view: CorpusView; names: ArticleNames } | undefined;

  /** How rows name articles; worked out again only when the corpus view changes, not per row. */
  protected names(): ArticleNames {
    const view = this.corpus.view();
    if (this.naming?.view !== view) this.naming = { view, names: new ArticleNames(view.articles.keys(), workspacePath) };
    return this.naming.names;
  }

  /** A row for an article: its file name, with its folder as the description where another article has the same name. */
  protected articleItem(path: string, description: string | undefined, collapsible = vscode.TreeItemCollapsibleState.None): vscode.TreeItem {
    const item = new vscode.TreeItem(fileName(path), collapsible);
    item.description = [this.names().folder(path), description].filter(Boolean).join(' · ');
    item.resourceUri = vscode.Uri.parse(path);
    item.iconPath = vscode.ThemeIcon.File;
    return item;
  }

  abstract getTreeItem(node: N): vscode.TreeItem;
  abstract getChildren(node?: N): N[];

  /**
   * A row's tooltip, made when the row is hovered (VS Code asks `resolveTreeItem` then) rather than with the
   * row: the extension host parses every Markdown tooltip it is handed, which for the rows of a large folder
   * took seconds of its main thread.
   */
  protected tooltip?(node: N): vscode.MarkdownString | string | undefined;

  resolveTreeItem(item: vscode.TreeItem, node: N): vscode.TreeItem {
    if (item.tooltip === undefined && this.tooltip) item.tooltip = this.tooltip(node);
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** The row that stands for the rest of a long list. */
export interface More<N> {
  kind: 'more';
  rest: N[];
  /** What the rows are, for the label: "people", "events". */
  what: string;
  /** Where the list hangs, for a stable row id. */
  parent: string;
}

/** Long lists (ten thousand people, a person in thousands of articles) come a page at a time. */
const PAGE = 200;

/** The first page of a list, and a row that opens the rest (itself paged). */
export function paged<N>(nodes: N[], what: string, parent: string): (N | More<N>)[] {
  return nodes.length <= PAGE ? nodes : [...nodes.slice(0, PAGE), { kind: 'more', rest: nodes.slice(PAGE), what, parent }];
}

export function moreItem<N>(node: More<N>): vscode.TreeItem {
  const item = new vscode.TreeItem(`${node.rest.length.toLocaleString()} more ${node.what}…`, vscode.TreeItemCollapsibleState.Collapsed);
  item.iconPath = new vscode.ThemeIcon('ellipsis');
  item.id = `more/${node.parent}/${node.what}/${node.rest.length}`;
  return item;
}
