import * as vscode from 'vscode';
import { articleOutline, entitySymbols, type OutlineItem, type OutlineKind } from '../core/outline';
import { openDocument } from './articleFiles';
import type { CorpusService } from './corpusService';
import { rangeInText, toRange } from './convert';
import type { CorpusView } from '../core/corpus';
import type { Mention } from '../core/model';

/** The editor's icons for each kind of item: a quotation as a string, an event as an event; people, organisations and places each their own. */
const SYMBOL_KIND: Record<OutlineKind, vscode.SymbolKind> = {
  heading: vscode.SymbolKind.Namespace,
  person: vscode.SymbolKind.Variable,
  organisation: vscode.SymbolKind.Class,
  place: vscode.SymbolKind.Package,
  quotation: vscode.SymbolKind.String,
  event: vscode.SymbolKind.Event,
};

/**
 * The Outline view, breadcrumbs and Go to Symbol for articles: the article's people, organisations, places,
 * quotations and events (src/core/outline), and every entity of the corpus by name in Go to Symbol in Workspace.
 */
export class ArticleSymbols implements vscode.DocumentSymbolProvider, vscode.WorkspaceSymbolProvider {
  constructor(private readonly corpus: CorpusService) {}

  async provideDocumentSymbols(document: vscode.TextDocument): Promise<vscode.DocumentSymbol[] | undefined> {
    if (!this.corpus.isArticle(document.uri)) return undefined;
    const path = document.uri.toString();
    // an article the folder's reading has not brought in yet gets its outline once it has
    if (!this.corpus.view().articles.has(path)) await this.corpus.ready();
    const view = this.corpus.view();
    const article = view.articles.get(path);
    // the outline of the text the corpus resolved; an editor typing ahead of it gets it at the next request
    if (!article || article.text !== document.getText()) return undefined;
    const symbol = (item: OutlineItem): vscode.DocumentSymbol => {
      const s = new vscode.DocumentSymbol(item.name, item.detail, SYMBOL_KIND[item.kind], toRange(document, item.span), toRange(document, item.selection));
      s.children = item.children.map(symbol);
      return s;
    };
    return articleOutline(article, view).map(symbol);
  }

  provideWorkspaceSymbols(query: string): vscode.SymbolInformation[] {
    const view = this.corpus.view();
    const out: vscode.SymbolInformation[] = [];
    for (const e of entitySymbols(view, query)) {
      // at its first mention, in the first article (by path) that names it
      const first = firstMention(view, e.id);
      if (!first) continue;
      const open = openDocument(first.path);
      const range = open ? toRange(open, first.mention) : rangeInText(view.articles.get(first.path)!.text, first.mention);
      out.push(new vscode.SymbolInformation(e.name, SYMBOL_KIND[e.kind], e.detail, new vscode.Location(vscode.Uri.parse(first.path), range)));
    }
    return out;
  }
}

/** An entity's first mention in the first article (by path) that names it, without listing all the others. */
function firstMention(view: CorpusView, id: string): { path: string; mention: Mention } | undefined {
  let path: string | undefined;
  for (const p of view.mentionCounts.get(id)?.keys() ?? []) if (path === undefined || p < path) path = p;
  const mention = path === undefined ? undefined : view.articles.get(path)?.mentions.find(m => m.entityId === id);
  return mention && { path: path!, mention };
}
