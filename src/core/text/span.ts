/** A stretch of an article: JavaScript string offsets (UTF-16 code units), end exclusive. The one range type of the core. */
export interface Span {
  start: number;
  end: number;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function containsOffset(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

export function byStart(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end;
}

export function spanOf(span: Span): Span {
  return { start: span.start, end: span.end };
}
