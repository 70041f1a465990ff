import type { Mention, Quote, QuoteKind } from '../model';
import { paragraphs, sentences } from '../text/sentences';
import { SpanIndex, upperBound, type Span } from '../text/span';
import { attribute, personByFamily, speakerCandidates, type Attribution, type Speakers } from './attribute';
import { quotedStretches, type QuotedStretch } from './detect';
import { quoteMarks } from './marks';
import { choicesOf, rankSpeakers, type ArticleQuotes, type Previous, type QuoteChoices, type RuleQuote } from './ranking';
import type { SpeakerModel } from './speakerModel';

export { quotedStretches } from './detect';
export { parseSpeakerModel, type SpeakerModel } from './speakerModel';
export type { Choice, QuoteChoices } from './ranking';

/**
 * Direct quotations of one article with their kind and, for speech, who said them. The rules find the quotes
 * and a first speaker; with a speaker model, the model ranks the candidates around each speech quote (the
 * rules' choice among its evidence) and its calibrated probability is the quote's confidence.
 */
export function findQuotes(original: string, mentions: Mention[], model?: SpeakerModel): Quote[] {
  const found = ruleQuotes(original, mentions);
  if (model) rankSpeakers(found, model);
  return finish(original, found.text, found.quotes.map(r => r.quote));
}

/** For training the speaker model: each speech quote of the article with its candidates and their features. */
export function speakerChoices(original: string, mentions: Mention[]): QuoteChoices[] {
  return choicesOf(ruleQuotes(original, mentions));
}

/** Cue, speaker and snippet texts are taken from the article itself (the marks were read brought to one convention). */
function finish(original: string, text: string, quotes: Quote[]): Quote[] {
  if (text !== original) for (const q of quotes) {
    if (q.cue) q.cue = { ...q.cue, text: original.slice(q.cue.start, q.cue.end) };
    if (q.speaker) q.speaker = { ...q.speaker, text: original.slice(q.speaker.start, q.speaker.end) };
  }
  return quotes;
}

/**
 * The rules, in order of evidence: a cue in the quote's own sentence (speaker before, after or around it), then the
 * speaker of the sentence before in the same paragraph, then, for a paragraph that opens with a quote, the last
 * speaker of the paragraph before.
 */
function ruleQuotes(original: string, mentions: Mention[]): ArticleQuotes {
  // read with its quotation marks brought to “…” and "…" (same offsets); what is quoted is taken from the article
  const marks = quoteMarks(original);
  const text = marks.text;
  const stretches = quotedStretches(original, marks);
  const quoted = new SpanIndex(stretches);
  const inside = (offset: number) => quoted.strictlyAround(offset);
  const speakers = speakerCandidates(text, mentions, inside);
  const paras = paragraphs(text);
  const starts = sentences(text).map(s => s.start);
  const quotes: RuleQuote[] = [];
  let lastSpeaker = null as LastSpeaker | null;
  let lastParagraph = -1;
  let p = 0;
  for (const [n, stretch] of stretches.entries()) {
    while (p < paras.length - 1 && paras[p].end <= stretch.start) p++;
    const para = paras[p];
    const { before, after } = windows(text, stretch, para, stretches[n + 1], starts, inside);
    const found = transcriptLabel(text, stretch, speakers) ?? attribute(text, before, after, speakers) ?? introducedBy(text, stretch, paras, p, starts, speakers);
    // “…,” it added. — "it" and "they" stand for the organisation or group that spoke last
    if (found && /^(?:it|they)$/i.test(found.speaker.text) && lastSpeaker && lastSpeaker.paragraph >= p - 1 && !isPerson(lastSpeaker.speaker, mentions)) {
      const prev = lastSpeaker.speaker;
      found.speaker = { ...found.speaker, ...(prev.mentionIndex !== undefined ? { mentionIndex: prev.mentionIndex } : { name: prev.name ?? prev.text }) };
    }
    const kind = classify(text, stretch, before, found);
    const quote: Quote = {
      start: stretch.start, end: stretch.end, inner: stretch.inner, text: original.slice(stretch.inner.start, stretch.inner.end), kind,
      speaker: null, cue: null, confidence: kind === 'speech' ? 0.3 : 0.6, origin: 'model',
    };
    const rule: RuleQuote = { quote, paragraph: p, rule: 'none', ...(lastSpeaker ? { previous: lastSpeaker } : {}) };
    if (kind === 'speech') {
      // speakers named in sentences without quotes carry over too: "Trump said he hoped … “We made …”"
      let earlier = found ? null : lastAttributionInParagraph(text, para, stretch.start, quoted, speakers);
      // a quote of this paragraph attributed after that cue is the more recent speaker: “…,” Tanner said. “…”
      if (earlier && lastSpeaker?.paragraph === p && lastSpeaker.at > earlier.cue.start) earlier = null;
      if (found) {
        Object.assign(quote, { speaker: found.speaker, cue: found.cue, confidence: found.speaker.mentionIndex !== undefined ? 0.9 : 0.5, how: `cue “${found.cue.text}”, ${found.side === 'before' ? 'before the quote' : 'after the quote'}` });
        rule.rule = found.side === 'before' ? 'cue-before' : 'cue-after';
      } else if (earlier) {
        Object.assign(quote, { speaker: earlier.speaker, cue: earlier.cue, confidence: 0.7, how: `cue “${earlier.cue.text}” earlier in the paragraph` });
        rule.rule = 'earlier';
      } else if (lastSpeaker && (lastSpeaker.paragraph === p || (lastSpeaker.paragraph === p - 1 && stretch.start === para.start))) {
        Object.assign(quote, { speaker: lastSpeaker.speaker, confidence: 0.6, how: 'continues the previous speaker', continues: lastSpeaker.at });
        rule.rule = 'continues';
      }
      if (quote.speaker) lastSpeaker = { speaker: quote.speaker, paragraph: p, at: stretch.start };
    }
    if (p !== lastParagraph && lastSpeaker && lastSpeaker.paragraph < p - 1) lastSpeaker = null;
    lastParagraph = p;
    quotes.push(rule);
  }
  return { text, mentions, speakers, quoted, paras, starts, quotes };
}

