import * as vscode from 'vscode';
import type { Entity } from '../../core/entities/entity';
import type { Mention } from '../../core/model';
import type { ResolvedQuote } from '../../core/corpus';
import { outletName } from '../../core/quotes/compare';
import type { Utterance } from '../../core/quotes/utterances';
import { CorpusTree, moreItem, paged, revealCommand, snippet, type More } from './common';

type Node =
  | { kind: 'person'; entity: Entity; mentions: number; articles: number }
  | { kind: 'article'; entity: Entity; path: string; mentions: Mention[] }
  | { kind: 'quotes'; entity: Entity; utterances: Utterance[] }
  | { kind: 'utterance'; entity: Entity; utterance: Utterance }
  | { kind: 'mention'; path: string; mention: Mention; text: string }
  | { kind: 'quote'; path: string; quote: ResolvedQuote; version?: boolean }
  | More<Node>;

const byName = new Intl.Collator();

/** People → articles → mentions, and each person's quotations, grouped by utterance, with their sources. */
export class PeopleTree extends CorpusTree<Node> {
  getChildren(node?: Node): Node[] {
    const view = this.corpus.view();
    if (!node) {
      // counted from the corpus's index of mentions per entity and article, never by reading every article
      const people: Extract<Node, { kind: 'person' }>[] = [];
      for (const entity of view.entities.values()) {
        if (entity.type !== 'PERSON') continue;
        const counts = view.mentionCounts.get(entity.id);
        let mentions = 0;
        for (const n of counts?.values() ?? []) mentions += n;
        if (mentions) people.push({ kind: 'person', entity, mentions, articles: counts!.size });
      }
      return paged(people.sort((a, b) => b.mentions - a.mentions || byName.compare(a.entity.name, b.entity.name)), 'people', 'people');
    }
    if (node.kind === 'more') return paged(node.rest, node.what, `${node.parent}+`);
    if (node.kind === 'person') {
      const utterances = this.corpus.utterances().filter(u => u.speakerId === node.entity.id);
      const articles: Node[] = [...(view.mentionCounts.get(node.entity.id)?.keys() ?? [])].sort()
        .map(path => ({ kind: 'article' as const, entity: node.entity, path, mentions: view.articles.get(path)?.mentions.filter(m => m.entityId === node.entity.id) ?? [] }))
        .filter(a => a.mentions.length);
      const listed = paged(articles, 'articles', node.entity.id);
      return utterances.length ? [{ kind: 'quotes', entity: node.entity, utterances }, ...listed] : listed;
    }
    if (node.kind === 'article') {
      const text = view.articles.get(node.path)?.text ?? '';
      return node.mentions.map(mention => ({ kind: 'mention', path: node.path, mention, text }));
    }
    // most widely quoted first; an utterance quoted once is shown as its quote
    if (node.kind === 'quotes') {
      return [...node.utterances].sort((a, b) => b.sources.length - a.sources.length || b.quotes.length - a.quotes.length)
        .map(utterance => (utterance.quotes.length === 1 ? this.quoteNode(utterance.quotes[0].path, utterance.quotes[0].index) : { kind: 'utterance', entity: node.entity, utterance }))
        .filter((n): n is Node => Boolean(n));
    }
    // inside an utterance each row is one outlet's version: the outlet first, its words after
    if (node.kind === 'utterance') return node.utterance.quotes.map(r => this.quoteNode(r.path, r.index, true)).filter((n): n is Node => Boolean(n));
    return [];
  }

  private quoteNode(path: string, index: number, version = false): Node | undefined {
    const quote = this.corpus.view().articles.get(path)?.quotes[index];
    return quote && { kind: 'quote', path, quote, version };
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'more': return moreItem(node);
      case 'person': {
        const item = new vscode.TreeItem(node.entity.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = `${node.mentions} mention${node.mentions === 1 ? '' : 's'} · ${node.articles} article${node.articles === 1 ? '' : 's'}`;
        item.iconPath = new vscode.ThemeIcon('person');
        item.tooltip = [...node.entity.forms.keys()].join(', ');
        item.id = `person/${node.entity.id}`;
        return item;
      }
      case 'article': {
        const item = this.articleItem(node.path, `${node.mentions.length} mention${node.mentions.length === 1 ? '' : 's'}`, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `person/${node.entity.id}/${node.path}`;
        return item;
      }
      case 'quotes': {
        const item = new vscode.TreeItem('Quotations', vscode.TreeItemCollapsibleState.Collapsed);
        const quotes = node.utterances.reduce((n, u) => n + u.quotes.length, 0);
        const sources = new Set(node.utterances.flatMap(u => u.sources)).size;
        item.description = `${node.utterances.length} utterance${node.utterances.length === 1 ? '' : 's'} · ${quotes} quote${quotes === 1 ? '' : 's'} in ${sources} source${sources === 1 ? '' : 's'}`;
        item.iconPath = new vscode.ThemeIcon('quote');
        item.id = `person/${node.entity.id}/quotes`;
        return item;
      }
      case 'utterance': {
        const u = node.utterance;
        const item = new vscode.TreeItem(`“${u.text.replace(/\s+/g, ' ').trim()}”`, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = `${u.sources.length} source${u.sources.length === 1 ? '' : 's'}`;
        item.tooltip = new vscode.MarkdownString(`**${u.speakerName ?? ''}**, as quoted by ${u.sources.map(path => this.names().name(path)).join(', ')}`);
        item.iconPath = new vscode.ThemeIcon('comment-discussion');
        item.id = `person/${node.entity.id}/utterance/${u.id}`;
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
        const words = `“${node.quote.text.replace(/\s+/g, ' ').trim()}”`;
        const item = new vscode.TreeItem(node.version ? outletName(node.path) : words);
        item.description = node.version ? words : this.names().name(node.path);
        item.tooltip = new vscode.MarkdownString(`**${node.quote.speaker?.name ?? ''}** in ${this.names().name(node.path)}${node.quote.how ? ` — ${node.quote.how}` : ''}\n\n${node.quote.text}`);
        item.command = revealCommand(node.path, node.quote);
        item.iconPath = new vscode.ThemeIcon('comment');
        return item;
      }
    }
  }
}
