import type { ArticleAnalysis, DatedSentence } from './model';
import { ruleRecogniser, type EntityRecogniser } from './ner';
import { findQuotes } from './quotes';
import { contentHash } from './text/hash';
import { paragraphs, sentences } from './text/sentences';
import { isHeadline } from './ner/recognise';
import { familyWords } from './entities/familyWords';
import { publishedKey, resolvePublished, type PublishedHints } from './dates/published';
import { withDates } from './dates/mentions';

export interface AnalysisOptions {
  /** Articles longer than this (in UTF-16 code units) are not analysed. */
  maxLength?: number;
  /** Who finds the entities: the trained tagger when its model is loaded, else the rules. */
  recogniser?: EntityRecogniser;
  /** What gives the publication date besides the text (the user's, the command line's, the file's): dates are valued against it. */
  published?: PublishedHints;
}

/** A calendar date at day, month or year precision: what dates a sentence (weeks, quarters and *_REF do not, yet). */
const CALENDAR_DATE = /^\d{4}(?:-\d\d){0,2}$/;

export const DEFAULT_MAX_LENGTH = 2 * 1024 * 1024;

/** The reason given for a text with NUL characters near its start. */
export const BINARY_FILE = 'a binary file';

/** Why an article is not analysed ("larger than 2048 KB", or BINARY_FILE), or undefined when it is fine. */
export function skipReason(text: string, maxLength = DEFAULT_MAX_LENGTH): string | undefined {
  if (text.length > maxLength) return `larger than ${Math.round(maxLength / 1024)} KB`;
  if (text.slice(0, 8192).includes('\u0000')) return BINARY_FILE;
  return undefined;
}

/** Entities, quotations and dated sentences of one article. Pure: the same text always gives the same result. */
export function analyseArticle(text: string, options: AnalysisOptions = {}): ArticleAnalysis {
  const hash = contentHash(text);
  const skipped = skipReason(text, options.maxLength);
  const published = resolvePublished(skipped ? '' : text, options.published);
  if (skipped) return { hash, published, mentions: [], quotes: [], datedSentences: [], skipped };
  const mentions = withDates(text, (options.recogniser ?? ruleRecogniser).recognise(text), published);
  const quotes = findQuotes(text, mentions);
  const datedSentences: DatedSentence[] = [];
  const dates = mentions.filter(m => m.type === 'DATE' && m.value && CALENDAR_DATE.test(m.value));
  // list items of links and headlines ("- The Best Inventions of 2024") date no event
  const lists = paragraphs(text).filter(p => /^[-*•–]\s/.test(text.slice(p.start, p.end)) || isHeadline(text.slice(p.start, p.end)));
  // sentences and paragraphs are in order and paragraphs do not overlap: the last list paragraph starting at or
  // before a sentence is the only one that can hold it (one pass, not sentences × lists)
  let l = 0;
  const inList = (s: { start: number; end: number }) => {
    while (l + 1 < lists.length && lists[l + 1].start <= s.start) l++;
    return l < lists.length && lists[l].start <= s.start && s.end <= lists[l].end;
  };
  let k = 0;
  for (const s of sentences(text)) {
    while (k < dates.length && dates[k].start < s.start) k++;
    const d = k < dates.length && dates[k].end <= s.end ? dates[k] : undefined;
    if (d && !inList(s) && !/^\s*\W*\s*copyright\b|©/i.test(text.slice(s.start, s.end).replace(/^\[/, ''))) datedSentences.push({ start: s.start, end: s.end, text: text.slice(s.start, s.end), date: d.value!, dateMention: { start: d.start, end: d.end } });
  }
  return { hash, published, mentions, quotes, datedSentences, familyWords: familyWords(text) };
}

/**
 * What an analysis depends on besides the text, as a key: the length limit, the recogniser and the publication
 * date the dates are valued against (the one that wins, so that a file's new date changes nothing when the text states one).
 */
export function analysisSettings(text: string, options: AnalysisOptions): string {
  return `${options.maxLength ?? DEFAULT_MAX_LENGTH}:${(options.recogniser ?? ruleRecogniser).id}:${publishedKey(resolvePublished(text, options.published))}`;
}

/** Analyses by content hash, keeping the most recent results: re-opening or re-scanning costs nothing. */
export class AnalysisCache {
  private readonly entries = new Map<string, ArticleAnalysis>();
  constructor(private readonly capacity = 500) {}

  private key(text: string, options: AnalysisOptions): string {
    return `${contentHash(text)}:${analysisSettings(text, options)}`;
  }

  /** Stores an analysis made elsewhere (a worker thread) for this text and these options. */
  put(text: string, options: AnalysisOptions, analysis: ArticleAnalysis): void {
    this.entries.set(this.key(text, options), analysis);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  has(text: string, options: AnalysisOptions = {}): boolean {
    return this.entries.has(this.key(text, options));
  }

  get(text: string, options: AnalysisOptions = {}): ArticleAnalysis {
    const key = this.key(text, options);
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const result = analyseArticle(text, options);
    this.entries.set(key, result);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return result;
  }
}
