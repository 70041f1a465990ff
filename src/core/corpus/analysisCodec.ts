import type { ArticleAnalysis, EntityType, Mention } from '../model';
import type { Named } from '../events';
import { keptStretch, noteShared, shareString } from '../text/memo';

/*
 * An article's analysis as stored in the persistent index: JSON without second copies of the article's text.
 * Every `text` that is exactly the stretch of the article it spans (a mention's, a sentence's, a quote's
 * inner words) is written as 0 and read back from the article, so the index holds offsets and ids, not text.
 * A mention that is only its stretch, type and origin (most of them) is three numbers: [start, end, kind].
 */

/**
 * The form of stored analyses: part of every key of the persistent index (2: dates with values and the
 * publication date; 3: plain mentions as numbers).
 */
export const ANALYSIS_FORMAT = 3;

/** A plain mention's kind: its type's place here, twice, plus 1 when the user made it. Fixed by the format. */
const TYPES: readonly EntityType[] = ['PERSON', 'ORG', 'PLACE', 'DATE', 'MISC'];
const TYPE_CODES = new Map(TYPES.map((t, i) => [t, i]));
const PLAIN_FIELDS = 5;

const SAME_SPAN = 0;
const SAME_INNER = 1;

type Spanned = { start?: unknown; end?: unknown; inner?: { start: number; end: number } };

export function encodeAnalysis(analysis: ArticleAnalysis, text: string): string {
  return JSON.stringify(analysis, function (this: Spanned, key, value) {
    if (key === 'mentions' && this === (analysis as unknown) && Array.isArray(value)) return value.map((m: Mention) => asNumbers(m, text) ?? m);
    value = stretches(key, value);
    if (key !== 'text' || typeof value !== 'string') return value;
    if (typeof this.start === 'number' && typeof this.end === 'number' && text.slice(this.start, this.end) === value) return SAME_SPAN;
    if (this.inner && text.slice(this.inner.start, this.inner.end) === value) return SAME_INNER;
    return value;
  });
}

/** The analysis back, its texts taken from the article; throws on anything that is not an encoded analysis of this text. */
export function decodeAnalysis(encoded: string, text: string): ArticleAnalysis {
  // parsed plainly, then walked once: a reviver is called for every value and costs several times the parse
  const analysis = JSON.parse(encoded) as ArticleAnalysis;
  if (!analysis || !Array.isArray(analysis.mentions) || !Array.isArray(analysis.quotes) || !Array.isArray(analysis.events)) throw new Error('not an encoded analysis');
  if (typeof analysis.published !== 'object' || analysis.published === null) throw new Error('an analysis of an older format (no publication date)');
  // the family words are left as parsed: the corpus notes them in its index of names and lets the list go
  // (src/core/corpus/index.ts), and that index keeps one string of each name (a million words at 10,000 articles)
  restoreTexts(analysis, text, 'familyWords');
  exactMentions(analysis.mentions, text);
  shareNamed(analysis);
  noteShared(analysis);
  return analysis;
}

/** A mention that is its stretch of the text, a type and an origin, and nothing else, as [start, end, kind]. */
function asNumbers(m: Mention, text: string): [number, number, number] | undefined {
  const type = TYPE_CODES.get(m.type);
  if (type === undefined || (m.origin !== 'model' && m.origin !== 'user') || !Number.isInteger(m.start) || !Number.isInteger(m.end)) return undefined;
  let fields = 0;
  for (const key in m) if ((m as unknown as Record<string, unknown>)[key] !== undefined) fields++;
  if (fields !== PLAIN_FIELDS || m.text !== text.slice(m.start, m.end)) return undefined;
  return [m.start, m.end, type * 2 + (m.origin === 'user' ? 1 : 0)];
}

/** A mention stored as numbers, made again as an object of exactly its five fields. */
function fromNumbers(m: unknown[], text: string): Mention {
  const [start, end, kind] = m as number[];
  const type = TYPES[kind >> 1];
  if (m.length !== 3 || typeof start !== 'number' || typeof end !== 'number' || end < start || end > text.length || type === undefined) throw new Error('not an encoded analysis');
  return { start, end, text: keptStretch(text.slice(start, end)), type, origin: kind & 1 ? 'user' : 'model' };
}

