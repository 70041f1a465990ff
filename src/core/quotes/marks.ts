import { paragraphs } from '../text/sentences';
import type { Span } from '../text/span';

/*
 * Every quotation convention of English news, brought to the one the quote finder reads (“…” and "…"),
 * character for character, so that every offset stays the article's own:
 * - two apostrophes (''…'', NYT style) and backticks (``…'', typesetting style): the mark next to the words
 *   becomes ", the other keeps its character (the finder reads single marks as nested quotes);
 * - guillemets « » and ‹ › (quoted foreign sources), low-high marks „…“ and „…”;
 * - single quotes in a headline ('No deal' in Hanoi), the headline's only quotation marks.
 * Stretches found in the brought text are then widened to take in the whole two-character marks.
 */

export interface QuoteMarks {
  /** The text with every quotation mark written as “ ” or " (and nested ones as ‘ ’), of the same length. */
  text: string;
  /** Where a two-character mark opens (its first offset) or closes (its last). */
  opensTwo: ReadonlySet<number>;
  closesTwo: ReadonlySet<number>;
}

const SPECIAL = /''|``|[«»‹›„]|['‘]/;
const OPEN_BEFORE = /[\s([{\-–—:,;]/;
const WORD = /[\p{L}\p{N}]/u;

const isSpace = (ch: string | undefined) => ch === undefined || /\s/.test(ch);

/** The article's quotation marks, brought to the finder's convention (the text itself when it has no other). */
export function quoteMarks(text: string): QuoteMarks {
  const opensTwo = new Set<number>();
  const closesTwo = new Set<number>();
  if (!SPECIAL.test(text)) return { text, opensTwo, closesTwo };
  const chars = new Map<number, string>();
  for (const para of paragraphs(text)) {
    let lowOpen = false; // a „ is open: the next “ closes it
    for (let i = para.start; i < para.end; i++) {
      const ch = text[i];
      const before = i > para.start ? text[i - 1] : undefined;
      if ((ch === "'" && text[i + 1] === "'") || (ch === '`' && text[i + 1] === '`')) {
        const after = i + 2 < para.end ? text[i + 2] : undefined;
        const opens = (before === undefined || OPEN_BEFORE.test(before)) && !isSpace(after);
        const closes = ch === "'" && !isSpace(before) && (after === undefined || !WORD.test(after));
        if (opens) { chars.set(i, '"'); opensTwo.add(i); i++; } else if (closes) { chars.set(i + 1, '"'); closesTwo.add(i + 1); i++; }
        continue;
      }
      if (ch === '«') chars.set(i, '“');
      else if (ch === '»') chars.set(i, '”');
      else if (ch === '‹') chars.set(i, '‘');
      else if (ch === '›') chars.set(i, '’');
      else if (ch === '„') { chars.set(i, '“'); lowOpen = true; } else if (ch === '“' && lowOpen) { chars.set(i, '”'); lowOpen = false; } else if (ch === '”') lowOpen = false;
    }
    if (isHeadlineLine(text.slice(para.start, para.end))) for (const [at, mark] of headlineQuotes(text, para)) chars.set(at, mark);
  }
  if (!chars.size) return { text, opensTwo, closesTwo };
  let out = '';
  let from = 0;
  for (const at of [...chars.keys()].sort((a, b) => a - b)) { out += text.slice(from, at) + chars.get(at); from = at + 1; }
  return { text: out + text.slice(from), opensTwo, closesTwo };
}

/** A stretch found in the brought text, widened to the whole of its two-character marks. */
export function withWholeMarks<T extends { start: number; end: number; inner: Span; continues: boolean }>(marks: QuoteMarks, stretch: T): T {
  const inner = { ...stretch.inner };
  if (marks.opensTwo.has(stretch.start)) inner.start = Math.min(stretch.start + 2, inner.end);
  if (!stretch.continues && marks.closesTwo.has(stretch.end - 1)) inner.end = Math.max(stretch.end - 2, inner.start);
  return { ...stretch, inner };
}

/** A headline: one short line that ends no sentence. */
function isHeadlineLine(line: string): boolean {
  const trimmed = line.trim();
  if (!trimmed || trimmed.includes('\n') || /[.!?]["”’']?$/.test(trimmed)) return false;
  const words = trimmed.split(/\s+/).length;
  return words >= 2 && words <= 25;
}

/** The single-quote pairs of a headline, written as double ones: 'No deal' → “No deal”. */
function headlineQuotes(text: string, para: Span): [number, string][] {
  const out: [number, string][] = [];
  let open = -1;
  for (let i = para.start; i < para.end; i++) {
    const ch = text[i];
    if (ch !== "'" && ch !== '‘' && ch !== '’') continue;
    if (text[i + 1] === "'" || text[i - 1] === "'") continue; // two apostrophes: read above
    const before = i > para.start ? text[i - 1] : undefined;
    const after = i + 1 < para.end ? text[i + 1] : undefined;
    if (open < 0) {
      if ((ch === "'" || ch === '‘') && (before === undefined || OPEN_BEFORE.test(before)) && !isSpace(after)) open = i;
    } else if ((ch === "'" || ch === '’') && !isSpace(before) && (after === undefined || !WORD.test(after))) {
      if (i > open + 1) out.push([open, '“'], [i, '”']);
      open = -1;
    }
  }
  return out;
}
