// What every import does: find the article an annotation from another tool belongs to, place it in the
// article's text with the anchoring the sidecars use (src/core/annotations/anchor.ts), and add it to the
// article's annotations without doubling one already there.
import { makeAnchor, resolveAnchor, type AnchorStatus } from '../annotations/anchor';
import { CONTEXT_LENGTH, newAnnotationId, type Anchor, type Annotation } from '../annotations/model';
import type { ArticleView } from '../corpus';
import type { Span } from '../text/span';

/** An article an import may put annotations in: its path as the corpus knows it, its path relative to the folder, its text. */
export interface ImportArticle {
  path: string;
  relative: string;
  text: string;
  /** What the analysis shows in it (brat: what is already shown is not added again). */
  view?: ArticleView;
}

/** An annotation made by an import, and how sure its place is (anchored; needs-review; orphaned). */
export interface Imported {
  annotation: Annotation;
  status: AnchorStatus;
}

/** What an import would add, by article path, and what it could not place anywhere (in words). */
export interface ImportPlan {
  articles: Map<string, Imported[]>;
  notPlaced: string[];
  /** Items of the file that carry nothing to import (brat: entities the analysis already shows, dates). */
  alreadyShown: number;
}

export function emptyPlan(): ImportPlan {
  return { articles: new Map(), notPlaced: [], alreadyShown: 0 };
}

export function addToPlan(plan: ImportPlan, article: ImportArticle, imported: Imported): void {
  (plan.articles.get(article.path) ?? plan.articles.set(article.path, []).get(article.path)!).push(imported);
}

/**
 * The place of an anchor another tool describes (its words, some context, offsets), in the article's text. Placed
 * for sure (resolveAnchor: anchored or moved): a fresh anchor where it is, with the article's own context.
 * Otherwise the anchor as described (its context cut to ours), which the sidecar then keeps: read again, it
 * resolves the same way — the same candidate to review, or an orphan to re-attach.
 */
export function placeAnchor(text: string, described: Anchor): { anchor: Anchor; status: AnchorStatus; span?: Span } {
  const anchor: Anchor = { ...described, prefix: described.prefix.slice(-CONTEXT_LENGTH), suffix: described.suffix.slice(0, CONTEXT_LENGTH) };
  const placed = resolveAnchor(text, anchor);
  if (placed.span && (placed.status === 'anchored' || placed.status === 'moved')) return { anchor: makeAnchor(text, placed.span), status: 'anchored', span: placed.span };
  return { anchor, status: placed.status, span: placed.span };
}

const lastSegments = (path: string, n: number) => path.split('/').slice(-n).join('/');

/**
 * The article a source names: its path relative to the folder, or a URL or path ending with it (the longest
 * match wins); else the one article with the same file name, or with the name and an extension. Undefined when none is named.
 */
export function articleForSource(source: string | undefined, articles: readonly ImportArticle[]): ImportArticle | undefined {
  if (!source) return undefined;
  let path = source.replace(/[?#].*$/s, '').replace(/\\/g, '/');
  try { path = decodeURI(path); } catch { /* kept as written */ }
  const exact = articles.filter(a => path === a.relative || path.endsWith(`/${a.relative}`));
  if (exact.length) return exact.sort((a, b) => b.relative.length - a.relative.length)[0];
  // the same file name, or a page's name saved with an extension (http://example.org/page1 → page1.txt)
  const name = lastSegments(path, 1);
  const stem = (file: string) => file.replace(/\.[^.]*$/, '');
  for (const matches of [(a: string) => a === name, (a: string) => stem(a) === name]) {
    const same = articles.filter(a => matches(lastSegments(a.relative, 1)));
    if (same.length === 1) return same[0];
  }
  return undefined;
}

/**
 * Where text quoted without a known article is, for sure: the articles holding its exact words where the
 * anchoring places it without review. One: that one; none or several: undefined, with why in words.
 */
export function articleForQuote(described: Anchor, articles: readonly ImportArticle[]): { article?: ImportArticle; why?: string } {
  const holding = articles.filter(a => described.text && a.text.includes(described.text));
  const sure = holding.filter(a => placeAnchor(a.text, described).status === 'anchored');
  if (sure.length === 1) return { article: sure[0] };
  if (sure.length > 1) return { why: `found in ${sure.length} articles (${sure.map(a => a.relative).join(', ')}): name the article in its source` };
  return { why: holding.length ? `its words are in ${holding.map(a => a.relative).join(', ')}, but not with its context: name the article in its source` : 'its words are in no article' };
}

/** Whether two annotations are the same one: the same id, or the same kind, place, words and note. */
function same(a: Annotation, b: Annotation): boolean {
  return a.id === b.id || (a.kind === b.kind && a.anchor.start === b.anchor.start && a.anchor.end === b.anchor.end && a.anchor.text === b.anchor.text && (a.note ?? '') === (b.note ?? ''));
}

/**
 * The article's annotations with the imported ones added: one already there (the same id, or the same kind at
 * the same place with the same note — an import made twice) is not added again, and an annotation the user
 * edited since is never overwritten.
 */
export function addImported(list: readonly Annotation[], incoming: readonly Annotation[]): { list: Annotation[]; added: Annotation[]; alreadyThere: number } {
  const out = [...list];
  const added: Annotation[] = [];
  let alreadyThere = 0;
  for (const a of incoming) {
    if (out.some(b => same(a, b))) { alreadyThere++; continue; }
    out.push(a);
    added.push(a);
  }
  return { list: out, added, alreadyThere };
}

/** Fresh annotation ids, never one twice in one import (many are made within a millisecond). */
export function freshIds(): () => string {
  const made = new Set<string>();
  return () => {
    let id = newAnnotationId();
    while (made.has(id)) id = newAnnotationId();
    made.add(id);
    return id;
  };
}

/** How many of the imported annotations were added, and how many of those wait for the user (review, re-attach). */
export function countAdded(incoming: readonly Imported[], added: readonly Annotation[]): { added: number; needsReview: number; orphaned: number } {
  const ids = new Set(added.map(a => a.id));
  const taken = incoming.filter(i => ids.has(i.annotation.id));
  return { added: ids.size, needsReview: taken.filter(i => i.status === 'needs-review').length, orphaned: taken.filter(i => i.status === 'orphaned').length };
}
