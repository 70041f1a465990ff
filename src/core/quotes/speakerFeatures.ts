// What the speaker model knows of a candidate speaker of a quote, as named features: its kind, where it
// stands (side, distance in tokens, sentences and paragraphs, how many candidates are nearer), the cue verb
// next to it, its grammatical position, whether it spoke the previous quote or is the rules' choice, and how
// often the article names it.

import type { Cue } from '../model';
import { lowerBound, upperBound, type Span } from '../text/span';
import { cueOf, isCue, PREPOSITION } from './cuePatterns';
import type { ArticleQuotes, RuleQuote } from './ranking';
import { phrasesAround } from './speakerPhrases';
import { familyOf, type Candidate } from './speakers';

/** What is worked out once per article. */
export interface ArticleFacts {
  sentenceOf(offset: number): number;
  paragraphOf(offset: number): number;
  /** Index of the first token starting at or after the offset. */
  tokenIndex(offset: number): number;
  /** Is the token a cue verb outside quotes? */
  cueAt(k: number): boolean;
  /** How many PERSON/ORG mentions carry each family name, and the most any has. */
  family: Map<string, number>;
  top: number;
  /** The family name of a mention, worked out once. */
  familyOfMention(i: number): string;
  /** Phrases next to the cues within a window, in order (worked out once per cue). */
  phrasesNear(window: Span): Candidate[];
}

/** Where a candidate stands and what it is to the rules, worked out by the caller. */
export interface Facts {
  /** Before the quote, after it, or inside it (a transcript's label). */
  side: 'B' | 'A' | 'I';
  /** How many candidates on the same side are nearer the quote. */
  rank: number;
  isRule: boolean;
  sameAsRule: boolean;
  isPrevious: boolean;
  sameAsPrevious: boolean;
}

export function articleFacts(a: ArticleQuotes): ArticleFacts {
  const { tokens } = a.speakers;
  const paraStarts = a.paras.map(p => p.start);
  const cues = new Int8Array(tokens.length).fill(-1);
  const family = new Map<string, number>();
  let top = 0;
  for (const m of a.mentions) {
    if (m.type !== 'PERSON' && m.type !== 'ORG') continue;
    const key = familyOf(m.text);
    const n = (family.get(key) ?? 0) + 1;
    family.set(key, n);
    if (m.type === 'PERSON') top = Math.max(top, n);
  }
  const phrases = new Map<number, Candidate[]>();
  const families: string[] = [];
  const sentenceOf = (offset: number) => upperBound(a.starts, offset) - 1;
  const cueAt = (k: number) => {
    if (cues[k] < 0) cues[k] = isCue(tokens[k]) && !a.quoted.strictlyAround(tokens[k].start) ? 1 : 0;
    return cues[k] === 1;
  };
  return {
    sentenceOf,
    paragraphOf: offset => upperBound(paraStarts, offset) - 1,
    tokenIndex: offset => lowerBound(tokens, offset),
    cueAt,
    family,
    top,
    familyOfMention: i => (families[i] ??= familyOf(a.mentions[i].text)),
    phrasesNear: window => {
      const out: Candidate[] = [];
      for (let k = lowerBound(tokens, window.start); k < tokens.length && tokens[k].end <= window.end; k++) {
        if (!cueAt(k)) continue;
        let found = phrases.get(k);
        if (!found) {
          const n = sentenceOf(tokens[k].start);
          const sentence = { start: a.starts[n], end: Math.min(a.starts[n + 1] ?? a.text.length, a.paras[upperBound(paraStarts, tokens[k].start) - 1].end) };
          phrases.set(k, (found = phrasesAround(a.text, tokens[k], sentence, a.speakers)));
        }
        out.push(...found.filter(p => p.start >= window.start && p.end <= window.end));
      }
      return out;
    },
  };
}

