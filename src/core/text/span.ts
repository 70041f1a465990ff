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

/** Index of the first span (sorted by start) whose start is ≥ offset. */
export function lowerBound(sorted: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first number greater than the value in a sorted list. */
export function upperBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Spans sorted by start, for lookups in logarithmic time: what lies within a window, what covers an offset. */
export class SpanIndex<T extends Span> {
  readonly items: T[];
  private readonly maxLength: number;

  constructor(items: readonly T[]) {
    this.items = [...items].sort((a, b) => a.start - b.start);
    this.maxLength = this.items.reduce((m, s) => Math.max(m, s.end - s.start), 0);
  }

  /** Items lying wholly inside the window, in order. */
  within(window: Span): T[] {
    const out: T[] = [];
    for (let i = lowerBound(this.items, window.start); i < this.items.length && this.items[i].start < window.end; i++) {
      if (this.items[i].end <= window.end) out.push(this.items[i]);
    }
    return out;
  }

  /** Items overlapping the window. */
  overlapping(window: Span): T[] {
    const out: T[] = [];
    for (let i = lowerBound(this.items, window.start - this.maxLength); i < this.items.length && this.items[i].start < window.end; i++) {
      if (this.items[i].end > window.start) out.push(this.items[i]);
    }
    return out;
  }

  /** Whether some item lies strictly around the offset (start < offset < end). */
  strictlyAround(offset: number): boolean {
    for (let i = lowerBound(this.items, offset) - 1; i >= 0 && this.items[i].start >= offset - this.maxLength; i--) {
      if (this.items[i].end > offset) return true;
    }
    return false;
  }

  /** The last item ending at or before the offset that passes the test. */
  lastBefore(offset: number, test: (item: T) => boolean = () => true): T | undefined {
    for (let i = lowerBound(this.items, offset) - 1; i >= 0; i--) {
      if (this.items[i].end <= offset && test(this.items[i])) return this.items[i];
    }
    return undefined;
  }
}
