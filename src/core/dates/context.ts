// What the words around a date say about it: whether the clause looks ahead (future tense) or back, and
// the sentence it sits in.

const ABBREVIATION = /\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|U\.S)$/;

/** ! ? or a line break (what /[!?\n]/ finds in one character): the scan below asks it of every character it passes. */
const endsClause = (c: number) => c === 33 || c === 63 || c === 10;

/** The sentence around a span: from the previous full stop (or line break) to the next. */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  while (s > 0 && !endsClause(text.charCodeAt(s - 1)) && !(text[s - 1] === '.' && /\s/.test(text[s] ?? ' ') && !ABBREVIATION.test(text.slice(Math.max(0, s - 6), s - 1)))) s--;
  let e = end;
  while (e < text.length && !endsClause(text.charCodeAt(e)) && !(text[e] === '.' && /\s/.test(text[e + 1] ?? ' ') && !ABBREVIATION.test(text.slice(Math.max(0, e - 5), e)))) e++;
  return { start: s, end: e };
}

const FUTURE = /\b(?:will|won't|shall|'ll|is to|are to|to be held|scheduled|slated|set to|poised to|plans? to|planned|expected to|expects to|due to|going to|next|coming|upcoming|would begin|begins|starts|opens|continues|resumes|ends|concludes|closes)\b/i;
const FUTURE_ALL = new RegExp(FUTURE.source, 'gi');
const PAST = /\b(?:said|was|were|had|did|ago|last|earlier|announced|reported|told)\b/gi;

/** Does the clause before the date (within its sentence) look ahead? "will meet Thursday", "is due Monday". */
export function looksAhead(text: string, start: number, end: number): boolean {
  const sentence = sentenceAround(text, start, end);
  const before = text.slice(sentence.start, start);
  const after = text.slice(end, Math.min(sentence.end, end + 30));
  // the tense word nearest before the date decides; none: news reports what has happened
  const lastFuture = lastMatch(FUTURE_ALL, before), lastPast = lastMatch(PAST, before);
  if (lastFuture > lastPast) return true;
  return lastFuture < 0 && lastPast < 0 && /^\s*(?:will|to)\b/i.test(after);
}

function lastMatch(re: RegExp, s: string): number {
  let last = -1;
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) last = m.index;
  return last;
}
