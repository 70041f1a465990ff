import type { Cue, Mention, SpeakerMention } from '../model';
import { SpanIndex, type Span } from '../text/span';
import { tokenize, type Token } from '../text/tokens';
import { CUES, DESCRIPTION, PRONOUNS, SPEAKER_AFTER } from './cues';

/** Something that can be a speaker: a PERSON/ORG mention, a pronoun or a description, with what it resolves to. */
export interface Candidate extends Span {
  text: string;
  mentionIndex?: number;
  kind: 'name' | 'pronoun' | 'description';
}

export interface Attribution {
  speaker: SpeakerMention;
  cue: Cue;
  /** Where the cue stands relative to the quote. */
  side: 'before' | 'after';
}

/**
 * The speaker candidates of one article, in order: PERSON and ORG mentions, "he"/"she", and descriptions
 * ("the U.S. president") resolved to the person whose title holds that role.
 */
export function speakerCandidates(text: string, mentions: Mention[], insideQuote: (offset: number) => boolean): SpanIndex<Candidate> {
  const out: Candidate[] = [];
  const indexed = mentions.map((m, i) => ({ start: m.start, end: m.end, m, i })).filter(x => !insideQuote(x.start));
  const people = new SpanIndex(indexed.filter(x => x.m.type === 'PERSON'));
  for (const x of indexed) if (x.m.type === 'PERSON' || x.m.type === 'ORG') out.push({ start: x.start, end: x.end, text: x.m.text, mentionIndex: x.i, kind: 'name' });
  for (const t of tokenize(text)) {
    if (PRONOUNS.has(t.text.toLowerCase()) && !insideQuote(t.start)) {
      out.push({ start: t.start, end: t.end, text: t.text, kind: 'pronoun', mentionIndex: people.lastBefore(t.start)?.i });
    }
  }
  const names = new SpanIndex(out);
  const byRole = new Map<string, SpanIndex<{ start: number; end: number; i: number }>>();
  DESCRIPTION.lastIndex = 0;
  for (let m = DESCRIPTION.exec(text); m; m = DESCRIPTION.exec(text)) {
    if (insideQuote(m.index)) continue;
    const span = { start: m.index, end: m.index + m[0].length };
    if (names.overlapping(span).length) continue;
    const role = m[2].toLowerCase();
    const qualifier = m[1].trim().toLowerCase().replace(/\./g, '');
    const key = `${role}|${qualifier}`;
    let titled = byRole.get(key);
    if (!titled) byRole.set(key, (titled = new SpanIndex(people.items.filter(x => hasRole(x.m, role, qualifier)))));
    // the person with that role named last before, else the first named after
    const resolved = titled.lastBefore(span.start)?.i ?? titled.items[0]?.i;
    out.push({ ...span, text: m[0], kind: 'description', mentionIndex: resolved });
  }
  return new SpanIndex(out);
}

function hasRole(m: Mention, role: string, qualifier: string): boolean {
  if (!m.title) return false;
  const title = m.title.toLowerCase().replace(/\./g, '');
  return title.includes(role) && (!qualifier || title.includes(qualifier) || qualifier.split(/\s+/).some(q => title.includes(q)));
}

function speakerOf(c: Candidate): SpeakerMention {
  return { start: c.start, end: c.end, text: c.text, ...(c.mentionIndex !== undefined ? { mentionIndex: c.mentionIndex } : {}) };
}

const isCue = (t: Token) => CUES.has(t.text.toLowerCase());

/**
 * Attribution from the words around a quote, within its sentence: `after` is the text from the closing
 * mark to the sentence end, `before` from the sentence start to the opening mark (other quotes masked).
 */
export function attribute(text: string, before: Span, after: Span, candidates: SpanIndex<Candidate>): Attribution | null {
  const inWindow = (w: Span) => candidates.within(w);
  // after the quote: “…,” Trump said. / “…,” said Trump. / “…,” the North Korean leader said.
  const afterTokens = tokenize(text.slice(after.start, after.end), after.start).filter(t => /[\p{L}]/u.test(t.text));
  const afterCue = afterTokens.slice(0, 14).find(isCue);
  if (afterCue) {
    const between = inWindow({ start: after.start, end: afterCue.start });
    if (between.length) return { speaker: speakerOf(between[between.length - 1]), cue: cueOf(afterCue), side: 'after' };
    const inverted = rightAfter(text, afterCue, inWindow({ start: afterCue.end, end: after.end }));
    if (inverted) return { speaker: speakerOf(inverted), cue: cueOf(afterCue), side: 'after' };
  }
  // before the quote: Trump told the press corps, “…” / Kim, through an interpreter, said there had been “…”
  const beforeTokens = tokenize(text.slice(before.start, before.end), before.start).filter(t => /[\p{L}]/u.test(t.text));
  for (let k = beforeTokens.length - 1; k >= 0; k--) {
    const cue = beforeTokens[k];
    if (!isCue(cue)) continue;
    const word = cue.text.toLowerCase();
    if (SPEAKER_AFTER.has(word)) {
      const following = inWindow({ start: cue.end, end: before.end });
      if (following.length) return { speaker: speakerOf(following[0]), cue: cueOf(cue, text), side: 'before' };
      continue;
    }
    const preceding = inWindow({ start: before.start, end: cue.start });
    // "…, adding that “…”": a participle's subject is the sentence's subject, not the nearest name
    const subject = PARTICIPLE.test(cue.text) ? preceding[0] : preceding[preceding.length - 1];
    if (subject) return { speaker: speakerOf(subject), cue: cueOf(cue), side: 'before' };
    const inverted = rightAfter(text, cue, inWindow({ start: cue.end, end: before.end }));
    if (inverted) return { speaker: speakerOf(inverted), cue: cueOf(cue), side: 'before' };
  }
  return null;
}

const PARTICIPLE = /ing$/i;

/** "said Trump", "said the president": the speaker stands right after the cue. */
function rightAfter(text: string, cue: Token, following: Candidate[]): Candidate | undefined {
  const first = following[0];
  return first && /^[\s,]*$/.test(text.slice(cue.end, first.start)) ? first : undefined;
}

function cueOf(t: Token, text?: string): Cue {
  if (text && t.text.toLowerCase() === 'according') {
    const m = /^according\s+to/i.exec(text.slice(t.start, t.start + 20));
    if (m) return { start: t.start, end: t.start + m[0].length, text: m[0] };
  }
  return { start: t.start, end: t.end, text: t.text };
}
