import type { Span } from '../text/span';
import { makeAnchor, resolveAnchor, type Anchoring, type AnchorStatus } from './anchor';
import { moveSpan, type TextChange } from './edits';
import type { Anchor, Annotation } from './model';

/** A change as the editor reports it: the replaced stretch of the old text and the text put there. */
export interface TypedChange {
  start: number;
  end: number;
  text: string;
}

interface Entry {
  annotation: Annotation;
  status: AnchorStatus;
  span?: Span;
  /**
   * For an annotation whose words an edit deleted: its anchor just before, the place of the deletion (moved
   * with later edits) and where in the deleted stretch the words began, so that an undo brings it back.
   */
  lost?: { anchor: Anchor; at: number; offset: number };
}

/**
 * The annotations of an article open in an editor, carried along with every edit as it happens
 * (src/core/annotations/edits.ts moveSpan), so that typing never makes them drift and never needs the
 * search of resolveAnchor:
 * - text typed before an annotation shifts it, typed inside it grows it;
 * - an edit that deletes all of its words makes it an orphan (never a zero-length ghost); undoing the
 *   deletion (or pasting the same words back at that place) restores it;
 * - an edit that replaces its words with other text (a reload from disk, a paste, a formatter) looks for
 *   them in that text as on opening: found, changed a little (needs review), or not at all (an orphan).
 * Placements are kept for the text the tracker was last given; `anchors()` gives what to save with it.
 */
export class LiveAnchors {
  private entries: Entry[];

  /** Resolves the annotations in `text`; an entry of `previous` for the same text and anchor keeps its live placement. */
  constructor(private current: string, annotations: Annotation[], previous?: LiveAnchors) {
    const kept = previous && previous.current === current ? new Map(previous.entries.map(e => [e.annotation.id, e])) : undefined;
    this.entries = annotations.map(annotation => {
      const old = kept?.get(annotation.id);
      if (old && sameAnchor(old.annotation.anchor, annotation.anchor)) return { ...old, annotation };
      return { annotation, ...resolveAnchor(current, annotation.anchor) };
    });
  }

  get text(): string {
    return this.current;
  }

  /**
   * Applies one editor event (its changes in the order given, each against the text left by the ones before);
   * `result` is the document's text afterwards. If the changes do not produce it (an event was missed), every
   * annotation is found again from scratch.
   */
  edit(changes: readonly TypedChange[], result: string): void {
    const [only] = changes;
    // typing: one change, whose result is the editor's text (checked by length, not by copying the text)
    if (changes.length === 1 && only.start >= 0 && only.start <= only.end && only.end <= this.current.length
      && this.current.length - (only.end - only.start) + only.text.length === result.length) {
      for (const entry of this.entries) this.move(entry, this.current, result, only);
      this.current = result;
      return;
    }
    let text = this.current;
    for (const change of changes) {
      if (change.start < 0 || change.end > text.length || change.start > change.end) break;
      const next = text.slice(0, change.start) + change.text + text.slice(change.end);
      for (const entry of this.entries) this.move(entry, text, next, change);
      text = next;
    }
    if (text !== result) {
      this.entries = this.entries.map(e => ({ annotation: e.annotation, ...resolveAnchor(result, e.annotation.anchor) }));
    }
    this.current = result;
  }

  private move(entry: Entry, before: string, after: string, change: TypedChange): void {
    const edit: TextChange = { start: change.start, end: change.end, insertedLength: change.text.length };
    const lost = entry.lost;
    if (lost) {
      // the deleted words put back where they were (an undo, a paste): found there again, with their context
      if (change.start === lost.at && change.text.includes(lost.anchor.text)) {
        const start = lost.at + lost.offset;
        const back = resolveAnchor(after, { ...lost.anchor, start, end: start + lost.anchor.text.length });
        if (isPlaced(back)) { Object.assign(entry, { status: 'anchored', span: back.span, lost: undefined }); return; }
      }
      lost.at = moveSpan({ start: lost.at, end: lost.at }, edit)?.start ?? change.start;
      return;
    }
    if (!entry.span) return;
    const moved = moveSpan(entry.span, edit);
    if (moved) { entry.span = moved; return; }
    // its words are gone from where they were. A text put in their place that is as long as them (a reload,
    // a paste; not a few letters typed over them) may bring them back, or something like them: looked for
    // there as on opening. Else, or if only a copy elsewhere is like them, an orphan.
    const anchor = makeAnchor(before, entry.span);
    const found = change.text.length >= anchor.text.length ? resolveAnchor(after, anchor) : undefined;
    if (found?.span && found.span.start >= change.start && found.span.end <= change.start + change.text.length) {
      entry.span = found.span;
      entry.status = found.status;
      return;
    }
    entry.status = 'orphaned';
    entry.lost = { anchor, at: change.start, offset: entry.span.start - change.start };
    entry.span = undefined;
  }

  /**
   * Where each annotation is in the current text, by id. As for an annotation found on opening, the status
   * is against what its sidecar says: one placed elsewhere than its stored offsets has moved.
   */
  placements(): Map<string, Anchoring> {
    return new Map(this.entries.map(e => {
      if (!e.span) return [e.annotation.id, { status: e.status }];
      const { start, end } = e.annotation.anchor;
      const status = e.status === 'anchored' && (e.span.start !== start || e.span.end !== end) ? 'moved' : e.status;
      return [e.annotation.id, { status, span: e.span }];
    }));
  }

  /**
   * The anchors to save with the current text: those of annotations placed with confidence whose stored
   * anchor no longer describes where they are. Orphans and annotations needing review keep their stored
   * anchor (it is what finds them again, and what the user reviews).
   */
  anchors(): Map<string, Anchor> {
    const out = new Map<string, Anchor>();
    for (const e of this.entries) {
      if (!e.span || (e.status !== 'anchored' && e.status !== 'moved')) continue;
      const anchor = makeAnchor(this.current, e.span);
      if (!sameAnchor(anchor, e.annotation.anchor)) out.set(e.annotation.id, anchor);
    }
    return out;
  }
}

const isPlaced = (a: Anchoring) => Boolean(a.span) && (a.status === 'anchored' || a.status === 'moved');

export function sameAnchor(a: Anchor, b: Anchor): boolean {
  return a.text === b.text && a.prefix === b.prefix && a.suffix === b.suffix && a.start === b.start && a.end === b.end;
}