/** How many tokens a cue may stand from its subject ("Trump, the president, said") or object ("said Rep. Jim Clyburn"). */
const REACH = 12;
const STOP = /^[.!?“”"]$/;

/** What a candidate is whatever the quote: its kind, its features of its own (shared by every quote it may have said), its cues. */
export interface CandidateFacts {
  kind: string;
  group: 'name' | 'phrase' | 'pronoun';
  /** Features that do not depend on the quote: kind, cue next to it, grammatical position, salience. */
  fixed: string[];
  /** The cue verb right after it ("Trump said"; 'app' across an apposition) or right before it ("said Trump"), how many tokens away. */
  cueAfter?: number | 'app';
  cueBefore?: number;
  cue?: Cue;
}

/** The features of a candidate of its own, worked out once per article (a candidate stands near several quotes). */
export function candidateFacts(a: ArticleQuotes, facts: ArticleFacts, c: Candidate): CandidateFacts {
  const { tokens } = a.speakers;
  const kind = kindOf(a, c);
  const group = kind === 'per' || kind === 'org' ? 'name' : kind === 'desc' || kind === 'phr' ? 'phrase' : 'pronoun';
  const out: CandidateFacts = { kind, group, fixed: [`k:${kind}`] };
  if (c.kind !== 'name') out.fixed.push(`res:${kind}:${c.mentionIndex !== undefined ? 1 : 0}`);
  // a cue verb right after it ("Trump said", "Trump, the president, said") or right before ("said Trump")
  const first = facts.tokenIndex(c.start);
  const next = facts.tokenIndex(c.end);
  for (let k = next; k < Math.min(tokens.length, next + REACH) && !STOP.test(tokens[k].text); k++) {
    if (!facts.cueAt(k)) continue;
    const gap = k - next;
    const apposition = gap > 2 && tokens[next].text === ',';
    if (gap <= 2 || apposition) {
      out.cueAfter = apposition ? 'app' : gap;
      out.fixed.push(`ca:${out.cueAfter}`, `ca:${kind}`);
      out.cue = cueOf(tokens[k], a.text);
    }
    break;
  }
  for (let k = first - 1; k >= Math.max(0, first - 6) && !STOP.test(tokens[k].text); k--) {
    if (!facts.cueAt(k)) continue;
    out.cueBefore = Math.min(first - 1 - k, 3);
    out.fixed.push(`cb:${out.cueBefore}`, `cb:${kind}`);
    out.cue ??= cueOf(tokens[k], a.text);
    break;
  }
  // grammatical position: the object of a preposition ("for Hillary Clinton"), a possessive, a sentence's start
  const prev = tokens[first - 1];
  if (!prev || facts.sentenceOf(prev.start) !== facts.sentenceOf(c.start) || /^[“"]$/.test(prev.text)) out.fixed.push('g:initial');
  else if (PREPOSITION.test(prev.text) || /^(?:of|and|or)$/i.test(prev.text)) out.fixed.push(`g:prep:${group}`);
  const after = tokens[next];
  if (after && /^['’]s?$/.test(after.text) || /['’]s$/.test(c.text)) out.fixed.push('g:poss');
  else if (after?.text === ',') out.fixed.push('g:comma');
  // salience: how often the article names it
  const named = c.mentionIndex !== undefined ? facts.family.get(facts.familyOfMention(c.mentionIndex)) ?? 0 : 0;
  out.fixed.push(`sal:${bucket(named)}`);
  if (named && named === facts.top) out.fixed.push('sal:top');
  return out;
}

/** The features of a candidate that depend on the quote: where it stands, its cue's place, the previous quote, the rules. */
export function featuresOf(a: ArticleQuotes, facts: ArticleFacts, r: RuleQuote, lead: string, c: Candidate, own: CandidateFacts, f: Facts): string[] {
  const q = r.quote;
  const s = f.side;
  const { kind, group } = own;
  // distance in sentences, paragraphs and tokens, and how many candidates are nearer
  const sd = Math.min(3, Math.abs(facts.sentenceOf(s === 'A' ? q.end - 1 : q.start) - facts.sentenceOf(c.start)));
  const pd = Math.min(2, Math.abs(r.paragraph - facts.paragraphOf(c.start)));
  const ti = facts.tokenIndex;
  const td = s === 'B' ? ti(q.start) - ti(c.end) : s === 'A' ? ti(c.start) - ti(q.end) : 0;
  const rank = Math.min(f.rank, 3);
  const out = [`k:${kind}:${s}`, `sd:${s}${sd}`, `sd:${s}${sd}:${group}`, `sd:${s}${sd}:${kind}`, `pd:${s}${pd}`, `td:${s}${bucket(td)}`, `rk:${s}${rank}`, `rk:${s}${rank}:${group}`, `rk:${s}${rank}:sd${sd}`];
  // how the quote is introduced: a cue next to it, or a colon ("Stone said:"), or neither
  out.push(`lead:${lead}:${s}${sd}`, `lead:${lead}:${s}${sd}:${group}`);
  if (own.cueAfter !== undefined) out.push(`ca:${s}:sd${sd}`, `ca:${s}:rk${rank}`);
  if (own.cueBefore !== undefined) out.push(`cb:${s}:sd${sd}`, `cb:${s}:rk${rank}`);
  // the previous quote's speaker, and the rules' choice
  if (f.isPrevious || f.sameAsPrevious) {
    const opens = q.start === a.paras[r.paragraph].start ? 1 : 0;
    const pp = Math.min(2, r.paragraph - (r.previous?.paragraph ?? r.paragraph));
    out.push(f.isPrevious ? 'prev' : `prevEntity:${group}`, `prev:${r.rule}`, `prev:open${opens}:pd${pp}`);
  }
  if (f.isRule) out.push(`rule:${r.rule}`, `rule:${r.rule}:${group}`);
  else if (f.sameAsRule) out.push(`ruleEntity:${r.rule}`);
  if (q.start === a.paras[r.paragraph].start) out.push(`open:${s}${pd}`);
  return out;
}

/** How a quote is introduced: 'cue' (a cue verb within a few words, in its sentence), 'colon', or 'bare'. */
export function quoteLead(a: ArticleQuotes, facts: ArticleFacts, r: RuleQuote): string {
  const q = r.quote;
  if (/:\s*$/.test(a.text.slice(Math.max(0, q.start - 4), q.start))) return 'colon';
  const { tokens } = a.speakers;
  const start = facts.tokenIndex(q.start);
  for (let k = start - 1; k >= Math.max(0, start - 8) && !STOP.test(tokens[k].text); k--) if (facts.cueAt(k)) return 'cue';
  const end = facts.tokenIndex(q.end);
  for (let k = end; k < Math.min(tokens.length, end + 8) && !STOP.test(tokens[k].text); k++) if (facts.cueAt(k)) return 'cue';
  return 'bare';
}

/** A candidate's kind: a person, an organisation, a pronoun (he/she, I, we, they, it), a description or another phrase. */
function kindOf(a: ArticleQuotes, c: Candidate): string {
  if (c.kind === 'name') return c.mentionIndex !== undefined && a.mentions[c.mentionIndex].type === 'ORG' ? 'org' : 'per';
  if (c.kind === 'pronoun') {
    const lower = c.text.toLowerCase();
    return lower === 'he' || lower === 'she' ? 'he' : lower;
  }
  return c.kind === 'description' ? 'desc' : 'phr';
}

/** 0, 1, 2–3, 4–7, 8–15, … as 0, 1, 2, 3, 4, … (at most 7). */
function bucket(n: number): number {
  return n <= 0 ? 0 : Math.min(7, 1 + Math.floor(Math.log2(n)));
}