/** The speaker of the last attributed quote: its paragraph and where the quote starts. */
type LastSpeaker = Previous;

/** Is this speaker a person (named, or he/she), who cannot be "it"? */
function isPerson(speaker: Attribution['speaker'], mentions: Mention[]): boolean {
  if (speaker.mentionIndex !== undefined) return mentions[speaker.mentionIndex].type === 'PERSON';
  return /^(?:he|she|i)$/i.test(speaker.text);
}

// module constants: a literal with \p{…} is rebuilt on every call once bundled (esbuild writes it as new RegExp)
const LOWER_AHEAD = /^\s*\p{Ll}/u;
const NAME_BEFORE = /\p{Lu}[\p{L}.]*\s$/u;
const NAME_AFTER = /^\s\p{Lu}/u;

/** The text of the quote's sentence before and after it, stopping at sentence ends outside quotes. */
function windows(text: string, stretch: QuotedStretch, para: Span, next: QuotedStretch | undefined, starts: number[], inside: (offset: number) => boolean): { before: Span; after: Span } {
  let b = para.start;
  for (let k = upperBound(starts, stretch.start) - 1; k >= 0 && starts[k] >= para.start; k--) {
    if (!inside(starts[k])) { b = starts[k]; break; }
  }
  // the next sentence start outside quotes, from an offset
  const sentenceAfter = (from: number) => {
    for (let k = upperBound(starts, from); k < starts.length && starts[k] < para.end; k++) if (!inside(starts[k])) return starts[k];
    return para.end;
  };
  let nextStart = sentenceAfter(stretch.end);
  // “… is?” Graham asked. — a sentence that ends inside the quote goes on with its attribution
  if (nextStart < para.end && /^\s*$/.test(text.slice(stretch.end, nextStart)) && (/[?!]\s*$/.test(text.slice(stretch.inner.start, stretch.inner.end)) || LOWER_AHEAD.test(text.slice(stretch.end, stretch.end + 3)))) nextStart = sentenceAfter(nextStart);
  const a = Math.min(next && next.start >= stretch.end ? next.start : para.end, nextStart, para.end);
  return { before: { start: b, end: stretch.start }, after: { start: stretch.end, end: a } };
}

/** How far back in a paragraph a speaker named without a quote is looked for. */
const LOOK_BACK = 600;

const TITLE_CUE = /\b(?:read|reads|reading|titled|entitled|headlined|headline|banner|slogan|sign|hashtag|book|film|song|show|series|album|article|column|op-ed)\s*[:,]?\s*$/i;
const SCARE_CUE = /\b(?:so-called|called|dubbed|termed|known as|wording|word|term|phrase|label|labelled|labeled)\s*[:,]?\s*$/i;

