import * as vscode from 'vscode';
import { KIND_LABELS } from '../../core/annotations/model';
import type { PlacedAnnotation } from '../../core/corpus';
import type { Entity } from '../../core/entities/entity';
import { entityName } from '../../core/timeline/sources';
import type { CorpusChange } from '../corpusChanges';
import { CorpusTree, revealCommand } from './common';

type Section = 'needs-review' | 'orphaned';
interface Entry { path: string; placed: PlacedAnnotation }

type Node =
  | { kind: 'section'; section: Section; entries: Entry[] }
  | { kind: 'article'; path: string; annotations: PlacedAnnotation[] }
  | ({ kind: 'annotation'; inSection: boolean } & Entry);

const SECTIONS: Record<Section, { label: string; icon: string; tooltip: string }> = {
  'needs-review': {
    label: 'Needs Review', icon: 'warning',
    tooltip: 'The text changed where these were, and the place found for each is not certain. Accept the place shown, re-attach the annotation to a selection, or delete it.',
  },
  orphaned: {
    label: 'Orphaned', icon: 'question',
    tooltip: 'The words these were attached to are no longer in the article. They are kept until you re-attach them to a selection or delete them.',
  },
};

/**
 * The user's annotations: first the ones that need the user — "Needs Review" (placed, but not for sure)
 * and "Orphaned" (not found) — across all articles, then each article's placed annotations. Nothing is
 * ever hidden or removed here without the user.
 */
export class AnnotationsTree extends CorpusTree<Node> {
  /** The articles that have annotations, as of the last change. */
  private readonly annotated = new Set<string>();

  /** Only a change to an article that has or had annotations shows here. */
  protected override affectedBy(change: CorpusChange): boolean {
    const articles = this.corpus.view().articles;
    let affected = false;
    for (const path of change.articles) {
      const has = Boolean(articles.get(path)?.annotations.length);
      if (has || this.annotated.has(path)) affected = true;
      if (has) this.annotated.add(path);
      else this.annotated.delete(path);
    }
    return affected;
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.roots();
    if (node.kind === 'section') return node.entries.map(e => ({ kind: 'annotation', inSection: true, ...e }));
    if (node.kind === 'article') return node.annotations.map(placed => ({ kind: 'annotation', inSection: false, path: node.path, placed }));
    return [];
  }

  private roots(): Node[] {
    const articles = [...this.corpus.view().articles.values()];
    const entries = (status: Section) => articles.flatMap(a => a.annotations.filter(p => p.status === status).map(placed => ({ path: a.path, placed })));
    const sections: Node[] = (['needs-review', 'orphaned'] as const).map(section => ({ kind: 'section' as const, section, entries: entries(section) })).filter(s => s.entries.length);
    const placed = articles.map(a => ({ kind: 'article' as const, path: a.path, annotations: a.annotations.filter(isPlaced) })).filter(a => a.annotations.length);
    return [...sections, ...placed];
  }

  /** How many annotations wait for the user (the view's badge). */
  waiting(): number {
    let n = 0;
    for (const a of this.corpus.view().articles.values()) n += a.annotations.filter(p => !isPlaced(p)).length;
    return n;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'section') {
      const { label, icon, tooltip } = SECTIONS[node.section];
      const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(node.entries.length);
      item.tooltip = tooltip;
      item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(node.section === 'needs-review' ? 'list.warningForeground' : 'list.deemphasizedForeground'));
      item.contextValue = `section-${node.section}`;
      item.id = `annotations/section/${node.section}`;
      return item;
    }
    if (node.kind === 'article') {
      const item = this.articleItem(node.path, String(node.annotations.length), vscode.TreeItemCollapsibleState.Expanded);
      item.contextValue = 'article';
      item.id = `annotations/${node.path}`;
      return item;
    }
    return this.annotationItem(node);
  }

  private annotationItem(node: Extract<Node, { kind: 'annotation' }>): vscode.TreeItem {
    const { annotation: a, status, span } = node.placed;
    const article = this.corpus.view().articles.get(node.path);
    const current = span && article ? article.text.slice(span.start, span.end) : a.anchor.text;
    const item = new vscode.TreeItem(`${KIND_LABELS[a.kind]}: ${a.label ?? oneLine(isPlaced(node.placed) ? current : a.anchor.text)}`);
    const entities = this.corpus.view().entities;
    const speaker = a.kind === 'quote' && a.links.speaker ? `said by ${entityName(a.links.speaker, entities)}` : '';
    item.description = [node.inSection ? this.names().name(node.path) : '', speaker, ...claimWords(node.placed, entities), a.note].filter(Boolean).join(' · ');
    item.tooltip = tooltip(node.placed, current, article && this.names().name(article.path), entities);
    item.iconPath = new vscode.ThemeIcon(status === 'needs-review' ? 'warning' : status === 'orphaned' ? 'question' : a.kind === 'claim' ? 'law' : 'tag');
    item.contextValue = status === 'needs-review' ? 'annotation-review' : status === 'orphaned' ? 'annotation-orphan' : 'annotation';
    item.id = `annotations/${node.inSection ? 'section/' : ''}${node.path}/${a.id}`;
    // an orphan opens its article where it was (there is nothing to select)
    const at = span ?? { start: Math.min(a.anchor.start, article?.text.length ?? 0), end: Math.min(a.anchor.start, article?.text.length ?? 0) };
    item.command = revealCommand(node.path, at);
    return item;
  }
}

function isPlaced(p: PlacedAnnotation): boolean {
  return Boolean(p.span) && (p.status === 'anchored' || p.status === 'moved');
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 60);

/** A claim's verdict and who made it, in words: ["False", "by Donald Trump"]; nothing for other annotations. */
function claimWords({ annotation: a }: PlacedAnnotation, entities: ReadonlyMap<string, Entity>): string[] {
  if (a.kind !== 'claim') return [];
  return [a.rating ?? 'no verdict yet', a.links.claimant ? `by ${entityName(a.links.claimant, entities)}` : ''].filter(Boolean);
}

function tooltip(p: PlacedAnnotation, current: string, article: string | undefined, entities: ReadonlyMap<string, Entity>): vscode.MarkdownString {
  const a = p.annotation;
  const md = new vscode.MarkdownString('', true);
  md.appendMarkdown(`**${KIND_LABELS[a.kind]}** `).appendText(`“${a.anchor.text}”`);
  const claim = claimWords(p, entities);
  if (claim.length) md.appendMarkdown('\n\n$(law) ').appendText(`Verdict: ${claim.join(', claimed ')}`);
  if (a.note) md.appendMarkdown('\n\n').appendText(a.note);
  if (p.status === 'needs-review') {
    md.appendMarkdown('\n\n$(warning) The text changed here. Best match now: ').appendText(`“${current}”`).appendMarkdown('. Accept it, re-attach the annotation to a selection, or delete it.');
  } else if (p.status === 'orphaned') {
    md.appendMarkdown('\n\n$(question) ').appendText(`These words are no longer in ${article ?? 'the article'}. Select where the annotation belongs and re-attach it, or delete it.`);
  }
  md.appendMarkdown('\n\n').appendText(`${a.author} · ${a.updated}`);
  return md;
}

export type AnnotationNode = Node;
