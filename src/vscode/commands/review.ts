import * as vscode from 'vscode';
import { makeAnchor } from '../../core/annotations/anchor';
import { KIND_LABELS, type Anchor } from '../../core/annotations/model';
import type { PlacedAnnotation } from '../../core/corpus';
import type { Span } from '../../core/text/span';
import { toRange, toSpan } from '../convert';
import type { CorpusService } from '../corpusService';
import { refOf, short } from './annotate';
import type { AnnotationWriter } from '../annotationWriter';

/**
 * What the user does with an annotation the text no longer holds for sure (the Annotations view's
 * "Needs Review" and "Orphaned" sections, and the hover): accept the place found for it, or re-attach it to
 * the words selected in its article. Deleting is the ordinary Delete Annotation.
 */
export class AnchorReview {
  constructor(private readonly corpus: CorpusService, private readonly writer: AnnotationWriter) {}

  /** Accepts the best candidate of an annotation that needs review: it is anchored there from now on. */
  async accept(arg?: unknown): Promise<PlacedAnnotation | undefined> {
    this.corpus.flushPending();
    const found = await this.find(arg, p => p.status === 'needs-review' && Boolean(p.span));
    if (!found) {
      void vscode.window.showInformationMessage('Choose an annotation from “Needs Review” in the Annotations view.');
      return undefined;
    }
    const text = this.corpus.article(found.uri)!.text;
    await this.reanchor(found.uri, found.placed, text, makeAnchor(text, found.placed.span!));
    return found.placed;
  }

  /**
   * Attaches an annotation to the words selected in its article. Without a selection there, the article is
   * opened where the annotation was (or may be), to select them and run the command again.
   */
  async reattach(arg?: unknown): Promise<PlacedAnnotation | undefined> {
    this.corpus.flushPending();
    const found = await this.find(arg, () => true);
    if (!found) return undefined;
    const { uri, placed } = found;
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.uri.toString() !== uri.toString() || editor.selection.isEmpty) {
      const document = await vscode.workspace.openTextDocument(uri);
      const place = placed.span ?? clamp(placed.annotation.anchor, document.getText().length);
      await vscode.window.showTextDocument(document, { selection: toRange(document, place), preview: false });
      void vscode.window.showInformationMessage(
        `Select the words the ${KIND_LABELS[placed.annotation.kind].toLowerCase()} “${short(placed.annotation.anchor.text)}” belongs to, then choose Re-attach to Selection again.`,
      );
      return undefined;
    }
    const text = editor.document.getText();
    const span = toSpan(editor.document, editor.selection);
    await this.reanchor(uri, placed, text, makeAnchor(text, span));
    return placed;
  }

  private async reanchor(uri: vscode.Uri, placed: PlacedAnnotation, text: string, anchor: Anchor): Promise<void> {
    const id = placed.annotation.id;
    await this.writer.save(uri, text, list => list.map(a => a.id === id ? { ...a, anchor, updated: new Date().toISOString() } : a));
    void vscode.window.setStatusBarMessage(`$(check) ${KIND_LABELS[placed.annotation.kind]} attached to “${short(anchor.text)}”`, 4000);
  }

  private async find(arg: unknown, wanted: (p: PlacedAnnotation) => boolean): Promise<{ uri: vscode.Uri; placed: PlacedAnnotation } | undefined> {
    const ref = refOf(arg);
    if (ref) {
      const uri = vscode.Uri.parse(ref.article);
      const placed = this.corpus.article(uri)?.annotations.find(p => p.annotation.id === ref.id);
      return placed && wanted(placed) ? { uri, placed } : undefined;
    }
    // from the palette: the one at the cursor, else one of the article's that wait for the user
    const editor = vscode.window.activeTextEditor;
    const article = editor && this.corpus.article(editor.document.uri);
    if (!editor || !article) return undefined;
    const offset = editor.document.offsetAt(editor.selection.start);
    const waiting = article.annotations.filter(p => p.status === 'needs-review' || p.status === 'orphaned').filter(wanted);
    const here = waiting.find(p => p.span && p.span.start <= offset && offset <= p.span.end);
    const placed = here ?? (waiting.length <= 1 ? waiting[0] : (await vscode.window.showQuickPick(
      waiting.map(p => ({ label: `${KIND_LABELS[p.annotation.kind]}: ${short(p.annotation.anchor.text)}`, description: p.status === 'orphaned' ? 'orphaned' : 'needs review', detail: p.annotation.note, p })),
      { title: 'Which annotation?' },
    ))?.p);
    return placed && { uri: editor.document.uri, placed };
  }
}

function clamp(anchor: Anchor, length: number): Span {
  const at = Math.min(anchor.start, length);
  return { start: at, end: at };
}
