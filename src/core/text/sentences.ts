import type { Span } from './span';
import { isAbbreviation } from './tokens';

/**
 * The paragraphs and sentences of the text asked for last: the stages of one article's analysis (entities,
 * quotes, speakers, dated sentences) each ask for them. Shared, hence read-only.
 */
let last: { text: string; paragraphs?: readonly Span[]; sentences?: readonly Span[] } = { text: '' };
const memo = (text: string) => (last.text === text ? last : (last = { text }));

/** Paragraphs: maximal runs of text between line breaks (a blank line or a single newline both end one). */
export function paragraphs(text: string): readonly Span[] {
  const m = memo(text);
  return (m.paragraphs ??= findParagraphs(text));
}

function findParagraphs(text: string): Span[] {
  const result: Span[] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const trimmed = m[0].trim();
    if (trimmed) result.push({ start: m.index + lead, end: m.index + lead + trimmed.length });
  }
  return result;
}

const CLOSERS = '"”’\')]';

/**
 * Sentences within paragraphs. A sentence ends at . ! ? (after any closing quote marks) followed by a space
 * and a capital letter, digit or opening mark, unless the word before the dot is a known abbreviation.
 */
export function sentences(text: string): readonly Span[] {
  const m = memo(text);
  return (m.sentences ??= findSentences(text, paragraphs(text)));
}

function findSentences(text: string, paras: readonly Span[]): Span[] {
  const result: Span[] = [];
  for (const para of paras) {
    let start = para.start;
    for (let i = para.start; i < para.end; i++) {
      const ch = text[i];
      if (ch !== '.' && ch !== '!' && ch !== '?') continue;
      let end = i + 1;
      while (end < para.end && CLOSERS.includes(text[end])) end++;
      if (end >= para.end) break;
      if (text[end] !== ' ') continue;
      let next = end;
      while (next < para.end && text[next] === ' ') next++;
      if (!/[\p{Lu}\p{N}"“‘([]/u.test(text[next] ?? '')) continue;
      if (ch === '.') {
        const wordStart = text.lastIndexOf(' ', i) + 1;
        const word = text.slice(Math.max(wordStart, start), i + 1);
        if (isAbbreviation(word)) continue;
      }
      result.push({ start, end });
      start = next;
      i = next - 1;
    }
    if (start < para.end) result.push({ start, end: para.end });
  }
  return result;
}
