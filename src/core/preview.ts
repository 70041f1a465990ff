import type { ArticleAnalysis, Mention, Quote } from './model';
import type { Span } from './text/span';

/*
 * The first highlights of a long article: the part the reader sees is analysed on its own first (tens of
 * milliseconds), while the whole article (seconds for a megabyte) is analysed behind it. What the part shows is
 * what the whole would show there, but for names the article explains further up: the whole replaces it.
 */

/** Articles this long (UTF-16 code units) are previewed: below it the whole analysis is about as quick. */
export const PREVIEW_FROM = 64 * 1024;

/** How far past either end of the shown stretch the preview reaches before it looks for a paragraph break. */
const MARGIN = 8 * 1024;
/** How much further it may look for that break before it settles for a line break. */
const SEARCH = 4 * 1024;

/** Where a paragraph begins at or before `at` (within SEARCH), else a line, else `at` itself. */
function breakBefore(text: string, at: number): number {
  if (at <= 0) return 0;
  const floor = Math.max(0, at - SEARCH);
  const paragraph = text.lastIndexOf('\n\n', at);
  if (paragraph >= floor) return paragraph + 2;
  const line = text.lastIndexOf('\n', at);
  return line >= floor ? line + 1 : at;
}

/** Where a paragraph ends at or after `at` (within SEARCH), else a line, else `at` itself. */
function breakAfter(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const ceiling = Math.min(text.length, at + SEARCH);
  const paragraph = text.indexOf('\n\n', at);
  if (paragraph >= 0 && paragraph <= ceiling) return paragraph;
  const line = text.indexOf('\n', at);
  return line >= 0 && line <= ceiling ? line : at;
}

/** The stretch analysed first: the shown one and a margin around it, cut at paragraph breaks. */
export function previewSpan(text: string, shown: Span): Span {
  const start = breakBefore(text, Math.max(0, shown.start - MARGIN));
  const end = breakAfter(text, Math.min(text.length, shown.end + MARGIN));
  return start < end ? { start, end } : { start: 0, end: text.length };
}

/** What a preview shows: the analysis of a stretch, at the article's offsets. */
export interface Preview {
  mentions: Mention[];
  quotes: Quote[];
}

/** The analysis of `text.slice(at, …)`, moved to the offsets of the whole article. */
export function placePreview(analysis: ArticleAnalysis, at: number): Preview {
  const move = <T extends Span>(s: T): T => ({ ...s, start: s.start + at, end: s.end + at });
  return {
    mentions: analysis.mentions.map(move),
    quotes: analysis.quotes.map(q => ({ ...move(q), inner: move(q.inner), speaker: q.speaker && move(q.speaker), cue: q.cue && move(q.cue) })),
  };
}
