// Who can be a quote's speaker in an article: its people and organisations, "he"/"she" resolved to the
// person meant, and descriptions ("the U.S. president") resolved to the person with that title.

import type { Mention, SpeakerMention } from '../model';
import { lowerBound, SpanIndex, upperBound, type Span } from '../text/span';
import { paragraphs, sentences } from '../text/sentences';
import type { Token } from '../text/tokens';
import { tokensIn } from '../text/articleTokens';
import { DESCRIPTION, PRONOUNS } from './cues';
import { genderOfTitle, type Gender } from '../entities/gender';
import { personKey, words } from '../entities/names';
import { articlePeople } from '../entities/withinArticle';

/**
 * Something that can be a speaker: a PERSON/ORG mention, a pronoun, a description ("the U.S. president"),
 * or a phrase the recogniser did not name ("the commission", "Graham"), with what it resolves to.
 */
export interface Candidate extends Span {
  text: string;
  mentionIndex?: number;
  kind: 'name' | 'pronoun' | 'description' | 'phrase';
}

/** The article's speaker candidates, and its people for resolving phrases by family name. */
export interface Speakers {
  candidates: SpanIndex<Candidate>;
  people: SpanIndex<Person>;
  /** The people by family name, in order (looked up for every phrase that may name one). */
  families: Map<string, Person[]>;
  /** The article's tokens (read once, for the speaker model's distances and cues too). */
  tokens: Token[];
}

/** A PERSON mention, its index, and its family name in lower case (worked out once: it is compared often). */
interface Person extends Span {
  m: Mention;
  i: number;
  family: string;
}

/**
 * The speaker candidates of one article, in order: PERSON and ORG mentions, "he"/"she", and descriptions
 * ("the U.S. president") resolved to the person whose title holds that role.
 */
