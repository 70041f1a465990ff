// Property-based fuzz of anchoring: random annotations on an article, random edits to the article (typing,
// deleting, replacing, moving a stretch elsewhere, as a git pull or another editor would), then every annotation
// is re-anchored against the final text from what its sidecar stored before the edits. The truth is tracked
// through each edit: where each annotated stretch went, and whether its text survived untouched.
// Shared by the unit test (a few hundred edits) and `npm run bench:anchoring` (10,000 edits).
import * as fc from 'fast-check';
import { makeAnchor, resolveAnchor, type AnchorStatus } from '../../src/core/annotations/anchor';
import { parseSidecar, serializeSidecar } from '../../src/core/annotations/codec';
import type { Annotation } from '../../src/core/annotations/model';
import type { Span } from '../../src/core/text/span';

type Edit =
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'replace'; at: number; length: number; text: string }
  | { op: 'move'; at: number; length: number; to: number };

/**
 * Where an annotated stretch is now, and whether its text is still the same characters. `pieces` are what is
 * left of its characters, in their order: one stretch, or several when a move cut it apart, none when it is gone.
 */
interface Truth {
  pieces: Span[];
  survived: boolean;
}

// Edit positions are fractions of the current length, so that a generated script fits any article.
const fraction = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map(n => n / 1_000_000);
const typed = fc.constantFrom('a', 'the ', 'Trump', ' said ', '\n\n', '“', 'Kim Jong Un ', ', ', 'x', '\r\n', 'é', '😀', 'President ');
const editArb = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fraction, text: fc.array(typed, { minLength: 1, maxLength: 4 }).map(a => a.join('')) }),
  fc.record({ op: fc.constant('delete' as const), at: fraction, length: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ op: fc.constant('replace' as const), at: fraction, length: fc.integer({ min: 1, max: 20 }), text: fc.array(typed, { minLength: 1, maxLength: 3 }).map(a => a.join('')) }),
  fc.record({ op: fc.constant('move' as const), at: fraction, length: fc.integer({ min: 20, max: 400 }), to: fraction }),
);

export interface FuzzCase {
  article: number;
  /** Annotated stretches as fractions of the article: start and length in characters. */
  annotations: { at: number; length: number }[];
  edits: Edit[];
}

export const caseArb = (articles: number, editsPerCase: number): fc.Arbitrary<FuzzCase> => fc.record({
  article: fc.integer({ min: 0, max: articles - 1 }),
  annotations: fc.array(fc.record({ at: fraction, length: fc.integer({ min: 2, max: 80 }) }), { minLength: 1, maxLength: 8 }),
  edits: fc.array(editArb, { minLength: editsPerCase, maxLength: editsPerCase }),
});

/** A code-unit offset that does not split a surrogate pair (VS Code never does either). */
function snap(text: string, at: number): number {
  at = Math.max(0, Math.min(text.length, at));
  return at > 0 && at < text.length && /[\uDC00-\uDFFF]/.test(text[at]) ? at - 1 : at;
}

