import * as vscode from 'vscode';

/** A row of a view as the user sees it, in words (for tests: a tree's items can't be read from the workbench). */
export interface ShownRow {
  label: string;
  description: string;
  tooltip: string;
  children: ShownRow[];
}

function words(text: string | vscode.MarkdownString | vscode.TreeItemLabel | boolean | undefined): string {
  if (text === undefined || typeof text === 'boolean') return '';
  if (typeof text === 'string') return text;
  // a tooltip's text as read: appendText() writes its spaces as &nbsp;
  return 'value' in text ? text.value.replace(/&nbsp;/g, ' ') : text.label;
}

/** The rows of a tree, opened `depth` levels below the top. */
export async function shownRows<N>(tree: vscode.TreeDataProvider<N>, depth: number, parent?: N): Promise<ShownRow[]> {
  const nodes = (await tree.getChildren(parent)) ?? [];
  return Promise.all(nodes.map(async node => {
    const made = await tree.getTreeItem(node);
    // the tooltip as a hover shows it (a tree may make it only then)
    const item = (await tree.resolveTreeItem?.(made, node, new vscode.CancellationTokenSource().token)) ?? made;
    return {
      label: words(item.label),
      description: words(item.description),
      tooltip: words(item.tooltip),
      children: depth > 0 && item.collapsibleState !== vscode.TreeItemCollapsibleState.None ? await shownRows(tree, depth - 1, node) : [],
    };
  }));
}
