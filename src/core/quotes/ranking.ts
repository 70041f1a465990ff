// The speaker model's side of attribution: for each speech quote, the candidates around it (people,
// organisations, pronouns and phrases, the rules' own choice, and "no speaker") with what is known of each
// (features), and the choice of the best by the trained model.

import type { Cue, Mention, Quote, SpeakerMention } from '../model';
import type { Span, SpanIndex } from '../text/span';
import type { QuotedStretch } from './detect';
import { calibrated, score, softmax, type SpeakerModel } from './speakerModel';
import { familyOf, type Candidate, type Speakers } from './speakers';
import { articleFacts, candidateFacts, featuresOf, quoteLead, type ArticleFacts, type CandidateFacts, type Facts } from './speakerFeatures';

/** How the rules attributed a quote: by a cue before or after it, a cue earlier in the paragraph, the previous speaker, or not. */
export type Rule = 'cue-before' | 'cue-after' | 'earlier' | 'continues' | 'none';

/** The last attributed speech quote before one: its speaker, paragraph and start. */
export interface Previous {
  speaker: SpeakerMention;
  paragraph: number;
  at: number;
}

/** A quote as the rules left it. */
export interface RuleQuote {
  quote: Quote;
  paragraph: number;
  rule: Rule;
  previous?: Previous;
}

/** What the rules found in one article, and what the speaker model reads besides. */
export interface ArticleQuotes {
  /** The text with its quotation marks brought to one convention (same offsets as the article). */
  text: string;
  mentions: Mention[];
  speakers: Speakers;
  quoted: SpanIndex<QuotedStretch>;
  paras: readonly Span[];
  starts: number[];
  quotes: RuleQuote[];
}

/** One candidate speaker of one quote ("no speaker" has none set and an empty span). */
export interface Choice extends Span {
  text: string;
  /** The PERSON/ORG mention it stands for, when known. */
  mentionIndex?: number;
  /** The name it gives: its mention's text, or its own words. */
  name: string;
  /** Whom it stands for (a family name, or its words): candidates that stand for the same speaker pool their chances. */
  key: string;
  none?: true;
  /** Its features for this quote, and those of its own (the same array for every quote it stands near). */
  features: string[];
  fixed: readonly string[];
  /** The cue that ties it to the quote, if any, and the attribution in words. */
  cue?: Cue;
  how: string;
  /** Where the previous quote starts, when this is its speaker: the quote continues it (corrections follow). */
  continues?: number;
}

export interface QuoteChoices {
  quote: Quote;
  choices: Choice[];
  /** Index of the rules' choice among `choices` (the last one, "no speaker", when the rules found none). */
  rule: number;
}

/**
 * Where candidates are looked for, in characters: before a quote (within its paragraph and the one before) and
 * after it (within its paragraph); phrases next to cues nearer; at most `most` candidates on each side, the nearest.
 */
const REACH = { before: 1500, after: 600, phrasesBefore: 400, phrasesAfter: 200, mostBefore: 8, mostAfter: 4 };

/** The speech quotes of an article with their candidate speakers. */
export function choicesOf(a: ArticleQuotes): QuoteChoices[] {
  const facts = articleFacts(a);
  // by the candidate itself: the article's candidates are the same objects for every quote
  const own = new Map<Candidate, CandidateFacts>();
  const ownOf = (c: Candidate) => own.get(c) ?? own.set(c, candidateFacts(a, facts, c)).get(c)!;
  return a.quotes.filter(r => r.quote.kind === 'speech').map(r => quoteChoices(a, facts, ownOf, r));
}

/** Lets the model choose each speech quote's speaker; the confidence is its calibrated probability. */
export function rankSpeakers(a: ArticleQuotes, model: SpeakerModel): void {
  // a candidate's own features score the same for every quote: once per article
  const fixed = new Map<readonly string[], number>();
  const fixedScore = (f: readonly string[]) => fixed.get(f) ?? fixed.set(f, score(model.weights, f)).get(f)!;
  for (const { quote, choices, rule } of choicesOf(a)) {
    const { best, mass } = bestChoice(softmax(choices.map(c => fixedScore(c.fixed) + score(model.weights, c.features))), choices.map(c => c.key));
    quote.confidence = calibrated(model, mass);
    if (best === rule) continue; // the rules' speaker, cue and wording stand
    const pick = choices[best];
    delete quote.continues;
    if (pick.none) {
      Object.assign(quote, { speaker: null, cue: null, how: undefined });
      continue;
    }
    quote.speaker = { start: pick.start, end: pick.end, text: pick.text, ...(pick.mentionIndex !== undefined ? { mentionIndex: pick.mentionIndex } : {}) };
    quote.cue = pick.cue ?? null;
    quote.how = pick.how;
    if (pick.continues !== undefined) quote.continues = pick.continues;
  }
}

/**
 * The speaker with the most probability over all the candidates that stand for them, and that speaker's
 * likeliest candidate: "Trump" before the quote and "he" after it add up.
 */
