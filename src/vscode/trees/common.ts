import * as vscode from 'vscode';
import type { Span } from '../../core/text/span';
import type { CorpusService } from '../corpusService';

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

export function articleLabel(path: string): string {
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

/** Base of our trees: refreshes when the corpus changes, and builds items from plain nodes. */
export abstract class CorpusTree<N> implements vscode.TreeDataProvider<N>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<N | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(protected readonly corpus: CorpusService) {
    this.subscription = corpus.onDidChange(() => this.changed.fire(undefined));
  }

  abstract getTreeItem(node: N): vscode.TreeItem;
  abstract getChildren(node?: N): N[];

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