/** Applies one edit to the text and to every truth; returns the new text. */
function apply(text: string, e: Edit, truths: Truth[]): string {
  const at = snap(text, Math.floor(e.at * text.length));
  if (e.op === 'move') {
    const end = snap(text, at + e.length);
    const block = text.slice(at, end);
    const rest = text.slice(0, at) + text.slice(end);
    const to = snap(rest, Math.floor(e.to * rest.length));
    if (to === at) return text; // put back where it was: nothing changed
    // a piece is cut at the block's edges: what is inside goes with the block; what is outside closes the gap
    // and then opens room at the target (being cut in two if the target is inside it)
    const outside = (a: number, b: number): Span[] => {
      const shift = (x: number) => (x >= end ? x - block.length : x);
      const [start, stop] = [shift(a), shift(b)];
      if (stop <= to) return [{ start, end: stop }];
      if (start >= to) return [{ start: start + block.length, end: stop + block.length }];
      return [{ start, end: to }, { start: to + block.length, end: stop + block.length }];
    };
    for (const t of truths) {
      const pieces = t.pieces.flatMap(p => [
        ...(p.start < at ? outside(p.start, Math.min(p.end, at)) : []),
        ...(p.end > at && p.start < end ? [{ start: to + Math.max(p.start, at) - at, end: to + Math.min(p.end, end) - at }] : []),
        ...(p.end > end ? outside(Math.max(p.start, end), p.end) : []),
      ]);
      if (pieces.length !== t.pieces.length) t.survived = false;
      t.pieces = joined(pieces);
    }
    return rest.slice(0, to) + block + rest.slice(to);
  }
  const end = e.op === 'insert' ? at : snap(text, at + e.length);
  const inserted = e.op === 'delete' ? '' : e.text;
  const delta = inserted.length - (end - at);
  for (const t of truths) {
    t.pieces = joined(t.pieces.flatMap(s => {
      if (end <= s.start) return [{ start: s.start + delta, end: s.end + delta }]; // typing at its very start goes before it
      if (at >= s.end) return [s];
      t.survived = false;
      return overlapAfter(s, at, end, inserted.length) ?? [];
    }));
  }
  return text.slice(0, at) + inserted + text.slice(end);
}

/** Pieces that follow each other in the text as in the annotation are one piece again. */
function joined(pieces: Span[]): Span[] {
  const out: Span[] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    if (last && last.end === p.start) out[out.length - 1] = { start: last.start, end: p.end };
    else out.push(p);
  }
  return out;
}

/** Where a stretch touched by an edit is afterwards (what is left of it), or null when it is gone. */
function overlapAfter(s: Span, at: number, end: number, inserted: number): Span | null {
  const start = s.start < at ? s.start : at + inserted;
  const stop = s.end > end ? s.end - (end - at) + inserted : at;
  return stop > start ? { start, end: stop } : null;
}

export interface FuzzFigures {
  cases: number;
  edits: number;
  annotations: number;
  lost: number;
  survived: number;
  survivedExact: number;
  survivedReview: number;
  /** …of which the candidate shown for review is exactly where the text is. */
  survivedReviewRight: number;
  /**
   * …of which another occurrence of the text shares at least as much of the stored context as the annotated
   * one now does, or a look-alike did when it was made: nothing in the text tells them apart.
   */
  survivedReviewTied: number;
  survivedOrphaned: number;
  survivedWrong: number;
  changed: number;
  changedOrphanedOrReview: number;
  changedReanchoredOnEditedText: number;
  changedWrong: number;
  statuses: Record<AnchorStatus, number>;
}

export function emptyFigures(): FuzzFigures {
  return {
    cases: 0, edits: 0, annotations: 0, lost: 0, survived: 0, survivedExact: 0, survivedReview: 0, survivedReviewRight: 0, survivedReviewTied: 0, survivedOrphaned: 0, survivedWrong: 0,
    changed: 0, changedOrphanedOrReview: 0, changedReanchoredOnEditedText: 0, changedWrong: 0,
    statuses: { anchored: 0, moved: 0, 'needs-review': 0, orphaned: 0 },
  };
}

/** An annotation placed confidently (anchored or moved) where its text is not: what was stored, where it went, where it is. */
export interface WrongPlacement {
  anchor: Annotation['anchor'];
  status: AnchorStatus;
  placed?: Span;
  /** What is left of the annotated stretch (several pieces when a move cut it apart; none when it is gone). */
  truth: Span[];
  survived: boolean;
  /** The article's text after the edits. */
  text: string;
}

