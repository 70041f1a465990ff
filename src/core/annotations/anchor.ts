import approxSearch from 'approx-string-match';
import type { Span } from '../text/span';
import { CONTEXT_LENGTH, type Anchor, type Annotation } from './model';

export type AnchorStatus = 'anchored' | 'moved' | 'needs-review' | 'orphaned';

export interface Anchoring {
  status: AnchorStatus;
  /** Where the annotation is now (for needs-review: the best candidate). */
  span?: Span;
}

/**
 * The anchor of `span` in `text`: its text, context either side, offsets, and its look-alikes — other
 * occurrences of the same text that resolveAnchor could take for it, were it gone (a photo caption repeating
 * a sentence, a headline repeated in the body): how many, and how much of the stored context the closest shares.
 */
export function makeAnchor(text: string, span: Span, lookalikes = true): Anchor {
  const anchor: Anchor = {
    text: text.slice(span.start, span.end),
    prefix: text.slice(Math.max(0, span.start - CONTEXT_LENGTH), span.start),
    suffix: text.slice(span.end, span.end + CONTEXT_LENGTH),
    start: span.start,
    end: span.end,
  };
  return lookalikes && anchor.text ? withLookalikes(text, anchor, occurrences(text, anchor.text)) : anchor;
}

/**
 * The anchor with its look-alikes among `found` (the occurrences of its text): wherever they are now, since
 * edits before the annotation may bring one within reach of its offsets — every occurrence that would settle
 * it were it near (as `settles` with isNear), counted without building candidates: a name marked at all of
 * its 1,000 occurrences is a million comparisons.
 */
function withLookalikes(text: string, anchor: Anchor, found: number[]): Anchor {
  let repeats = 0;
  let repeatContext = 0;
  const anyContext = anchor.text.length >= DISTINCT_LENGTH || (!anchor.prefix && !anchor.suffix);
  for (const start of found) {
    if (start === anchor.start) continue;
    const context = agreementAt(text, anchor, start, start + anchor.text.length);
    if (!anyContext && context < minContext(anchor)) continue;
    repeatContext = repeats ? Math.max(repeatContext, context) : context;
    repeats++;
  }
  return repeats ? { ...anchor, repeats, repeatContext } : anchor;
}

/**
 * The annotations with their look-alikes counted again in `text`, for those whose anchor describes `text`
 * as it is (its words at its offsets, with the same context): a caption added since, or removed, changes
 * what the annotation must be told apart from. Other anchors (moved, to review, orphaned, written by hand)
 * are left as they are. Saving a sidecar does this, so that sidecars written before the fields existed, or
 * before a caption was added, are protected from then on.
 */
export function recountLookalikes(text: string, annotations: Annotation[]): Annotation[] {
  const found = new Map<string, number[]>(); // the occurrences of each annotated text, found once
  return annotations.map(a => {
    const { start, end } = a.anchor;
    if (!a.anchor.text || end > text.length || text.slice(start, end) !== a.anchor.text) return a;
    const bare = makeAnchor(text, { start, end }, false);
    if (bare.prefix !== a.anchor.prefix || bare.suffix !== a.anchor.suffix) return a;
    if (!found.has(bare.text)) found.set(bare.text, occurrences(text, bare.text));
    const now = withLookalikes(text, bare, found.get(bare.text)!);
    return now.repeats === a.anchor.repeats && now.repeatContext === a.anchor.repeatContext ? a : { ...a, anchor: now };
  });
}

// How sure a placement must be before it is made without asking the user.
/** Characters of context (both sides together) an occurrence of the exact text needs to be taken as the one. */
const MIN_CONTEXT = 8;
/**
 * …and by how many characters it must beat the next-best occurrence of the same text: at least MIN_LEAD, and
 * a rival with half as much agreeing context makes it ambiguous (a caption repeating a sentence of the text).
 */
const MIN_LEAD = 4;
const RIVAL_SHARE = 0.5;
/** Exact text this long, found once near the old place or with its context, is the annotation. */
const DISTINCT_LENGTH = 12;
/** Characters an annotation may have shifted and still count as where it was (edits before it). */
const NEAR = 256;
/** Text shorter than this ("Kim", "U.S.") needs twice the context to be placed elsewhere. */
const SHORT = 6;
/** A fuzzy match re-anchors on its own only this close to the old text, with this much of its context intact. */
const FUZZY_MOVE_SIMILARITY = 0.9;
const FUZZY_MOVE_CONTEXT = 0.75;
/**
 * A fuzzy match is shown for review from this similarity on, when some of its context is intact (or it is
 * close to the old text on its own); below that the annotation is an orphan.
 */
