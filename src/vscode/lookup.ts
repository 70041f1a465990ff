import * as vscode from 'vscode';
import type { ArticleView, CorpusView, PlacedAnnotation, ResolvedQuote } from '../core/corpus';
import type { Mention } from '../core/model';
import { containsOffset } from '../core/text/span';

/** What sits at a place in an article: the innermost entity mention, quote and user annotations there. */
export interface AtPosition {
  article: ArticleView;
  mention?: Mention;
  quote?: ResolvedQuote;
  annotations: PlacedAnnotation[];
}

export function lookup(view: CorpusView, document: vscode.TextDocument, position: vscode.Position): AtPosition | undefined {
  const article = view.articles.get(document.uri.toString());
  if (!article || article.text !== document.getText()) return undefined;
  const offset = document.offsetAt(position);
  const mention = article.mentions.filter(m => m.type !== 'MISC' && containsOffset(m, offset)).sort((a, b) => (a.end - a.start) - (b.end - b.start))[0];
  const quote = article.quotes.find(q => containsOffset(q, offset));
  const annotations = article.annotations.filter(p => p.span && containsOffset(p.span, offset));
  return { article, mention, quote, annotations };
}

/** Every mention of an entity across the corpus, article by article in path order. */
export function mentionsOf(view: CorpusView, entityId: string): { path: string; mention: Mention }[] {
  const out: { path: string; mention: Mention }[] = [];
  // only the articles the corpus's index says mention it, in path order
  for (const path of [...(view.mentionCounts.get(entityId)?.keys() ?? [])].sort()) {
    for (const m of view.articles.get(path)?.mentions ?? []) if (m.entityId === entityId) out.push({ path, mention: m });
  }
  return out;
}
