import type * as vscode from 'vscode';
import type { LiveAnchors } from '../core/annotations/live';
import type { Annotation } from '../core/annotations/model';
import type { Corpus } from '../core/corpus';
import type { ArticleSync } from './articleSync';
import { LiveAnnotations } from './liveAnnotations';
import type { Previews } from './preview';

/**
 * How an article's annotations reach the corpus: with its stored text, or, when the article is open, with its
 * editor's text, and then tracked live as the user types.
 */
export class ArticleAnnotations {
  /** Annotations of articles open in an editor, moved with every edit as it happens. */
  readonly live: LiveAnnotations;

  constructor(private readonly corpus: () => Corpus, private readonly sync: ArticleSync, private readonly previews: Previews, maxLength: () => number) {
    this.live = new LiveAnnotations(maxLength);
  }

  /**
   * Gives the corpus an article's annotations (and its text: the editor's, when the article is open — then
   * the annotations are tracked live from now on, keeping the live place of those that did not change).
   */
  put(key: string, text: string, annotations: Annotation[]): void {
    this.previews.drop(key);
    const current = this.sync.editorText(key);
    if (current === undefined) { this.corpus().setArticle(key, text, annotations); return; }
    this.sync.settled(key);
    this.corpus().setArticle(key, current, annotations, this.live.track(key, current, annotations));
  }

  /** Hands an editor's text to the corpus, with the live placements that belong to it. */
  putText(key: string, text: string): void {
    this.corpus().setArticle(key, text, undefined, this.live.placementsFor(key, text));
  }

  /** The live annotations of an open article, and the annotations it was given as stored (for saving moved anchors). */
  liveAnnotations(uri: vscode.Uri): { tracker: LiveAnchors; stored: Annotation[] } | undefined {
    const key = uri.toString();
    const tracker = this.live.tracker(key);
    return tracker && { tracker, stored: this.corpus().annotationsOf(key) };
  }

  /** How many times each article's annotations were replaced (saved, reloaded): a read of its sidecar begun before the latest is out of date. */
  private readonly replaced = new Map<string, number>();

  /** The article's count of replacements, to compare before and after reading its sidecar. */
  generation(key: string): number {
    return this.replaced.get(key) ?? 0;
  }

  /** Replaces an article's annotations, if the corpus still holds it. */
  replace(key: string, annotations: Annotation[]): void {
    if (!this.corpus().has(key)) return; // deleted meanwhile
    this.replaced.set(key, this.generation(key) + 1);
    const text = this.sync.editorText(key);
    if (text !== undefined) this.put(key, text, annotations);
    else this.corpus().setAnnotations(key, annotations);
  }
}