const FUZZY_REVIEW_SIMILARITY = 0.6;
const FUZZY_REVIEW_CONTEXT = 0.25;
const FUZZY_REVIEW_ALONE = 0.8;
/** Fuzzy matching needs this much text to mean anything: "Kim" with one error matches half the article. */
const FUZZY_MIN_LENGTH = 8;

/**
 * Finds an annotation's text in the article's current text, in order of confidence:
 * 1. exactly at the stored offsets (anchored), unless another occurrence has clearly better context;
 * 2. the exact text elsewhere (moved): the occurrence whose context agrees best, nearest to the old place
 *    among equals — but only when the context (or the text's length, for a single occurrence) settles it,
 *    else needs-review with that occurrence as the candidate; when the text had look-alikes (anchor.repeats),
 *    only where more of the stored context agrees than around any of them (anchor.repeatContext);
 * 3. the same words with other spacing or case, or a fuzzy match (Myers' approximate matching) scored on
 *    text, context and distance: re-anchored only when nearly identical with its context intact, else
 *    needs-review; the stretch between the old context when only the text was rewritten: needs-review;
 * 4. nothing: orphaned — never dropped, never placed by guess.
 */
export function resolveAnchor(text: string, anchor: Anchor): Anchoring {
  if (!anchor.text) return { status: 'orphaned' };
  const exact = exactCandidates(text, anchor);
  if (exact.length) return placeExact(text, anchor, exact);
  const loose = looseOccurrences(text, anchor.text);
  if (loose.length) return { status: 'needs-review', span: ranked(text, anchor, loose)[0].span };
  return fuzzy(text, anchor) ?? betweenContext(text, anchor) ?? { status: 'orphaned' };
}

/** Places the anchor among the occurrences of its exact text (best first). */
function placeExact(text: string, anchor: Anchor, ranking: Candidate[]): Anchoring {
  const [first, second] = ranking;
  // (at its offsets, both of them: an anchor whose `end` does not fit its text, as a hand-written 1e9, is not where it says)
  const atOldPlace = ranking.find(r => r.span.start === anchor.start && r.span.end === anchor.end);
  // the text where it was stays, unless another occurrence has clearly better context
  if (atOldPlace && (atOldPlace === first || first.context - atOldPlace.context < MIN_LEAD)) return { status: 'anchored', span: atOldPlace.span };
  // where it was is still there with other words between its context, nearer than any copy: that is it —
  // unless the words are there too, with words typed beside them, or elsewhere with all of their context
  // (then the words are it)
  const ownPlace = betweenContext(text, anchor, true);
  const allContext = anchor.prefix.length + anchor.suffix.length;
  if (ownPlace?.span && distance(anchor, ownPlace.span) <= distance(anchor, first.span)
    && !ranking.some(r => within(r.span, ownPlace.span!)) && !(first.context === allContext && lookalikeContext(anchor) < allContext)) return ownPlace;
  // with look-alikes, elsewhere is only an occurrence sharing more of the stored context than any of them
  // did (one sharing no more may be a look-alike, the annotation itself gone or edited; if one shared all of
  // it, nowhere), and by a lead: edits around a look-alike may make a character or two of it agree
  if (hasLookalikes(anchor)) {
    const settled = first.context - Math.max(lookalikeContext(anchor), second?.context ?? 0) >= MIN_LEAD && first.context >= minContext(anchor);
    return { status: settled ? 'moved' : 'needs-review', span: first.span };
  }
  // elsewhere, the context must settle it: on both sides, or on one side in full or close to the old place;
  // and a copy far away does not win over an occurrence close to the old place with context of its own
  // (an anchor written by hand may have no context at all: then its text, once and near, is enough)
  const settled = second
    ? (bothSides(text, anchor, first.span) || oneSide(text, anchor, first.span) || near(anchor, first.span))
      && !(near(anchor, second.span) && !near(anchor, first.span) && second.context >= minContext(anchor))
      && first.context >= minContext(anchor) && first.context - second.context >= Math.max(MIN_LEAD, first.context * RIVAL_SHARE)
    : first.settles;
  return { status: settled ? 'moved' : 'needs-review', span: first.span };
}

