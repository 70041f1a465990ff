import * as vscode from 'vscode';
import type { EventMention, StoryEvent } from '../../core/events';
import type { CorpusChange } from '../corpusChanges';
import { CorpusTree, moreItem, paged, revealCommand, type More } from './common';

type Node = { kind: 'event'; event: StoryEvent } | { kind: 'mention'; mention: EventMention } | More<Node>;

/** A timeline across all sources: events by date, each with the sentences of each article that tell it. */
export class EventsTree extends CorpusTree<Node> {
  /** An edit that moves no event mention leaves the timeline as it is. */
  protected override affectedBy(change: CorpusChange): boolean {
    return change.events;
  }

  getChildren(node?: Node): Node[] {
    if (!node) return paged<Node>(this.corpus.view().events.map(event => ({ kind: 'event', event })), 'events', 'events');
    if (node.kind === 'more') return paged(node.rest, node.what, `${node.parent}+`);
    if (node.kind === 'event') return node.event.mentions.map(mention => ({ kind: 'mention', mention }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'more') return moreItem(node);
    if (node.kind === 'event') {
      const e = node.event;
      const sources = new Set(e.mentions.map(m => m.path)).size;
      const item = new vscode.TreeItem(`${e.date || 'undated'} — ${e.label}`, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = `${sources} source${sources === 1 ? '' : 's'}${e.origin === 'user' ? ' · yours' : ''}`;
      item.iconPath = new vscode.ThemeIcon(e.origin === 'user' ? 'star-full' : 'calendar');
      item.tooltip = `${e.label}\n${e.participants.join(', ')}`;
      item.id = `event/${e.eventId}`;
      item.contextValue = 'event';
      return item;
    }
    const m = node.mention;
    const item = this.articleItem(m.path, m.text.replace(/\s+/g, ' ').slice(0, 120));
    item.tooltip = m.text;
    item.command = revealCommand(m.path, m);
    return item;
  }
}
