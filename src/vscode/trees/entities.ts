import * as vscode from 'vscode';
import type { Entity } from '../../core/entities/entity';
import { entitySearch } from '../../core/entities/search';
import { ENTITY_TYPE_NAMES, type EntityType, type Mention } from '../../core/model';
import type { ResolvedQuote } from '../../core/corpus';
import { reach, reachInWords } from '../../core/outline';
import { outletName } from '../../core/quotes/compare';
import type { Utterance } from '../../core/quotes/utterances';
import type { CorpusService } from '../corpusService';
import { CorpusTree, moreItem, paged, revealCommand, snippet, type More } from './common';

type EntityRow = { kind: 'entity'; entity: Entity; mentions: number; articles: number };

export type EntityNode =
  | { kind: 'group'; type: EntityType; entities: EntityRow[] }
  | EntityRow
  | { kind: 'article'; entity: Entity; path: string; count: number }
  | { kind: 'quotes'; entity: Entity; utterances: Utterance[] }
  | { kind: 'utterance'; entity: Entity; utterance: Utterance }
  | { kind: 'mention'; path: string; mention: Mention; text: string }
  /** An article listed (by the last session's lists) that the scan has not read yet. */
  | { kind: 'unread'; path: string }
  | { kind: 'quote'; path: string; quote: ResolvedQuote; version?: boolean }
  | More<EntityNode>;

const byName = new Intl.Collator();

/** The words and icons of each kind of entity in the views. */
export const ENTITY_KINDS: Partial<Record<EntityType, { plural: string; icon: string }>> = {
  PERSON: { plural: 'People', icon: 'person' },
  ORG: { plural: 'Organisations', icon: 'organization' },
  PLACE: { plural: 'Places', icon: 'location' },
};

/** The kinds of entity the views list. */
export const LISTED_TYPES = Object.keys(ENTITY_KINDS) as EntityType[];

/**
 * A view of the corpus's entities of some kinds (People; Organisations and Places): entity → its quotations,
 * grouped by utterance, with their sources, then its articles → mentions. With more than one kind, one
 * heading per kind. A search narrows the view to the entities whose name or written forms match.
 */
export class EntityTree extends CorpusTree<EntityNode> {
  private query = '';

  constructor(corpus: CorpusService, readonly types: readonly EntityType[]) {
    super(corpus);
  }

  get search(): string {
    return this.query;
  }

  setSearch(query: string): void {
    this.query = query.trim();
    this.refresh();
  }

  /** The entities of the view's kinds that have mentions and match `query` (the current search by default), the most mentioned first. */
  rows(query = this.query): EntityRow[] {
    const view = this.corpus.lists();
    const match = entitySearch(query);
    // counted from the corpus's index of mentions per entity and article, never by reading every article
    const rows: EntityRow[] = [];
    for (const entity of view.entities.values()) {
      if (!this.types.includes(entity.type) || !match(entity)) continue;
      const { mentions, articles } = reach(view, entity.id);
      if (mentions) rows.push({ kind: 'entity', entity, mentions, articles });
    }
    return rows.sort((a, b) => b.mentions - a.mentions || byName.compare(a.entity.name, b.entity.name));
  }

  getChildren(node?: EntityNode): EntityNode[] {
    if (!node) {
      const rows = this.rows();
      if (this.types.length === 1) return paged(rows, this.kindWords(this.types[0]).toLowerCase(), 'entities');
      return this.types.map(type => ({ kind: 'group' as const, type, entities: rows.filter(r => r.entity.type === type) })).filter(g => g.entities.length);
    }
    if (node.kind === 'group') return paged(node.entities, this.kindWords(node.type).toLowerCase(), node.type);
    if (node.kind === 'more') return paged(node.rest, node.what, `${node.parent}+`);
    if (node.kind === 'entity') {
      const utterances = this.corpus.utterances().filter(u => u.speakerId === node.entity.id);
      // counted as the list counts them (the last session's while the folder is read again); the mentions come when an article opens
      const counts = this.corpus.lists().mentionCounts.get(node.entity.id);
      const articles: EntityNode[] = [...(counts?.keys() ?? [])].sort().map(path => ({ kind: 'article' as const, entity: node.entity, path, count: counts!.get(path)! }));
      const listed = paged(articles, 'articles', node.entity.id);
      return utterances.length ? [{ kind: 'quotes', entity: node.entity, utterances }, ...listed] : listed;
    }
    if (node.kind === 'article') {
      const article = this.corpus.view().articles.get(node.path);
      if (!article) return this.corpus.scan.current.running ? [{ kind: 'unread', path: node.path }] : [];
      return article.mentions.filter(m => m.entityId === node.entity.id).map(mention => ({ kind: 'mention', path: node.path, mention, text: article.text }));
    }
    // most widely quoted first; an utterance quoted once is shown as its quote
    if (node.kind === 'quotes') {
      return [...node.utterances].sort((a, b) => b.sources.length - a.sources.length || b.quotes.length - a.quotes.length)
        .map(utterance => (utterance.quotes.length === 1 ? this.quoteNode(utterance.quotes[0].path, utterance.quotes[0].index) : { kind: 'utterance', entity: node.entity, utterance }))
        .filter((n): n is EntityNode => Boolean(n));
    }
    // inside an utterance each row is one outlet's version: the outlet first, its words after
    if (node.kind === 'utterance') return node.utterance.quotes.map(r => this.quoteNode(r.path, r.index, true)).filter((n): n is EntityNode => Boolean(n));
    return [];
  }