export function bestChoice(p: readonly number[], keys: readonly string[]): { best: number; mass: number } {
  const mass = new Map<string, number>();
  for (let i = 0; i < p.length; i++) mass.set(keys[i], (mass.get(keys[i]) ?? 0) + p[i]);
  let best = 0;
  for (let i = 1; i < p.length; i++) {
    const m = mass.get(keys[i])!, b = mass.get(keys[best])!;
    if (m > b || (m === b && p[i] > p[best])) best = i;
  }
  return { best, mass: mass.get(keys[best])! };
}

function quoteChoices(a: ArticleQuotes, facts: ArticleFacts, ownOf: (c: Candidate) => CandidateFacts, r: RuleQuote): QuoteChoices {
  const q = r.quote;
  const para = a.paras[r.paragraph];
  const from = Math.max(a.paras[Math.max(0, r.paragraph - 1)].start, q.start - REACH.before);
  const before = a.speakers.candidates.within({ start: from, end: q.start }).slice(-REACH.mostBefore).reverse();
  const after = a.speakers.candidates.within({ start: q.end, end: Math.min(para.end, q.end + REACH.after) }).slice(0, REACH.mostAfter);
  const found: Candidate[] = [...before, ...after];
  const extra = (s: SpeakerMention | undefined) => {
    if (s && !found.some(c => c.start === s.start && c.end === s.end)) found.push({ start: s.start, end: s.end, text: s.text, kind: 'phrase', ...(s.mentionIndex !== undefined ? { mentionIndex: s.mentionIndex } : {}) });
  };
  // phrases next to the cues of the quote's sentences: "a top GOP strategist said", "said another Republican"
  for (const p of facts.phrasesNear({ start: Math.max(from, q.start - REACH.phrasesBefore), end: Math.min(para.end, q.end + REACH.phrasesAfter) })) if (!found.some(c => c.start < p.end && p.start < c.end)) extra(p);
  extra(q.speaker ?? undefined);
  if (r.previous) extra(r.previous.speaker);
  const ruleKey = q.speaker && keyOf(facts, q.speaker);
  const previousKey = r.previous && keyOf(facts, r.previous.speaker);
  const rank = { B: 0, A: 0, I: 0 };
  const lead = quoteLead(a, facts, r);
  const choices: Choice[] = found.map(c => {
    const side = c.end <= q.start ? 'B' : c.start >= q.end ? 'A' : 'I';
    const key = keyOf(facts, c);
    const facts1: Facts = {
      side, rank: rank[side]++,
      isRule: Boolean(q.speaker && q.speaker.start === c.start && q.speaker.end === c.end),
      sameAsRule: Boolean(ruleKey && key === ruleKey),
      isPrevious: Boolean(r.previous && r.previous.speaker.start === c.start && r.previous.speaker.end === c.end),
      sameAsPrevious: Boolean(previousKey && key === previousKey),
    };
    const own = ownOf(c);
    const choice: Choice = { start: c.start, end: c.end, text: c.text, name: nameOf(a, c), key, features: featuresOf(a, facts, r, lead, c, own, facts1), fixed: own.fixed, how: howOf(facts, r, c, facts1, own.cue) };
    if (c.mentionIndex !== undefined) choice.mentionIndex = c.mentionIndex;
    if (own.cue) choice.cue = own.cue;
    if (r.previous && choice.how === CONTINUES) choice.continues = r.previous.at;
    return choice;
  });
  // the rules' own choice keeps its speaker as they set it ("it" standing for an organisation)
  const ruleIndex = q.speaker ? choices.findIndex(c => c.start === q.speaker!.start && c.end === q.speaker!.end) : -1;
  choices.push({ start: q.start, end: q.start, text: '', name: '', key: '', none: true, features: noneFeatures(r, choices.length), fixed: [], how: '' });
  return { quote: q, choices, rule: ruleIndex >= 0 ? ruleIndex : choices.length - 1 };
}

function noneFeatures(r: RuleQuote, n: number): string[] {
  return ['none', `none:${r.rule}`, `none:n${Math.min(n, 4)}`];
}

/** What a candidate is taken to stand for, for comparing two: its mention's family name, else its words. */
function keyOf(facts: ArticleFacts, c: { text: string; mentionIndex?: number; name?: string }): string {
  return c.mentionIndex !== undefined ? facts.familyOfMention(c.mentionIndex) : familyOf(c.name ?? c.text);
}

const nameOf = (a: ArticleQuotes, c: Candidate) => (c.mentionIndex !== undefined ? a.mentions[c.mentionIndex].text : c.text);

const CONTINUES = 'continues the previous speaker';

/** The attribution in words, for the hover. */
function howOf(facts: ArticleFacts, r: RuleQuote, c: Candidate, f: Facts, cue: Cue | undefined): string {
  if (f.isRule && r.quote.how) return r.quote.how;
  if (f.isPrevious || f.sameAsPrevious) return CONTINUES;
  const where = f.side === 'A' ? 'after the quote' : f.side === 'I' ? 'in the quote' : 'before the quote';
  if (cue) return `cue “${cue.text}”, ${where}`;
  if (facts.sentenceOf(c.start) === facts.sentenceOf(f.side === 'A' ? r.quote.end - 1 : r.quote.start)) return `named in the same sentence, ${where}`;
  if (f.side === 'B') return facts.paragraphOf(c.start) === r.paragraph ? 'named earlier in the paragraph' : 'named in the paragraph before';
  return `named ${where}`;
}
