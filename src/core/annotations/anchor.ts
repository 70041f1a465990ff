import type { Span } from '../text/span';
import { CONTEXT_LENGTH, type Anchor } from './model';

export type AnchorStatus = 'anchored' | 'moved' | 'needs-review' | 'orphaned';

export interface Anchoring {
  status: AnchorStatus;
  /** Where the annotation is now (for needs-review: the best candidate). */
  span?: Span;
}

export function makeAnchor(text: string, span: Span): Anchor {
  return {
    text: text.slice(span.start, span.end),
    prefix: text.slice(Math.max(0, span.start - CONTEXT_LENGTH), span.start),
    suffix: text.slice(span.end, span.end + CONTEXT_LENGTH),
    start: span.start,
    end: span.end,
  };
}

/**
 * Finds an annotation's text in the article's current text: exactly where it was; else the exact text
 * elsewhere, the occurrence whose context matches best and, among equals, the nearest to the old place;
 * else the same words with other spacing or case, which only the user may confirm (needs-review).
 * Nothing found: orphaned — never dropped.
 */
export function resolveAnchor(text: string, anchor: Anchor): Anchoring {
  if (!anchor.text) return { status: 'orphaned' };
  const exact = occurrences(text, anchor.text).map(start => ({ start, end: start + anchor.text.length }));
  if (exact.length) {
    // the text at the old offsets wins unless another occurrence has clearly better context
    const winner = best(text, anchor, exact);
    const stays = winner.start === anchor.start || (text.slice(anchor.start, anchor.end) === anchor.text && score(text, anchor, { start: anchor.start, end: anchor.end }) >= score(text, anchor, winner));
    return stays ? { status: 'anchored', span: { start: anchor.start, end: anchor.end } } : { status: 'moved', span: winner };
  }
  const loose = looseOccurrences(text, anchor.text);
  if (loose.length) return { status: 'needs-review', span: best(text, anchor, loose) };
  return { status: 'orphaned' };
}

function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}

function looseOccurrences(text: string, needle: string): Span[] {
  const pattern = needle.trim().split(/\s+/).map(w => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  if (!pattern) return [];
  const re = new RegExp(pattern, 'gi');
  const found: Span[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) found.push({ start: m.index, end: m.index + m[0].length });
  return found;
}

/** Characters of context that agree on either side, less a fraction for the distance from the old place. */
function score(text: string, anchor: Anchor, c: Span): number {
  const before = commonSuffix(text.slice(Math.max(0, c.start - CONTEXT_LENGTH), c.start), anchor.prefix);
  const after = commonPrefix(text.slice(c.end, c.end + CONTEXT_LENGTH), anchor.suffix);
  return before + after - Math.abs(c.start - anchor.start) / Math.max(1, text.length);
}

function best(text: string, anchor: Anchor, candidates: Span[]): Span {
  let winner = candidates[0];
  let winnerScore = -Infinity;
  for (const c of candidates) {
    const s = score(text, anchor, c);
    if (s > winnerScore) { winner = c; winnerScore = s; }
  }
  return winner;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