  private kindWords(type: EntityType): string {
    return ENTITY_KINDS[type]?.plural ?? ENTITY_TYPE_NAMES[type];
  }

  private quoteNode(path: string, index: number, version = false): EntityNode | undefined {
    const quote = this.corpus.view().articles.get(path)?.quotes[index];
    return quote && { kind: 'quote', path, quote, version };
  }

  protected override tooltip(node: EntityNode): vscode.MarkdownString | undefined {
    switch (node.kind) {
      case 'entity': {
        const tip = new vscode.MarkdownString();
        tip.appendMarkdown('**').appendText(node.entity.name).appendMarkdown('** — ').appendText(`${ENTITY_TYPE_NAMES[node.entity.type]}, ${reachInWords(node)}`);
        const written = [...node.entity.forms.keys()].filter(form => form !== node.entity.name).slice(0, 12);
        if (written.length) tip.appendMarkdown('\n\n').appendText(`Also written ${written.map(f => `“${f}”`).join(', ')}`);
        return tip;
      }
      case 'utterance': return new vscode.MarkdownString(`**${node.utterance.speakerName ?? ''}**, as quoted by ${node.utterance.sources.map(path => this.names().name(path)).join(', ')}`);
      case 'quote': return new vscode.MarkdownString(`**${node.quote.speaker?.name ?? ''}** in ${this.names().name(node.path)}${node.quote.how ? ` — ${node.quote.how}` : ''}\n\n${node.quote.text}`);
      default: return undefined;
    }
  }

  getTreeItem(node: EntityNode): vscode.TreeItem {
    switch (node.kind) {
      case 'more': return moreItem(node);
      case 'group': {
        const item = new vscode.TreeItem(this.kindWords(node.type), vscode.TreeItemCollapsibleState.Expanded);
        item.description = node.entities.length.toLocaleString();
        item.iconPath = new vscode.ThemeIcon(ENTITY_KINDS[node.type]?.icon ?? 'symbol-field');
        item.id = `group/${node.type}`;
        return item;
      }
      case 'entity': {
        const item = new vscode.TreeItem(node.entity.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = `${node.mentions} mention${node.mentions === 1 ? '' : 's'} · ${node.articles} article${node.articles === 1 ? '' : 's'}`;
        item.iconPath = new vscode.ThemeIcon(ENTITY_KINDS[node.entity.type]?.icon ?? 'symbol-field');
        item.id = `entity/${node.entity.id}`;
        return item;
      }
      case 'article': {
        const item = this.articleItem(node.path, `${node.count} mention${node.count === 1 ? '' : 's'}`, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `entity/${node.entity.id}/${node.path}`;
        return item;
      }
      case 'quotes': {
        const item = new vscode.TreeItem('Quotations', vscode.TreeItemCollapsibleState.Collapsed);
        const quotes = node.utterances.reduce((n, u) => n + u.quotes.length, 0);
        const sources = new Set(node.utterances.flatMap(u => u.sources)).size;
        item.description = `${node.utterances.length} utterance${node.utterances.length === 1 ? '' : 's'} · ${quotes} quote${quotes === 1 ? '' : 's'} in ${sources} source${sources === 1 ? '' : 's'}`;
        item.iconPath = new vscode.ThemeIcon('quote');
        item.id = `entity/${node.entity.id}/quotes`;
        return item;
      }
      case 'utterance': {
        const u = node.utterance;
        const item = new vscode.TreeItem(`“${u.text.replace(/\s+/g, ' ').trim()}”`, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = `${u.sources.length} source${u.sources.length === 1 ? '' : 's'}`;
        item.iconPath = new vscode.ThemeIcon('comment-discussion');
        item.id = `entity/${node.entity.id}/utterance/${u.id}`;
        return item;
      }
      case 'mention': {
        const item = new vscode.TreeItem(snippet(node.text, node.mention));
        item.command = revealCommand(node.path, node.mention);
        item.iconPath = new vscode.ThemeIcon('symbol-field');
        item.tooltip = node.mention.title ? `${node.mention.text} (${node.mention.title})` : node.mention.text;
        return item;
      }
      case 'unread': {
        const item = new vscode.TreeItem('Reading this article…');
        item.iconPath = new vscode.ThemeIcon('loading~spin');
        item.description = 'its mentions come once it is read';
        return item;
      }
      case 'quote': {
        const words = `“${node.quote.text.replace(/\s+/g, ' ').trim()}”`;
        const item = new vscode.TreeItem(node.version ? outletName(node.path) : words);
        item.description = node.version ? words : this.names().name(node.path);
        item.command = revealCommand(node.path, node.quote);
        item.iconPath = new vscode.ThemeIcon('comment');
        return item;
      }
    }
  }
}
