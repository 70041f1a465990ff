import type { Span } from '../text/span';

/** One change to a document: the replaced stretch (in the old text) and the length of what replaced it. */
export interface TextChange {
  start: number;
  end: number;
  insertedLength: number;
}

/**
 * Moves an annotated span with an edit. Text typed before it shifts it; typed inside it grows it;
 * an edit that removes all of its text returns null (the annotation becomes an orphan, never a
 * zero-length ghost).
 */
export function moveSpan(span: Span, change: TextChange): Span | null {
  const delta = change.insertedLength - (change.end - change.start);
  if (change.end <= span.start) {
    // an insertion exactly at the start goes before the annotation
    return { start: span.start + delta, end: span.end + delta };
  }
  if (change.start >= span.end) return span;
  if (change.start <= span.start && change.end >= span.end) return null;
  const start = change.start < span.start ? change.start + change.insertedLength : span.start;
  const end = change.end > span.end ? change.start : span.end + delta;
  return end > start ? { start, end } : null;
}
