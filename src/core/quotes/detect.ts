import { paragraphs } from '../text/sentences';
import type { Span } from '../text/span';
import { quoteMarks, withWholeMarks, type QuoteMarks } from './marks';

/** A stretch between quotation marks: span includes the marks, inner excludes them. */
export interface QuotedStretch extends Span {
  inner: Span;
  /** The quote runs on into the next paragraph (its closing mark is missing on purpose). */
  continues: boolean;
}

const OPENERS = '“"';
const CLOSERS = '”"';

/** The quoted stretches of an article, whatever its quotation marks (src/core/quotes/marks.ts). */
export function quotedStretches(text: string, marks: QuoteMarks = quoteMarks(text)): QuotedStretch[] {
  const found = doubleQuoted(marks.text);
  if (marks.text === text) return found;
  return found.map(s => {
    const whole = withWholeMarks(marks, s);
    // « French spacing » inside guillemets is not quoted
    if (text[s.start] === '«' || text[s.start] === '‹') {
      while (whole.inner.start < whole.inner.end && /\s/.test(text[whole.inner.start])) whole.inner.start++;
      while (whole.inner.end > whole.inner.start && /\s/.test(text[whole.inner.end - 1])) whole.inner.end--;
    }
    return whole;
  });
}

/**
 * Finds double-quoted stretches paragraph by paragraph, so that a stray mark can never swallow the rest of
 * the article. A paragraph that opens a quote without closing it is a multi-paragraph quote only when the
 * next paragraph opens a quote again (the newspaper convention); otherwise the stray mark is ignored.
 * Single marks (‘…’) count only inside a double-quoted stretch, where they are nested quotes.
 */
function doubleQuoted(text: string): QuotedStretch[] {
  const found: QuotedStretch[] = [];
  const paras = paragraphs(text);
  paras.forEach((para, p) => {
    let open = -1;
    for (let i = para.start; i < para.end; i++) {
      const ch = text[i];
      if (open < 0) {
        if (ch === '“' || (ch === '"' && opensHere(text, i, para))) open = i;
        else if (ch === '”' && found.length === 0) continue;
      } else if (CLOSERS.includes(ch) && (ch === '”' || closesHere(text, i, para))) {
        if (i > open + 1) found.push({ start: open, end: i + 1, inner: { start: open + 1, end: i }, continues: false });
        open = -1;
      } else if ((ch === '“' && text[open] === '“') || (ch === '"' && text[open] === '"' && opensHere(text, i, para))) {
        open = i; // two openers in a row: the first was stray
      }
    }
    if (open >= 0) {
      const next = paras[p + 1];
      if (next && OPENERS.includes(text[next.start]) && para.end > open + 1) {
        found.push({ start: open, end: para.end, inner: { start: open + 1, end: para.end }, continues: true });
      }
    }
  });
  return found;
}

function opensHere(text: string, i: number, para: Span): boolean {
  const before = i > para.start ? text[i - 1] : ' ';
  const after = i + 1 < para.end ? text[i + 1] : ' ';
  return !/\s/.test(after) && (/[\s([{\-–—:,;]/.test(before) || i === para.start);
}

function closesHere(text: string, i: number, para: Span): boolean {
  const before = text[i - 1];
  const after = i + 1 < para.end ? text[i + 1] : ' ';
  return !/\s/.test(before) && !/[\p{L}\p{N}]/u.test(after);
}
