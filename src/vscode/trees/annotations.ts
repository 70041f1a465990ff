import * as vscode from 'vscode';
import { KIND_LABELS } from '../../core/annotations/model';
import type { PlacedAnnotation } from '../../core/corpus';
import { articleLabel, CorpusTree, revealCommand } from './common';

type Node = { kind: 'article'; path: string; annotations: PlacedAnnotation[] } | { kind: 'annotation'; path: string; placed: PlacedAnnotation };

const STATUS_ICON: Record<string, string> = { anchored: 'tag', moved: 'tag', 'needs-review': 'warning', orphaned: 'question' };

/** The user's annotations per article; orphans and annotations needing review are shown, never hidden. */
export class AnnotationsTree extends CorpusTree<Node> {
  getChildren(node?: Node): Node[] {
    if (!node) {
      return [...this.corpus.view().articles.values()].filter(a => a.annotations.length)
        .map(a => ({ kind: 'article', path: a.path, annotations: a.annotations }));
    }
    if (node.kind === 'article') return node.annotations.map(placed => ({ kind: 'annotation', path: node.path, placed }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'article') {
      const item = new vscode.TreeItem(articleLabel(node.path), vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(node.annotations.length);
      item.resourceUri = vscode.Uri.parse(node.path);
      item.iconPath = vscode.ThemeIcon.File;
      item.contextValue = 'article';
      item.id = `annotations/${node.path}`;
      return item;
    }
    const { annotation: a, status, span } = node.placed;
    const item = new vscode.TreeItem(`${KIND_LABELS[a.kind]}: ${a.label ?? a.anchor.text.replace(/\s+/g, ' ').slice(0, 60)}`);
    const speaker = a.kind === 'quote' && a.links.speaker ? `said by ${this.corpus.view().entities.get(a.links.speaker)?.name ?? a.links.speaker}` : '';
    item.description = [speaker, a.note, status === 'orphaned' ? 'orphaned: text not found' : status === 'needs-review' ? 'needs review' : ''].filter(Boolean).join(' · ');
    item.tooltip = new vscode.MarkdownString(`**${KIND_LABELS[a.kind]}** “${a.anchor.text}”${a.note ? `\n\n${a.note}` : ''}\n\n${a.author} · ${a.updated}`);
    item.iconPath = new vscode.ThemeIcon(STATUS_ICON[status]);
    item.contextValue = 'annotation';
    item.id = `annotations/${node.path}/${a.id}`;
    if (span) item.command = revealCommand(node.path, span);
    return item;
  }
}

export type AnnotationNode = Node;
