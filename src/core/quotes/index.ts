import type { Mention, Quote, QuoteKind } from '../model';
import { paragraphs, sentences } from '../text/sentences';
import type { Span } from '../text/span';
import { attribute, speakerCandidates, type Attribution, type Candidate } from './attribute';
import { quotedStretches, type QuotedStretch } from './detect';

export { quotedStretches } from './detect';

/**
 * Direct quotations of one article with their kind and, for speech, who said them.
 * Order of evidence: a cue in the quote's own sentence (speaker before, after or around it), then the
 * speaker of the sentence before in the same paragraph, then, for a paragraph that opens with a quote,
 * the last speaker of the paragraph before.
 */
export function findQuotes(text: string, mentions: Mention[]): Quote[] {
  const stretches = quotedStretches(text);
  const inside = (offset: number) => stretches.some(s => offset > s.start && offset < s.end);
  const candidates = speakerCandidates(text, mentions, inside);
  const paras = paragraphs(text);
  const starts = sentences(text).map(s => s.start);
  const quotes: Quote[] = [];
  let lastSpeaker: { speaker: Attribution['speaker']; paragraph: number } | null = null;
  let lastParagraph = -1;
  for (const stretch of stretches) {
    const p = paras.findIndex(para => para.start <= stretch.start && stretch.start < para.end);
    const para = paras[p];
    const { before, after } = windows(text, stretch, para, stretches, starts);
    const found = attribute(text, before, after, candidates);
    const kind = classify(text, stretch, before, Boolean(found));
    const quote: Quote = {
      start: stretch.start, end: stretch.end, inner: stretch.inner, text: text.slice(stretch.inner.start, stretch.inner.end), kind,
      speaker: null, cue: null, confidence: kind === 'speech' ? 0.3 : 0.6, origin: 'model',
    };
    if (kind === 'speech') {
      // speakers named in sentences without quotes carry over too: "Trump said he hoped … “We made …”"
      const earlier = found ? null : lastAttributionInParagraph(text, para, stretch.start, stretches, candidates);
      if (found) {
        Object.assign(quote, { speaker: found.speaker, cue: found.cue, confidence: found.speaker.mentionIndex !== undefined ? 0.9 : 0.5, how: `cue “${found.cue.text}”, ${found.side === 'before' ? 'before the quote' : 'after the quote'}` });
      } else if (earlier) {
        Object.assign(quote, { speaker: earlier.speaker, cue: earlier.cue, confidence: 0.7, how: `cue “${earlier.cue.text}” earlier in the paragraph` });
      } else if (lastSpeaker && (lastSpeaker.paragraph === p || (lastSpeaker.paragraph === p - 1 && stretch.start === para.start))) {
        Object.assign(quote, { speaker: lastSpeaker.speaker, confidence: 0.6, how: 'continues the previous speaker' });
      }
      if (quote.speaker) lastSpeaker = { speaker: quote.speaker, paragraph: p };
    }
    if (p !== lastParagraph && lastSpeaker && lastSpeaker.paragraph < p - 1) lastSpeaker = null;
    lastParagraph = p;
    quotes.push(quote);
  }
  return quotes;
}

/** The text of the quote's sentence before and after it, stopping at sentence ends outside quotes. */
function windows(text: string, stretch: QuotedStretch, para: Span, stretches: QuotedStretch[], starts: number[]): { before: Span; after: Span } {
  const masked = (i: number) => stretches.some(s => i > s.start && i < s.end);
  let b = para.start;
  for (const st of starts) if (st <= stretch.start && st >= para.start && !masked(st)) b = st;
  let a = stretch.end;
  const nextQuote = stretches.find(s => s.start >= stretch.end)?.start ?? para.end;
  const nextStart = starts.find(st => st > stretch.end && !masked(st)) ?? para.end;
  a = Math.min(nextQuote, nextStart, para.end);
  return { before: { start: b, end: stretch.start }, after: { start: stretch.end, end: a } };
}

const TITLE_CUE = /\b(?:read|reads|reading|titled|entitled|headlined|headline|banner|slogan|sign|hashtag|book|film|song|show|series|album|article|column|op-ed)\s*[:,]?\s*$/i;
const SCARE_CUE = /\b(?:so-called|called|dubbed|termed|known as|wording|word|term|phrase|label|labelled|labeled)\s*[:,]?\s*$/i;

/** Title, scare quote or speech: a naming cue decides first, then an attribution, then length. */
function classify(text: string, stretch: QuotedStretch, before: Span, attributed: boolean): QuoteKind {
  const inner = text.slice(stretch.inner.start, stretch.inner.end).trim();
  const lead = text.slice(Math.max(before.start, stretch.start - 40), stretch.start);
  const words = inner.split(/\s+/).filter(w => /[\p{L}\p{N}]/u.test(w));
  if (TITLE_CUE.test(lead)) return 'title';
  const titleCase = words.length > 1 && words.length <= 6 && words.every(w => /^[\p{Lu}\p{N}]/u.test(w) || /^(of|the|a|an|and|in|on|for|to|at)$/.test(w)) && !/[.!?,]$/.test(inner);
  if (titleCase && !attributed) return 'title';
  if (SCARE_CUE.test(lead) && words.length <= 4) return 'scare';
  if (attributed || words.length >= 6 || (/[.!?]$/.test(inner) && words.length >= 3)) return 'speech';
  return 'scare';
}

/** The last cue with a speaker in the paragraph before `at`, in text outside quotes. */
function lastAttributionInParagraph(text: string, para: Span, at: number, stretches: QuotedStretch[], candidates: Candidate[]): Attribution | null {
  let result: Attribution | null = null;
  const re = /[^.!?]+[.!?]?/g;
  const slice = text.slice(para.start, at);
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const s = { start: para.start + m.index, end: para.start + m.index + m[0].length };
    if (stretches.some(q => q.start >= s.start && q.start < s.end) || s.end > at) continue;
    const found = attribute(text, s, { start: s.end, end: s.end }, candidates);
    if (found) result = found;
  }
  return result;
}
