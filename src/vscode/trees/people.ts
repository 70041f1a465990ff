import * as vscode from 'vscode';
import type { Entity } from '../../core/entities/resolve';
import type { Mention } from '../../core/model';
import type { ResolvedQuote } from '../../core/corpus';
import { articleLabel, CorpusTree, revealCommand, snippet } from './common';

type Node =
  | { kind: 'person'; entity: Entity; mentions: number; articles: number }
  | { kind: 'article'; entity: Entity; path: string; mentions: Mention[] }
  | { kind: 'quotes'; entity: Entity; quotes: { path: string; quote: ResolvedQuote }[] }
  | { kind: 'mention'; path: string; mention: Mention; text: string }
  | { kind: 'quote'; path: string; quote: ResolvedQuote };

/** People → articles → mentions, and each person's quotations with their sources. */
export class PeopleTree extends CorpusTree<Node> {
  getChildren(node?: Node): Node[] {
    const view = this.corpus.view();
    if (!node) {
      const people = [...view.entities.values()].filter(e => e.type === 'PERSON').map(entity => {
        let mentions = 0;
        let articles = 0;
        for (const a of view.articles.values()) {
          const n = a.mentions.filter(m => m.entityId === entity.id).length;
          mentions += n;
          if (n) articles++;
        }
        return { kind: 'person' as const, entity, mentions, articles };
      }).filter(p => p.mentions > 0);
      return people.sort((a, b) => b.mentions - a.mentions || a.entity.name.localeCompare(b.entity.name));
    }
    if (node.kind === 'person') {
      const quotes = [...view.articles.values()].flatMap(a => a.quotes.filter(q => q.kind === 'speech' && q.speaker?.entityId === node.entity.id).map(quote => ({ path: a.path, quote })));
      const articles: Node[] = [...view.articles.values()]
        .map(a => ({ kind: 'article' as const, entity: node.entity, path: a.path, mentions: a.mentions.filter(m => m.entityId === node.entity.id) }))
        .filter(a => a.mentions.length);
      return quotes.length ? [{ kind: 'quotes', entity: node.entity, quotes }, ...articles] : articles;
    }
    if (node.kind === 'article') {
      const text = view.articles.get(node.path)?.text ?? '';
      return node.mentions.map(mention => ({ kind: 'mention', path: node.path, mention, text }));
    }
    if (node.kind === 'quotes') return node.quotes.map(q => ({ kind: 'quote', ...q }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'person': {
        const item = new vscode.TreeItem(node.entity.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = `${node.mentions} mention${node.mentions === 1 ? '' : 's'} · ${node.articles} article${node.articles === 1 ? '' : 's'}`;
        item.iconPath = new vscode.ThemeIcon('person');
        item.tooltip = [...node.entity.forms.keys()].join(', ');
        item.id = `person/${node.entity.id}`;
        return item;
      }
      case 'article': {
        const item = new vscode.TreeItem(articleLabel(node.path), vscode.TreeItemCollapsibleState.Collapsed);
        item.description = `${node.mentions.length} mention${node.mentions.length === 1 ? '' : 's'}`;
        item.resourceUri = vscode.Uri.parse(node.path);
        item.iconPath = vscode.ThemeIcon.File;
        item.id = `person/${node.entity.id}/${node.path}`;
        return item;
      }
      case 'quotes': {
        const item = new vscode.TreeItem('Quotations', vscode.TreeItemCollapsibleState.Collapsed);
        item.description = String(node.quotes.length);
        item.iconPath = new vscode.ThemeIcon('quote');
        item.id = `person/${node.entity.id}/quotes`;
        return item;
      }
      case 'mention': {
        const item = new vscode.TreeItem(snippet(node.text, node.mention));
        item.command = revealCommand(node.path, node.mention);
        item.iconPath = new vscode.ThemeIcon('symbol-field');
        item.tooltip = node.mention.title ? `${node.mention.text} (${node.mention.title})` : node.mention.text;
        return item;
      }
      case 'quote': {
        const item = new vscode.TreeItem(`“${node.quote.text.replace(/\s+/g, ' ').trim()}”`);
        item.description = articleLabel(node.path);
        item.tooltip = new vscode.MarkdownString(`**${node.quote.speaker?.name ?? ''}** in ${articleLabel(node.path)}${node.quote.how ? ` — ${node.quote.how}` : ''}\n\n${node.quote.text}`);
        item.command = revealCommand(node.path, node.quote);
        item.iconPath = new vscode.ThemeIcon('comment');
        return item;
      }
    }
  }
}