/** Title, scare quote or speech: a naming cue decides first, then an attribution, then length. */
function classify(text: string, stretch: QuotedStretch, before: Span, found: Attribution | null): QuoteKind {
  const attributed = Boolean(found);
  const inner = text.slice(stretch.inner.start, stretch.inner.end).trim();
  const lead = text.slice(Math.max(before.start, stretch.start - 40), stretch.start);
  const words = inner.split(/\s+/).filter(w => /[\p{L}\p{N}]/u.test(w));
  if (TITLE_CUE.test(lead)) return 'title';
  const capitalised = words.length > 1 && words.length <= 6 && words.every(w => /^[\p{Lu}\p{N}]/u.test(w) || /^(of|the|a|an|and|in|on|for|to|at|with)$/.test(w));
  // a show, a programme, a slogan: on CBS's “Face the Nation,” / his 1994 “Contract with America.”
  if (capitalised && (!attributed && !/[.!?,]$/.test(inner) || /(?:\b(?:on|of|in|to|at|from|the|a|an|his|her|their|its|watching|watch)|['’]s|\d)\s*$/i.test(lead))) return 'title';
  // a nickname inside a name: Marcia “Cia” Price
  if (words.length <= 2 && NAME_BEFORE.test(lead) && NAME_AFTER.test(text.slice(stretch.end, stretch.end + 2))) return 'title';
  if (SCARE_CUE.test(lead) && words.length <= 4) return 'scare';
  // one word without the punctuation of a sentence is a term held at a distance: called him a “quack”
  // unless a verb of speech gives it to someone: he had a “successful” first meeting, he said
  if (words.length === 1 && !/[.!?,]$/.test(inner) && !/^(?:say|says|said|told|tells|add|added|adds|replied|wrote|writes|tweeted)$/i.test(found?.cue.text ?? '')) return 'scare';
  if (attributed || words.length >= 6 || (/[.!?]$/.test(inner) && words.length >= 3)) return 'speech';
  return 'scare';
}

/** A transcript quoted whole: “WALLACE: Let’s start …” — the label names the speaker. */
function transcriptLabel(text: string, stretch: QuotedStretch, speakers: Speakers): Attribution | null {
  const m = /^\s*((?:[A-Z][A-Z.’'-]*\s){0,2}[A-Z][A-Z.’'-]+):\s/.exec(text.slice(stretch.inner.start, stretch.inner.start + 40));
  if (!m || m[1].length < 2) return null;
  const start = stretch.inner.start + m.index + m[0].indexOf(m[1]);
  const family = m[1].split(/\s+/).pop()!.toLowerCase();
  const person = personByFamily(speakers, family, start);
  const speaker = { start, end: start + m[1].length, text: m[1], ...(person ? { mentionIndex: person.i } : {}) };
  return { speaker, cue: { start: speaker.end, end: speaker.end + 1, text: ':' }, side: 'before' };
}

/** A quote opening a paragraph after one that ends with a colon: “Caddell continued:” ¶ “The health issue …” */
function introducedBy(text: string, stretch: QuotedStretch, paras: readonly Span[], p: number, starts: number[], speakers: Speakers): Attribution | null {
  if (p === 0 || stretch.start !== paras[p].start) return null;
  const prev = paras[p - 1];
  if (!/:\s*$/.test(text.slice(prev.start, prev.end))) return null;
  const from = Math.max(prev.start, starts[upperBound(starts, prev.end - 2) - 1] ?? prev.start);
  return attribute(text, { start: from, end: prev.end }, { start: prev.end, end: prev.end }, speakers);
}

/** The last cue with a speaker in the paragraph before `at`, in text outside quotes. */
function lastAttributionInParagraph(text: string, para: Span, at: number, quoted: SpanIndex<QuotedStretch>, speakers: Speakers): Attribution | null {
  let result: Attribution | null = null;
  const re = /[^.!?]+[.!?]?/g;
  const from = Math.max(para.start, at - LOOK_BACK);
  const slice = text.slice(from, at);
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const s = { start: from + m.index, end: from + m.index + m[0].length };
    if (quoted.overlapping(s).length || s.end > at) continue;
    const found = attribute(text, s, { start: s.end, end: s.end }, speakers);
    if (found) result = found;
  }
  return result;
}
