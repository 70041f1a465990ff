// chrono-node, the standard JavaScript date parser, as the base layer: what it finds, mapped to a TimeML
// value at the precision of the parts chrono says it knows (a day, a month, a year). This mapping alone is
// the baseline `npm run eval:dates` compares our layer against.
import * as chrono from 'chrono-node';
import { dayValue, isRealDay, monthValue, noonOf, yearValue, type Day } from './calendar';

export interface ChronoDate {
  start: number;
  end: number;
  text: string;
  value: string | null;
  /** The other end of a range ("from 2001 to 2009"). */
  endValue?: string | null;
  /** Parts the text spells out (not implied by the reference date). */
  known: { year: boolean; month: boolean; day: boolean; weekday: boolean; hour: boolean };
  /** The day chrono settled on (with implied parts filled in from the reference). */
  day?: Day;
}

type Components = chrono.ParsedComponents;

function valueOf(c: Components): { value: string | null; day?: Day } {
  const year = c.get('year'), month = c.get('month'), day = c.get('day');
  if (year == null || month == null || day == null) return { value: null };
  const d = { year, month, day };
  if (c.isCertain('day') || c.isCertain('weekday') || (c.isCertain('hour') && !c.isCertain('month'))) return { value: isRealDay(year, month, day) ? dayValue(d) : null, day: d };
  if (c.isCertain('month')) return { value: monthValue(year, month), day: d };
  if (c.isCertain('year')) return { value: yearValue(year), day: d };
  return { value: null, day: d };
}

/** Characters chrono reads at once: whole lines up to this many (a longer line alone, cut after a sentence). */
const CHUNK = 4096;

/**
 * The text in pieces chrono reads one at a time, each ending at a line's end: no date runs over a line, and
 * chrono's refiners read the text before each date they found, which over a whole 1 MB article made its
 * reading grow with the square of the length.
 */
export function chronoPieces(text: string): { start: number; end: number }[] {
  const pieces: { start: number; end: number }[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + CHUNK);
    if (end < text.length) {
      const line = text.lastIndexOf('\n', end - 1);
      if (line >= start) end = line + 1;
      else {
        // one line longer than a piece: cut after a sentence's end, else at a space, else where it is
        let cut = end - 1;
        while (cut > start && !(/[.!?]/.test(text[cut - 1]) && /\s/.test(text[cut]))) cut--;
        const space = text.lastIndexOf(' ', end - 1);
        end = cut > start ? cut : space > start ? space + 1 : end;
      }
    }
    pieces.push({ start, end });
    start = end;
  }
  return pieces;
}

/**
 * Every date chrono-node finds in a text, relative to the reference day. Never throws. `reader` is chrono's
 * casual English reader, or one that keeps its matches for reading the text again (chronoMatches.ts).
 */
export function chronoDates(text: string, reference: Day, reader: chrono.Chrono = chrono.casual): ChronoDate[] {
  const results: { r: chrono.ParsedResult; at: number }[] = [];
  const when = noonOf(reference);
  for (const piece of chronoPieces(text)) {
    try {
      for (const r of reader.parse(text.slice(piece.start, piece.end), when)) results.push({ r, at: piece.start });
    } catch { /* chrono failed on this piece: no dates from it */ }
  }
  return results.map(({ r, at }) => {
    // a range gives its year once, at the end: "from January to March 2018" is January 2018
    if (r.end?.isCertain('year') && !r.start.isCertain('year') && r.start.isCertain('month') && r.start instanceof chrono.ParsingComponents) {
      const endYear = r.end.get('year')!;
      r.start.assign('year', r.start.get('month')! > r.end.get('month')! ? endYear - 1 : endYear);
    }
    const { value, day } = valueOf(r.start);
    const known = { year: r.start.isCertain('year'), month: r.start.isCertain('month'), day: r.start.isCertain('day'), weekday: r.start.isCertain('weekday'), hour: r.start.isCertain('hour') };
    // the preposition is not part of the date: "on Wednesday" → "Wednesday" (as TimeML marks it)
    const lead = /^(?:on|in|at|by|since|until|during)\s+/i.exec(r.text)?.[0].length ?? 0;
    // a date ends at the end of its line: "tomorrow.\nThis second" is "tomorrow"
    const text = r.text.slice(lead).split('\n')[0].replace(/[\s,.;:]+$/, '');
    const out: ChronoDate = { start: at + r.index + lead, end: at + r.index + lead + text.length, text, value, known, day };
    if (r.end) out.endValue = valueOf(r.end).value;
    return out;
  });
}
