import type * as vscode from 'vscode';
import type { Anchoring } from '../core/annotations/anchor';
import { LiveAnchors } from '../core/annotations/live';
import type { Annotation } from '../core/annotations/model';

/**
 * The annotations of the articles open in an editor, moved with every edit as it happens
 * (src/core/annotations/live.ts), by article uri. Tracking costs a copy of the text per event: only for
 * articles with annotations, up to the analysis size limit; the others are placed by resolveAnchor.
 */
export class LiveAnnotations {
  private readonly trackers = new Map<string, LiveAnchors>();

  constructor(private readonly maxLength: () => number) {}

  /**
   * Tracks an open article's annotations in its editor text from now on, keeping the live place of those
   * that did not change; the placements to show, or undefined when the article is not tracked.
   */
  track(key: string, text: string, annotations: Annotation[]): Map<string, Anchoring> | undefined {
    if (!annotations.length || text.length > this.maxLength()) {
      this.trackers.delete(key);
      return undefined;
    }
    const tracker = new LiveAnchors(text, annotations, this.trackers.get(key));
    this.trackers.set(key, tracker);
    return tracker.placements();
  }

  /** The live placements for this very text of an article, if it is tracked and at that text. */
  placementsFor(key: string, text: string): Map<string, Anchoring> | undefined {
    const tracker = this.trackers.get(key);
    return tracker?.text === text ? tracker.placements() : undefined;
  }

  /** Carries an editor's changes over to its article's annotations. */
  edit(e: vscode.TextDocumentChangeEvent): void {
    if (!e.contentChanges.length) return;
    this.trackers.get(e.document.uri.toString())?.edit(
      e.contentChanges.map(c => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, text: c.text })),
      e.document.getText(),
    );
  }

  tracker(key: string): LiveAnchors | undefined {
    return this.trackers.get(key);
  }

  /** The editor closed: what is on disk is the article again. */
  forget(key: string): void {
    this.trackers.delete(key);
  }
}