/** An occurrence of the exact text, with the context that agrees and whether it would be taken were it the only one. */
interface Candidate extends Ranked {
  settles: boolean;
}

/** Every occurrence of the anchor's exact text, scored, best first. */
function exactCandidates(text: string, anchor: Anchor): Candidate[] {
  return ranked(text, anchor, occurrences(text, anchor.text).map(start => ({ start, end: start + anchor.text.length })))
    .map(r => ({ ...r, settles: settles(text, anchor, r.span, r.context) }));
}

/**
 * Would the exact text at `c` be taken for the annotation were it the only occurrence: context on both sides
 * or near the old place, and enough agreeing context — or text long enough to be distinct, or (an anchor
 * written by hand, without context) near the old place. (`isNear`: whether to take it as near the old place.)
 */
function settles(text: string, anchor: Anchor, c: Span, context: number, isNear = near(anchor, c)): boolean {
  return (isNear || bothSides(text, anchor, c) || oneSide(text, anchor, c))
    && (context >= minContext(anchor) || anchor.text.length >= DISTINCT_LENGTH || (!anchor.prefix && !anchor.suffix && isNear));
}

/** Whether makeAnchor found look-alikes (either field says so, should a sidecar edited by hand have only one). */
const hasLookalikes = (anchor: Anchor) => Boolean(anchor.repeats) || anchor.repeatContext !== undefined;

/** Characters of stored context the closest look-alike shared (not known: all but one, so all of it is needed). */
const lookalikeContext = (anchor: Anchor) => anchor.repeatContext ?? anchor.prefix.length + anchor.suffix.length - 1;

/** Characters of agreeing context an occurrence needs: twice as many for short text ("Kim", "U.S."). */
const minContext = (anchor: Anchor) => (anchor.text.length < SHORT ? 2 * MIN_CONTEXT : MIN_CONTEXT);

/**
 * Does the context agree on both sides? At least a few characters of each — and where the annotation began
 * (or ended) the text, the candidate must begin (or end) it too: a title copied into a caption is not the title.
 */
function bothSides(text: string, anchor: Anchor, c: Span): boolean {
  const before = text.slice(Math.max(0, c.start - CONTEXT_LENGTH), c.start);
  const after = text.slice(c.end, c.end + CONTEXT_LENGTH);
  const atStart = anchor.prefix.length < CONTEXT_LENGTH && anchor.start === anchor.prefix.length;
  const atEnd = anchor.suffix.length < CONTEXT_LENGTH;
  const prefixOk = atStart ? before === anchor.prefix && c.start === before.length : commonSuffix(before, anchor.prefix) >= Math.min(4, anchor.prefix.length);
  const suffixOk = atEnd ? after === anchor.suffix && c.end + after.length === text.length : commonPrefix(after, anchor.suffix) >= Math.min(4, anchor.suffix.length);
  return prefixOk && suffixOk;
}

/**
 * One side of the stored context is found again: all of it, or twice the context the text needs (16
 * characters; 32 — all of it — for short text). Where the annotation
 * had no look-alikes, a copy elsewhere that agrees this far can only be the annotation's own words moved
 * (a paragraph put elsewhere) — a copy sharing that much would have been recorded as a look-alike.
 */
function oneSide(text: string, anchor: Anchor, c: Span): boolean {
  if (hasLookalikes(anchor)) return false;
  const { before, after } = sidesAt(text, anchor, c);
  const needed = 2 * minContext(anchor);
  return (anchor.prefix.length > 0 && before >= Math.min(needed, anchor.prefix.length))
    || (anchor.suffix.length > 0 && after >= Math.min(needed, anchor.suffix.length));
}

/** Close to where it was: edits before it shifted it a little, not a copy far away. */
function near(anchor: Anchor, c: Span): boolean {
  return distance(anchor, c) <= Math.max(NEAR, 2 * (anchor.end - anchor.start));
}

const within = (inner: Span, outer: Span) => outer.start <= inner.start && inner.end <= outer.end;

const distance = (anchor: Anchor, c: Span) => Math.abs(c.start - anchor.start);

interface Ranked {
  span: Span;
  /** Characters of context that agree, both sides together. */
  context: number;
  score: number;
}

/** Candidates best first: agreeing context, then nearness to the old place. */
function ranked(text: string, anchor: Anchor, candidates: Span[]): Ranked[] {
  return candidates.map(span => {
    const context = agreementAt(text, anchor, span.start, span.end);
    return { span, context, score: context - Math.abs(span.start - anchor.start) / Math.max(1, text.length) };
  }).sort((a, b) => b.score - a.score);
}