/** Runs one case and adds its outcome to the figures (and each wrong placement to `wrong`, when given). */
export function runCase(articles: string[], c: FuzzCase, figures: FuzzFigures, wrong?: (w: WrongPlacement) => void, review?: (w: WrongPlacement) => void): void {
  let text = articles[c.article];
  const annotations: Annotation[] = c.annotations.map((a, i) => {
    const start = snap(text, Math.floor(a.at * text.length));
    const end = snap(text, Math.min(text.length, start + a.length));
    return { id: `a-${i}`, kind: 'note' as const, links: {}, author: 'fuzz', created: '', updated: '', anchor: makeAnchor(text, { start, end: Math.max(end, start + 1) }) };
  }).filter(a => a.anchor.text.trim() && a.anchor.end <= text.length);
  // the sidecar as stored before the edits, through the codec as on disk
  const stored = parseSidecar(serializeSidecar({ version: 1, article: 'a.txt', contentHash: '', annotations }), 'a.txt').sidecar?.annotations ?? [];
  figures.lost += annotations.filter(a => !stored.some(s => s.id === a.id && s.anchor.text === a.anchor.text)).length;
  const truths: Truth[] = annotations.map(a => ({ pieces: [{ start: a.anchor.start, end: a.anchor.end }], survived: true }));
  const truthOf = new Map(annotations.map((a, i) => [a.id, truths[i]]));
  for (const e of c.edits) text = apply(text, e, truths);
  figures.cases++;
  figures.edits += c.edits.length;
  stored.forEach(a => {
    const truth = truthOf.get(a.id)!;
    const placed = resolveAnchor(text, a.anchor);
    figures.annotations++;
    figures.statuses[placed.status]++;
    const confident = placed.status === 'anchored' || placed.status === 'moved';
    const [only] = truth.pieces;
    const same = placed.span && truth.pieces.length === 1 && placed.span.start === only.start && placed.span.end === only.end;
    const survived = truth.survived && truth.pieces.length === 1 && text.slice(only.start, only.end) === a.anchor.text;
    if (survived) {
      figures.survived++;
      if (confident && same) figures.survivedExact++;
      else if (confident) { figures.survivedWrong++; wrong?.({ anchor: a.anchor, status: placed.status, placed: placed.span, truth: truth.pieces, survived: true, text }); }
      else if (placed.status === 'needs-review') { figures.survivedReview++; if (same) figures.survivedReviewRight++; if (tied(text, a.anchor, only)) figures.survivedReviewTied++; review?.({ anchor: a.anchor, status: placed.status, placed: placed.span, truth: truth.pieces, survived: true, text }); }
      else figures.survivedOrphaned++;
    } else {
      figures.changed++;
      if (!confident) figures.changedOrphanedOrReview++;
      else if (placed.span && truth.pieces.some(p => placed.span!.start < p.end && p.start < placed.span!.end)) figures.changedReanchoredOnEditedText++;
      else { figures.changedWrong++; wrong?.({ anchor: a.anchor, status: placed.status, placed: placed.span!, truth: truth.pieces, survived: false, text }); }
    }
  });
}

/** Does another occurrence of the anchor's text share as much of its context as `at` (or did a look-alike)? */
function tied(text: string, anchor: Annotation['anchor'], at: Span): boolean {
  const agreement = (start: number) => {
    const before = text.slice(Math.max(0, start - anchor.prefix.length), start);
    const after = text.slice(start + anchor.text.length, start + anchor.text.length + anchor.suffix.length);
    let n = 0;
    for (let i = 1; i <= before.length && before[before.length - i] === anchor.prefix[anchor.prefix.length - i]; i++) n++;
    for (let i = 0; i < after.length && after[i] === anchor.suffix[i]; i++) n++;
    return n;
  };
  const own = agreement(at.start);
  if (anchor.repeatContext !== undefined && anchor.repeatContext >= own) return true;
  for (let i = text.indexOf(anchor.text); i >= 0; i = text.indexOf(anchor.text, i + 1)) if (i !== at.start && agreement(i) >= own) return true;
  return false;
}

export function runFuzz(articles: string[], options: { cases: number; editsPerCase: number; seed: number; wrong?: (w: WrongPlacement) => void; review?: (w: WrongPlacement) => void }): FuzzFigures {
  const figures = emptyFigures();
  for (const c of fc.sample(caseArb(articles.length, options.editsPerCase), { numRuns: options.cases, seed: options.seed })) runCase(articles, c, figures, options.wrong, options.review);
  return figures;
}
