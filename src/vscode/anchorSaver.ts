import * as vscode from 'vscode';
import { sameAnchor } from '../core/annotations/live';
import type { CorpusService } from './corpusService';
import type { AnnotationWriter } from './annotationWriter';

/**
 * When an article is saved, the annotations that moved with its edits get their new anchors in the sidecar,
 * so that the sidecar describes the text on disk (orphans and annotations needing review keep their stored
 * anchors: those find them again, and are what the user reviews). An annotation someone changed in the
 * sidecar meanwhile is left as it is there. Nothing is written when nothing moved.
 */
export class AnchorSaver implements vscode.Disposable {
  private readonly subscription: vscode.Disposable;

  constructor(private readonly corpus: CorpusService, private readonly writer: AnnotationWriter) {
    this.subscription = vscode.workspace.onDidSaveTextDocument(d => void this.saved(d));
  }

  private async saved(document: vscode.TextDocument): Promise<void> {
    const live = this.corpus.liveAnnotations(document.uri);
    const text = document.getText();
    if (!live || live.tracker.text !== text) return;
    const anchors = live.tracker.anchors();
    if (!anchors.size) return;
    const from = new Map(live.stored.map(a => [a.id, a.anchor]));
    try {
      await this.writer.save(document.uri, text, list => list.map(a => {
        const anchor = anchors.get(a.id);
        const was = from.get(a.id);
        return anchor && was && sameAnchor(a.anchor, was) ? { ...a, anchor } : a;
      }), { quiet: true });
    } catch {
      // the sidecar cannot be read: it is reported on the file and left alone; the anchors are found again on opening
    }
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