/** Characters of the stored context (both sides together) that agree around start…end. */
function agreementAt(text: string, anchor: Anchor, start: number, end: number): number {
  const { before, after } = sidesAt(text, anchor, { start, end });
  return before + after;
}

/** Characters of the stored prefix and suffix (up to CONTEXT_LENGTH each) that agree around `c`, compared in place. */
function sidesAt(text: string, anchor: Anchor, c: Span): { before: number; after: number } {
  const { prefix, suffix } = anchor;
  let before = 0;
  for (let i = 1, max = Math.min(prefix.length, CONTEXT_LENGTH, c.start); i <= max && text.charCodeAt(c.start - i) === prefix.charCodeAt(prefix.length - i); i++) before++;
  let after = 0;
  for (let i = 0, max = Math.min(suffix.length, CONTEXT_LENGTH, text.length - c.end); i < max && text.charCodeAt(c.end + i) === suffix.charCodeAt(i); i++) after++;
  return { before, after };
}

/** Share of the stored context found again around a candidate, 0 to 1 (1 when there was none to find). */
function contextShare(text: string, anchor: Anchor, c: Span): number {
  const available = anchor.prefix.length + anchor.suffix.length;
  return available ? agreementAt(text, anchor, c.start, c.end) / available : 1;
}

/** The text changed a little (a typo fixed, a word added): the closest approximate match, scored. */
function fuzzy(text: string, anchor: Anchor): Anchoring | undefined {
  const pattern = anchor.text;
  if (pattern.length < FUZZY_MIN_LENGTH) return undefined;
  const maxErrors = Math.floor(pattern.length * (1 - FUZZY_REVIEW_SIMILARITY));
  // long patterns cost time in proportion to their errors: search near the old place first, then everywhere
  const near = { start: Math.max(0, anchor.start - 4 * pattern.length - 256), end: Math.min(text.length, anchor.end + 4 * pattern.length + 256) };
  let matches = approxSearch(text.slice(near.start, near.end), pattern, maxErrors).map(m => ({ start: m.start + near.start, end: m.end + near.start, errors: m.errors }));
  if (!matches.length && (near.start > 0 || near.end < text.length)) matches = approxSearch(text, pattern, maxErrors);
  if (!matches.length) return undefined;
  let best: { span: Span; similarity: number; context: number; score: number } | undefined;
  for (const m of matches) {
    const span = { start: m.start, end: m.end };
    const similarity = 1 - m.errors / pattern.length;
    const context = contextShare(text, anchor, span);
    const distance = Math.min(1, Math.abs(m.start - anchor.start) / Math.max(1, text.length));
    const score = 0.5 * similarity + 0.4 * context + 0.1 * (1 - distance);
    if (!best || score > best.score) best = { span, similarity, context, score };
  }
  const { span, similarity, context } = best!;
  // (not with look-alikes: none of them is intact either, and an edited copy is as likely as the edited original)
  if (similarity >= FUZZY_MOVE_SIMILARITY && context >= FUZZY_MOVE_CONTEXT && bothSides(text, anchor, span) && !hasLookalikes(anchor)) return { status: 'moved', span };
  return context >= FUZZY_REVIEW_CONTEXT || similarity >= FUZZY_REVIEW_ALONE ? { status: 'needs-review', span } : undefined;
}

/**
 * The annotated words were rewritten but what surrounded them is still there: that stretch, for review
 * (with `changedOnly`, only a stretch that is not the annotated text itself).
 */
function betweenContext(text: string, anchor: Anchor, changedOnly = false): Anchoring | undefined {
  const before = anchor.prefix.slice(-16);
  const after = anchor.suffix.slice(0, 16);
  if (before.length < 8 || after.length < 8) return undefined;
  const maxLength = Math.max(64, 4 * anchor.text.length);
  let best: Span | undefined;
  for (const p of occurrences(text, before)) {
    const start = p + before.length;
    const end = text.indexOf(after, start);
    if (end < 0 || end - start > maxLength || end === start || (changedOnly && text.slice(start, end) === anchor.text)) continue;
    if (!best || Math.abs(start - anchor.start) < Math.abs(best.start - anchor.start)) best = { start, end };
  }
  return best && { status: 'needs-review', span: best };
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