export function speakerCandidates(text: string, mentions: Mention[], insideQuote: (offset: number) => boolean): Speakers {
  const out: Candidate[] = [];
  const indexed = mentions.map((m, i) => ({ start: m.start, end: m.end, m, i })).filter(x => !insideQuote(x.start));
  const people = new SpanIndex<Person>(indexed.filter(x => x.m.type === 'PERSON').map(x => ({ start: x.start, end: x.end, m: x.m, i: x.i, family: familyOf(x.m.text) })));
  for (const x of indexed) if (x.m.type === 'PERSON' || x.m.type === 'ORG') out.push({ start: x.start, end: x.end, text: x.m.text, mentionIndex: x.i, kind: 'name' });
  const tokens = tokensIn(text, 0, text.length);
  const gender = genders(text, tokens, people);
  const genderOf = personGenders(mentions);
  const starts = sentences(text).map(x => x.start);
  const paras = paragraphs(text).map(x => x.start);
  for (const t of tokens) {
    if (t.text.length > 4) continue; // the words below are shorter
    const lower = t.text.toLowerCase();
    if (insideQuote(t.start)) continue;
    // "she" is the last person named before who is not known to be a man, "he" not known to be a woman
    const unwanted = FEMALE.has(lower) ? 'm' : 'f';
    if (PRONOUNS.has(lower)) {
      // the person's own gender (Hillary's, not the Clintons'), else what the article says of the family
      const fits = (x: Person) => (genderOf(x.m) ?? gender.get(x.family)) !== unwanted;
      // "Obama campaigned for Hillary Clinton. … he said": a person named as the object of a preposition is
      // passed over for one named as a subject nearby (this paragraph or the one before)
      const nearby = people.within({ start: paragraphStart(paras, t.start), end: t.start });
      let subject: Person | undefined;
      for (let k = nearby.length - 1; k >= 0 && !subject; k--) if (fits(nearby[k]) && !OBLIQUE.test(text.slice(Math.max(0, nearby[k].start - 40), nearby[k].start))) subject = nearby[k];
      out.push({ start: t.start, end: t.end, text: t.text, kind: 'pronoun', mentionIndex: (subjectBefore(t, starts, people, fits) ?? subject ?? people.lastBefore(t.start, fits))?.i });
    }
    // the writer, or a group: speakers, though not a named person
    else if (t.text === 'I' || lower === 'we' || lower === 'they') out.push({ start: t.start, end: t.end, text: t.text, kind: 'pronoun' });
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
  const families = new Map<string, Person[]>();
  for (const x of people.items) (families.get(x.family) ?? families.set(x.family, []).get(x.family)!).push(x);
  return { candidates: new SpanIndex(out), people, families, tokens };
}

/**
 * "Obama said after meeting Putin. He …": a pronoun opening a sentence is the subject of the sentence before,
 * when that sentence opens with a person who fits.
 */
function subjectBefore<T extends Span & { m: Mention }>(t: Token, starts: number[], people: SpanIndex<T>, fits: (x: T) => boolean): T | undefined {
  const k = upperBound(starts, t.start) - 1; // the sentence the pronoun is in
  if (k < 1 || starts[k] !== t.start) return undefined;
  const first = people.within({ start: starts[k - 1], end: t.start })[0];
  return first && fits(first) ? first : undefined;
}

/** A preposition before a name, titles between allowed: "for Hillary Clinton", "with Sen. Ted Cruz". */
const OBLIQUE = /\b(?:for|with|to|against|by|about|of|from|on|at|toward|towards|than|like|including|beside|behind|under|over|between|among)\s+(?:(?:the|former|then|\p{Lu}[\p{L}.]*)\s+){0,3}$/u;

/** Where the paragraph before the one holding the offset starts (or this one, the first). */
function paragraphStart(starts: number[], offset: number): number {
  return starts[Math.max(0, upperBound(starts, offset) - 2)] ?? 0;
}

const FEMALE = new Set(['she', 'her', 'hers', 'herself']);
const MALE = new Set(['he', 'him', 'his', 'himself']);

/**
 * What the article says of each person's gender, by family name: honorifics and role words in their titles
 * (Mr., Mrs., spokeswoman), then pronouns in sentences that name only them ("Clinton said she …").
 */
function genders(text: string, tokens: Token[], people: SpanIndex<Person>): Map<string, 'm' | 'f'> {
  const votes = new Map<string, number>();
  const vote = (family: string, by: number) => votes.set(family, (votes.get(family) ?? 0) + by);
  for (const p of people.items) {
    const titled = genderOfTitle(p.m.title);
    if (titled) vote(p.family, titled === 'f' ? -5 : 5);
  }
  const named = new Set<string>();
  let k = 0;
  let last = 0;
  // the first line break at or after `last`, or -1
  let newline = text.indexOf('\n');
  for (const t of tokens) {
    // sentences and lines (headlines, lists) end the sentence
    if (newline >= 0 && newline < last) newline = text.indexOf('\n', last);
    if (newline >= 0 && newline < t.start) named.clear();
    last = t.end;
    for (; k < people.items.length && people.items[k].start <= t.start; k++) named.add(people.items[k].family);
    if (t.text === '.' || t.text === '!' || t.text === '?') { named.clear(); continue; }
    if (named.size !== 1) continue;
    const lower = t.text.toLowerCase();
    if (FEMALE.has(lower) || MALE.has(lower)) vote([...named][0], FEMALE.has(lower) ? -1 : 1);
  }
  const out = new Map<string, 'm' | 'f'>();
  for (const [family, v] of votes) if (v) out.set(family, v > 0 ? 'm' : 'f');
  return out;
}

/**
 * A PERSON mention's gender as who is who within the article has it (src/core/entities/withinArticle.ts): the
 * person a full name, a first name or a family name stands for there, and that person's gender.
 */
function personGenders(mentions: Mention[]): (m: Mention) => Gender | undefined {
  const people = articlePeople(mentions);
  return m => {
    if (words(m.text).length >= 2) { const key = personKey(m.text); return people.genders.get(people.formal.get(key) ?? key); }
    const key = people.byMention.get(m.start) ?? people.decided.get(m.text.toLowerCase());
    return key ? people.genders.get(key) : undefined;
  };
}

function hasRole(m: Mention, role: string, qualifier: string): boolean {
  if (!m.title) return false;
  const title = m.title.toLowerCase().replace(/\./g, '');
  return title.includes(role) && (!qualifier || title.includes(qualifier) || qualifier.split(/\s+/).some(q => title.includes(q)));
}

export function speakerOf(c: Candidate): SpeakerMention {
  return { start: c.start, end: c.end, text: c.text, ...(c.mentionIndex !== undefined ? { mentionIndex: c.mentionIndex } : {}) };
}

export const familyOf = (name: string) => name.split(/\s+/).pop()!.toLowerCase();

/** The person of that family name ("pence") named last before `at`, else first after. */
export function personByFamily(speakers: Speakers, family: string, at: number): { m: Mention; i: number } | undefined {
  const named = speakers.families.get(family);
  if (!named) return undefined;
  const k = lowerBound(named, at) - 1; // the last starting before `at`
  for (let j = k; j >= 0; j--) if (named[j].end <= at) return named[j];
  return named[0];
}
