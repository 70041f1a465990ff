import type { CorpusView } from '../corpus';
import type { Span } from '../text/span';

export interface Occurrence extends Span {
  path: string;
  /** The line of context, for the review list. */
  context: string;
  /** A user annotation of the same kind already sits here. */
  annotated: boolean;
}

const WORD = /[\p{L}\p{N}]/u;

/**
 * Every whole-word occurrence of a text in the corpus ("Kim" but not "Kimberley"), article by article, with
 * whether the user already annotated it with that kind.
 */
export function findOccurrences(view: CorpusView, needle: string, kind: string): Occurrence[] {
  const out: Occurrence[] = [];
  if (!needle.trim()) return out;
  for (const [path, article] of view.articles) {
    const text = article.text;
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      if ((at > 0 && WORD.test(text[at - 1]) && WORD.test(needle[0])) || (end < text.length && WORD.test(text[end]) && WORD.test(needle[needle.length - 1]))) continue;
      const annotated = article.annotations.some(p => p.annotation.kind === kind && p.span && p.span.start === at && p.span.end === end);
      const from = Math.max(0, text.lastIndexOf('\n', at - 1) + 1, at - 50);
      const lineEnd = text.indexOf('\n', end);
      const to = Math.min(lineEnd < 0 ? text.length : lineEnd, end + 50);
      out.push({ path, start: at, end, annotated, context: text.slice(from, to).replace(/\s+/g, ' ').trim() });
    }
  }
  return out;
}
