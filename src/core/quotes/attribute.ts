import type { Cue, Mention, SpeakerMention } from '../model';
import { SpanIndex, upperBound, type Span } from '../text/span';
import { sentences } from '../text/sentences';
import { isCapitalised, tokenize, type Token } from '../text/tokens';
import { ADVERBS, CUES, DESCRIPTION, NOUN_OR_VERB, PRONOUNS, SPEAKER_AFTER } from './cues';

/**
 * Something that can be a speaker: a PERSON/ORG mention, a pronoun, a description ("the U.S. president"),
 * or a phrase the recogniser did not name ("the commission", "Graham"), with what it resolves to.
 */
export interface Candidate extends Span {
  text: string;
  mentionIndex?: number;
  kind: 'name' | 'pronoun' | 'description' | 'phrase';
}

export interface Attribution {
  speaker: SpeakerMention;
  cue: Cue;
  /** Where the cue stands relative to the quote. */
  side: 'before' | 'after';
}

/** The article's speaker candidates, and its people for resolving phrases by family name. */
export interface Speakers {
  candidates: SpanIndex<Candidate>;
  people: SpanIndex<Person>;
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
  const people = new SpanIndex<Person>(indexed.filter(x => x.m.type === 'PERSON').map(x => ({ ...x, family: familyOf(x.m.text) })));
  for (const x of indexed) if (x.m.type === 'PERSON' || x.m.type === 'ORG') out.push({ start: x.start, end: x.end, text: x.m.text, mentionIndex: x.i, kind: 'name' });
  const tokens = tokenize(text);
  const gender = genders(text, tokens, people);
  const starts = sentences(text).map(x => x.start);
  for (const t of tokens) {
    if (t.text.length > 4) continue; // the words below are shorter
    const lower = t.text.toLowerCase();
    if (insideQuote(t.start)) continue;
    // "she" is the last person named before who is not known to be a man, "he" not known to be a woman
    const unwanted = FEMALE.has(lower) ? 'm' : 'f';
    if (PRONOUNS.has(lower)) {
      const fits = (x: Person) => gender.get(x.family) !== unwanted;
      out.push({ start: t.start, end: t.end, text: t.text, kind: 'pronoun', mentionIndex: (subjectBefore(t, starts, people, fits) ?? people.lastBefore(t.start, fits))?.i });
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
  return { candidates: new SpanIndex(out), people };
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
    const title = p.m.title ?? '';
    if (/\b(?:Mrs|Ms|Miss|Madam)\b|woman|wife|mother|daughter|sister|lady|actress|queen|princess|girl/i.test(title)) vote(p.family, -5);
    else if (/\b(?:Mr|Sir)\b|\b(?:\w+man|husband|father|son|brother|king|prince|boy)\b/i.test(title)) vote(p.family, 5);
  }
  let named = new Set<string>();
  let k = 0;
  let last = 0;
  // the first line break at or after `last`, or -1
  let newline = text.indexOf('\n');
  for (const t of tokens) {
    // sentences and lines (headlines, lists) end the sentence
    if (newline >= 0 && newline < last) newline = text.indexOf('\n', last);
    if (newline >= 0 && newline < t.start) named = new Set();
    last = t.end;
    for (; k < people.items.length && people.items[k].start <= t.start; k++) named.add(people.items[k].family);
    if (/^[.!?]$/.test(t.text)) { named = new Set(); continue; }
    if (named.size !== 1) continue;
    const lower = t.text.toLowerCase();
    if (FEMALE.has(lower) || MALE.has(lower)) vote([...named][0], FEMALE.has(lower) ? -1 : 1);
  }
  const out = new Map<string, 'm' | 'f'>();
  for (const [family, v] of votes) if (v) out.set(family, v > 0 ? 'm' : 'f');
  return out;
}

function hasRole(m: Mention, role: string, qualifier: string): boolean {
  if (!m.title) return false;
  const title = m.title.toLowerCase().replace(/\./g, '');
  return title.includes(role) && (!qualifier || title.includes(qualifier) || qualifier.split(/\s+/).some(q => title.includes(q)));
}

function speakerOf(c: Candidate): SpeakerMention {
  return { start: c.start, end: c.end, text: c.text, ...(c.mentionIndex !== undefined ? { mentionIndex: c.mentionIndex } : {}) };
}

/** Words of a window (tokens with a letter). */
const wordsIn = (text: string, w: Span) => tokenize(text.slice(w.start, w.end), w.start).filter(t => LETTER.test(t.text));

// module constants: a literal with \p{…} is rebuilt on every call once bundled (esbuild writes it as new RegExp)
const LETTER = /\p{L}/u;
/** "Rep. Jim Jordan (R-Ohio), a member, said": a name's apposition between commas. */
const APPOSITION = /^\s*(?:\([^()]{0,15}\))?\s*,[^.!?“”"]*,\s*(?:\p{L}+\s+)?$/u;
const JOINED = /\b(?:and|but)\s+(?:(\p{L}+)\s+)?$/u;
const PARTICIPLE_AFTER = /,\s*\p{L}+ing\b[^“”"]*$/u;

const DETERMINER = /^(?:the|a|an|his|her|their|its|our|this|that|one|two|three|several|some|many)$/i;
/** Words a phrase naming a speaker may not contain: they start a clause, not a name. */
const CLAUSE_WORD = /^(?:when|while|and|but|as|if|that|which|who|because|after|before|than|then|so|or|to|though|although|since|unless|whether|where|what|how|he|she|it|they|we|i|you|there|this|was|is|were|are|had|has|have|would|will|could)$/i;
const DATE_WORD = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|yesterday|january|february|march|april|may|june|july|august|september|october|november|december|week|month|year)$/i;
/** Titles and affiliations between a cue and a name: "said Rep. Jim Clyburn", "said former Gov. Jeb Bush". */
const TITLE_GAP = /^[\s,]*(?:(?:the|former|then|acting|current|[\p{Lu}][\p{L}.’'-]*|of|[(][^()]{0,12}[)])\s+){0,6}$/u;
/** A suffix after a name: "Vann R. Newkirk II", "Martin Luther King Jr." */
const SUFFIX = /^(?:,?\s+(?:Jr|Sr)\.?|\s+(?:II|III|IV))?/;
/** A party tag after a name: "Rep. Gwen Moore (D-Wis.)", "Mitch McConnell, R-Ky.," */
const PARTY = /^(?:\s*\([^()]{0,20}\)|\s*,\s*[DRI]-[\p{L}.]{2,14},)?/u;
/** Where a name ends with its suffix ("Jr.", "II"). */
const afterSuffix = (text: string, end: number) => end + SUFFIX.exec(text.slice(end, end + 8))![0].length;
/** Where the words after a name end that still belong to it: its suffix and party tag. */
function afterName(text: string, end: number): number {
  end = afterSuffix(text, end);
  return end + PARTY.exec(text.slice(end, end + 24))![0].length;
}
/** Prepositions start a phrase of their own: "in a speech", "to reporters" are no part of a speaker's title. */
const PREPOSITION = /^(?:in|on|at|to|for|from|with|by|about|during|after|before|into|over|under|against|without|like)$/i;
/** Lower-case role words may stand between a cue and a name too: "said 9/11 widow Terry Strada". */
const ROLE_GAP = /^[\s,]*(?:[\p{L}\p{N}][\p{L}\p{N}.’'/-]*\s+){1,6}$/u;

/**
 * Is a noun-or-verb cue ("tweets", "statement", "call") a verb here? Only right after its subject or an
 * adverb: "Trump tweets" yes, "Trump’s late-night tweets" no.
 */
function isVerbUse(text: string, cue: Token, candidates: SpanIndex<Candidate>): boolean {
  if (!NOUN_OR_VERB.has(cue.text.toLowerCase())) return true;
  const before = text.slice(Math.max(0, cue.start - 60), cue.start);
  const prev = /([\p{L}’'.-]+)\s*$/u.exec(before)?.[1] ?? '';
  if (ADVERBS.has(prev.toLowerCase()) || /^(?:and|who|to)$/i.test(prev)) return true;
  const c = candidates.lastBefore(cue.start);
  return Boolean(c && /^\s*,?\s*$/.test(text.slice(c.end, cue.start)));
}

const isCue = (t: Token) => CUES.has(t.text.toLowerCase());

/**
 * A speaker named by a phrase the recogniser did not tag: "Graham", "the commission", "the ad’s narrator".
 * Resolved to a person when its last word is the family name of someone named in the article.
 */
function phrase(text: string, words: Token[], speakers: Speakers): Candidate | undefined {
  if (!words.length || words.length > 6 || words.some(w => CLAUSE_WORD.test(w.text) || DATE_WORD.test(w.text))) return undefined;
  const first = words[0].text;
  if (!DETERMINER.test(first) && !isCapitalised(first)) return undefined;
  if (/^(?:a|an|one|two|three|several|some|many)$/i.test(first) && words.length === 1) return undefined;
  const span = { start: words[0].start, end: words[words.length - 1].end };
  const last = words[words.length - 1].text.replace(/['’]s$/, '').toLowerCase();
  const person = isCapitalised(words[words.length - 1].text) ? personByFamily(speakers, last, span.start) : undefined;
  return { ...span, text: text.slice(span.start, span.end), kind: 'phrase', ...(person ? { mentionIndex: person.i } : {}) };
}

const familyOf = (name: string) => name.split(/\s+/).pop()!.toLowerCase();

/** The person of that family name ("pence") named last before `at`, else first after. */
export function personByFamily(speakers: Speakers, family: string, at: number): { m: Mention; i: number } | undefined {
  const named = (x: Person) => x.family === family;
  return speakers.people.lastBefore(at, named) ?? speakers.people.items.find(named);
}

/**
 * Attribution from the words around a quote, within its sentence: `after` is the text from the closing
 * mark to the sentence end, `before` from the sentence start to the opening mark (other quotes masked).
 * Right after the quote, the speaker must follow the closing mark directly (“…,” Trump said / said Trump /
 * ― Pamela Padilla); otherwise the cue before the quote decides.
 */
export function attribute(text: string, before: Span, after: Span, speakers: Speakers): Attribution | null {
  return attributeAfter(text, after, speakers) ?? attributeBefore(text, before, after, speakers);
}

function attributeAfter(text: string, after: Span, speakers: Speakers): Attribution | null {
  const { candidates } = speakers;
  const tail = text.slice(after.start, after.end);
  // “…” ― Pamela Padilla
  const dash = /^[\s,]*(?:―|—|–|--)\s*/.exec(tail);
  if (dash) {
    const at = after.start + dash[0].length;
    const named = candidates.within({ start: at, end: after.end })[0];
    const words = wordsIn(text, { start: at, end: after.end });
    const run = words.findIndex(w => !isCapitalised(w.text));
    const speaker = named && named.start === at ? named : phrase(text, words.slice(0, Math.min(run < 0 ? words.length : run, 5)), speakers);
    if (speaker) return { speaker: speakerOf(speaker), cue: { start: after.start + dash[0].trimEnd().length - 1, end: at, text: dash[0].trim() }, side: 'after' };
  }
  const words = wordsIn(text, after).slice(0, 30);
  // "the report read": a cue that is also a noun is a noun after a determiner
  const k = words.findIndex((w, i) => isCue(w) && !(NOUN_OR_VERB.has(w.text.toLowerCase()) && i > 0 && DETERMINER.test(words[i - 1].text)));
  if (k < 0) return null;
  const cue = words[k];
  if (k === 0) {
    // “…,” said Trump / said the president / added Rep. Jim Clyburn (D-S.C.)
    const speaker = following(text, cue, after.end, speakers);
    return speaker ? { speaker: speakerOf(speaker), cue: cueOf(cue, text), side: 'after' } : null;
  }
  const lead = words.slice(0, k);
  const inLead = candidates.within({ start: after.start, end: cue.start });
  const last = inLead[inLead.length - 1];
  if (last) {
    // “…,” Trump said / Rep. Gwen Moore (D-Wis.) said / retired Air Force general Lloyd Newton said
    const pre = lead.filter(w => w.end <= last.start);
    const post = wordsIn(text, { start: afterName(text, last.end), end: cue.start });
    const titled = pre.length <= 6 && pre.every(w => !CLAUSE_WORD.test(w.text) && !PREPOSITION.test(w.text)) && (!pre.length || DETERMINER.test(pre[0].text) || pre.some(w => isCapitalised(w.text)));
    const adjacent = post.every(w => ADVERBS.has(w.text.toLowerCase()) || /^\(/.test(text.slice(w.start - 1, w.start)) || isCapitalised(w.text) && /\)/.test(text.slice(w.end, w.end + 2)));
    if (titled && adjacent) return { speaker: speakerOf(last), cue: cueOf(cue), side: 'after' };
    // “…,” Obama's former campaign strategist said
    if (titled && post.length && /^['’]s\b/.test(text.slice(last.end, last.end + 2))) {
      const named = phrase(text, lead.filter(w => !ADVERBS.has(w.text.toLowerCase())), speakers);
      if (named) return { speaker: speakerOf(named), cue: cueOf(cue), side: 'after' };
    }
    // “…,” Malkia Cyril, the executive director at the Center of Media Justice, told … / Rep. Jim Jordan (R-Ohio), a member, said
    const first = inLead[0];
    const before = lead.filter(w => w.end <= first.start);
    if (before.length <= 4 && before.every(w => isCapitalised(w.text)) && APPOSITION.test(text.slice(afterSuffix(text, first.end), cue.start))) return { speaker: speakerOf(first), cue: cueOf(cue), side: 'after' };
    // “…” for criminal behavior, she said. — the sentence's own attribution closes it
    if (adjacent && /,\s*$/.test(text.slice(after.start, last.start)) && closesSentence(text, cue.end, after.end)) return { speaker: speakerOf(last), cue: cueOf(cue), side: 'after' };
    if (!DETERMINER.test(lead[0].text) || k > 6) return null;
  }
  if (k > 6) return null;
  // “…,” it added. — an organisation or publication quoted just before; resolved by the caller
  const plain = lead.filter(w => !ADVERBS.has(w.text.toLowerCase()));
  if (plain.length === 1 && /^it$/i.test(plain[0].text)) return { speaker: speakerOf({ ...plain[0], text: plain[0].text, kind: 'pronoun' }), cue: cueOf(cue), side: 'after' };
  const named = phrase(text, plain, speakers);
  return named ? { speaker: speakerOf(named), cue: cueOf(cue), side: 'after' } : null;
}

function attributeBefore(text: string, before: Span, after: Span, speakers: Speakers): Attribution | null {
  const { candidates } = speakers;
  const words = wordsIn(text, before);
  for (let k = words.length - 1; k >= 0; k--) {
    const cue = words[k];
    if (!isCue(cue) || !isVerbUse(text, cue, candidates)) continue;
    const word = cue.text.toLowerCase();
    if (SPEAKER_AFTER.has(word)) {
      // "according to" and then the speaker, right away (titles allowed): "according to the White House"
      const to = /^according\s+to\s+/i.exec(text.slice(cue.start, cue.start + 20));
      if (!to) continue;
      const at = cue.start + to[0].length;
      const next = candidates.within({ start: at, end: before.end })[0];
      const rest = words.slice(k + 2, k + 5);
      const speaker = next && TITLE_GAP.test(text.slice(at, next.start)) ? next : rest[0]?.start === at ? phrase(text, rest, speakers) : undefined;
      if (speaker) return { speaker: speakerOf(speaker), cue: cueOf(cue, text), side: 'before' };
      continue;
    }
    const preceding = candidates.within({ start: before.start, end: cue.start });
    const participle = PARTICIPLE.test(cue.text);
    // "…, adding that “…”": a participle's subject is the sentence's subject, not the nearest name;
    // "Noting “efforts and patience” were needed, Kim said …": the subject may follow the quote
    // "Roberts said she thinks … but said “…”": a verb joined by and/but shares the sentence's subject
    const joined = JOINED.exec(text.slice(Math.max(before.start, cue.start - 24), cue.start));
    const coordinated = Boolean(joined && (!joined[1] || ADVERBS.has(joined[1].toLowerCase())));
    const subject = coordinated && preceding.length ? preceding[0] : participle ? preceding[0] ?? candidates.within(after).find(c => /,\s*$/.test(text.slice(Math.max(after.start, c.start - 3), c.start))) : preceding[preceding.length - 1];
    // the commission says …: a subject the recogniser did not name stands right before the cue, unless the
    // named subject is the one ("Trump, who has pledged to solve the North Korea problem, says")
    const between = subject && subject.end <= cue.start ? text.slice(afterSuffix(text, subject.end), cue.start) : '';
    const direct = subject && (!between.trim() || /^\s*(?:\([^()]*\))?\s*,[^.!?]*,\s*$/.test(between) || wordsIn(text, { start: subject.end, end: cue.start }).every(w => ADVERBS.has(w.text.toLowerCase())));
    const np = !participle && !direct && !coordinated ? nounPhraseBefore(text, words, k, speakers) : undefined;
    if (np && !candidates.overlapping(np).length) return { speaker: speakerOf(np), cue: cueOf(cue), side: 'before' };
    if (subject) return { speaker: speakerOf(subject), cue: cueOf(cue), side: 'before' };
    const inverted = following(text, cue, before.end, speakers);
    if (inverted) return { speaker: speakerOf(inverted), cue: cueOf(cue), side: 'before' };
  }
  return null;
}


/** "The commission says", "the ad’s narrator said": a determiner phrase of up to four words before the cue. */
function nounPhraseBefore(text: string, words: Token[], k: number, speakers: Speakers): Candidate | undefined {
  let end = k;
  while (end > 0 && ADVERBS.has(words[end - 1].text.toLowerCase())) end--;
  for (let start = end - 1; start >= Math.max(0, end - 4); start--) {
    if (!/^(?:the)$/i.test(words[start].text)) continue;
    if (!/^[\s\p{L}\p{N}’'.-]*$/u.test(text.slice(words[start].start, words[end - 1].end))) return undefined;
    return phrase(text, words.slice(start, end), speakers);
  }
  return undefined;
}

const PARTICIPLE = /ing$/i;

/** "said Trump", "said the president", "added Rep. Jim Clyburn": the speaker right after the cue, titles between. */
function following(text: string, cue: Token, limit: number, speakers: Speakers): Candidate | undefined {
  // “…,” according to the State Department: the speaker follows "to"
  const from = /^according$/i.test(cue.text) ? cue.end + (/^\s+to\b/i.exec(text.slice(cue.end, cue.end + 6))?.[0].length ?? 0) : cue.end;
  const next = speakers.candidates.within({ start: from, end: limit })[0];
  const gap = next ? text.slice(from, next.start) + ' ' : '';
  if (next && next.start - from < 60 && (TITLE_GAP.test(gap) || ROLE_GAP.test(gap) && wordsIn(text, { start: from, end: next.start }).every(w => !CLAUSE_WORD.test(w.text) && !PREPOSITION.test(w.text) && !DATE_WORD.test(w.text)))) return next;
  const words = wordsIn(text, { start: from, end: limit });
  const stop = text.slice(from, limit).search(/[,.;:!?(]/);
  const upTo = stop < 0 ? limit : from + stop;
  const np = words.filter(w => w.end <= upTo).slice(0, 5);
  return np.length && /^[\s,]*$/.test(text.slice(from, np[0].start)) ? phrase(text, np, speakers) : undefined;
}

/** Only a few words (no clause) stand between the cue and the sentence's end: "said Tuesday.", "said in an interview." */
function closesSentence(text: string, from: number, end: number): boolean {
  // “…” to drive up the stock price, she said, referencing the bank’s drive: a participle may follow
  const participle = PARTICIPLE_AFTER.exec(text.slice(from, end));
  if (participle) end = from + participle.index;
  const rest = text.slice(from, end);
  if (!/^[^,;:“”"]*$/.test(rest)) return false;
  const words = wordsIn(text, { start: from, end });
  return words.length <= 4 && words.every(w => !CLAUSE_WORD.test(w.text));
}

function cueOf(t: Token, text?: string): Cue {
  if (text && t.text.toLowerCase() === 'according') {
    const m = /^according\s+to/i.exec(text.slice(t.start, t.start + 20));
    if (m) return { start: t.start, end: t.start + m[0].length, text: m[0] };
  }
  return { start: t.start, end: t.end, text: t.text };
}