/**
 * A mention of the five fields most have, made again as an object of exactly those: JSON.parse leaves room in
 * each object for more (80 bytes where 64 hold it), and a corpus of 10,000 articles keeps about 600,000.
 */
function exactMentions(mentions: Mention[], text: string): void {
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    // one stored as numbers is made exact as it is read
    if (Array.isArray(m)) { mentions[i] = fromNumbers(m, text); continue; }
    let fields = 0;
    for (const _ in m) fields++;
    if (fields === 5 && m.start !== undefined && m.end !== undefined && m.text !== undefined && m.type !== undefined && m.origin !== undefined) {
      mentions[i] = { start: m.start, end: m.end, text: m.text, type: m.type, origin: m.origin };
    }
  }
}

/**
 * An event's participants and place that are exactly one of the article's mentions become that mention: the
 * same span and text, which is all an event's reader asks of them (src/core/corpus/timeline.ts), held once
 * instead of twice (about 150,000 copies at 10,000 articles). One that says more (a leader) stays as it is.
 */
function shareNamed(analysis: ArticleAnalysis): void {
  if (!analysis.events.length) return;
  const bySpan = new Map<number, Mention>();
  for (const m of analysis.mentions) if (!bySpan.has(spanKey(m))) bySpan.set(spanKey(m), m);
  const same = (n: Named): Named => {
    const m = bySpan.get(spanKey(n));
    return m && m.start === n.start && m.end === n.end && m.text === n.text && n.leader === undefined ? m : n;
  };
  for (const e of analysis.events) {
    const participants = e.participants;
    for (let i = 0; i < participants.length; i++) participants[i] = same(participants[i]);
    if (e.place) e.place = same(e.place);
  }
}

/**
 * An analysis as plain data, as the index keeps it (properties set to undefined left out, each event's
 * participants and place as the stretch it names): what a decoded analysis equals.
 */
export function plainAnalysis(analysis: ArticleAnalysis): ArticleAnalysis {
  return JSON.parse(JSON.stringify(analysis, stretches)) as ArticleAnalysis;
}

/** An event's participants and place as the stretches they name (read back, some are the article's mentions). */
function stretches(key: string, value: unknown): unknown {
  if (key === 'participants' && Array.isArray(value)) return value.map(asNamed);
  if (key === 'place' && value && typeof value === 'object') return asNamed(value as Named);
  return value;
}

/** A participant or place as the stretch it names (a mention it was read back as says more: type, origin). */
function asNamed(n: Named): Named {
  return 'type' in n ? { start: n.start, end: n.end, text: n.text } : n;
}

/** One number for a span (exact below 2^21 characters; a longer article's rare clash is checked on use). */
const spanKey = (s: { start: number; end: number }): number => s.start * 2_097_152 + s.end;

/**
 * Puts back every `text` written as SAME_SPAN or SAME_INNER, in this object and all it holds, and makes each
 * short string the one string of it (src/core/text/memo.ts): JSON.parse of a text with a curly quote in it gives
 * every "model" and "PERSON" its own (in Node 24; Node 20 shares short ones). `leave`: a key of this object
 * whose value is left as it is.
 */
function restoreTexts(value: object, text: string, leave?: string): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'string') value[i] = shareString(item); else if (item !== null && typeof item === 'object') restoreTexts(item, text);
    }
    return;
  }
  const holder = value as Spanned & Record<string, unknown>;
  for (const key in holder) {
    const v = holder[key];
    if (key === leave) continue;
    if (key === 'text' && typeof v === 'number') holder.text = keptStretch(restored(holder, v, text)); // a copy: a slice would keep the whole text alive
    else if (typeof v === 'string') holder[key] = shareString(v);
    else if (v !== null && typeof v === 'object') restoreTexts(v, text);
  }
}

function restored(holder: Spanned, code: number, text: string): string {
  if (code === SAME_SPAN) return text.slice(holder.start as number, holder.end as number);
  if (code === SAME_INNER && holder.inner) return text.slice(holder.inner.start, holder.inner.end);
  throw new Error('not an encoded analysis');
}
