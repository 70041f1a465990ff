import { findEvents, type TimeInput } from './events';
import type { FoundEvent } from './events';
import type { ArticleAnalysis, Mention } from './model';
import { ruleRecogniser, type EntityRecogniser } from './ner';
import { findQuotes } from './quotes';
import { contentHash } from './text/hash';
import { findDates, referenceDate } from './ner/dates';

export interface AnalysisOptions {
  /** Articles longer than this (in UTF-16 code units) are not analysed. */
  maxLength?: number;
  /** Who finds the entities: the trained tagger when its model is loaded, else the rules. */
  recogniser?: EntityRecogniser;
}

export const DEFAULT_MAX_LENGTH = 2 * 1024 * 1024;

/** The reason given for a text with NUL characters near its start. */
export const BINARY_FILE = 'a binary file';

/** Why an article is not analysed ("larger than 2048 KB", or BINARY_FILE), or undefined when it is fine. */
export function skipReason(text: string, maxLength = DEFAULT_MAX_LENGTH): string | undefined {
  if (text.length > maxLength) return `larger than ${Math.round(maxLength / 1024)} KB`;
  if (text.slice(0, 8192).includes('\u0000')) return BINARY_FILE;
  return undefined;
}

/** Entities, quotations and events of one article. Pure: the same text always gives the same result. */
export function analyseArticle(text: string, options: AnalysisOptions = {}): ArticleAnalysis {
  const hash = contentHash(text);
  const skipped = skipReason(text, options.maxLength);
  if (skipped) return { hash, mentions: [], quotes: [], events: [], skipped };
  const mentions = (options.recogniser ?? ruleRecogniser).recognise(text);
  const quotes = findQuotes(text, mentions);
  const events = articleEvents(text, mentions);
  return { hash, mentions, quotes, events };
}

/**
 * The article's events, dated from its DATE mentions' values (their normalised `value` where given, else the
 * ISO `date` the recogniser pinned down) against the article's reference date: the first full date it writes.
 */
function articleEvents(text: string, mentions: Mention[]): FoundEvent[] {
  const ref = referenceDate(findDates(text));
  const reference = ref ? `${ref.year}-${String(ref.month).padStart(2, '0')}-${String(ref.day).padStart(2, '0')}` : null;
  const times: TimeInput[] = mentions.filter(m => m.type === 'DATE').map(m => ({ start: m.start, end: m.end, text: m.text, value: (m as { value?: string | null }).value ?? m.date ?? null }));
  return findEvents(text, mentions, times, reference);
}

/** Analyses by content hash, keeping the most recent results: re-opening or re-scanning costs nothing. */
export class AnalysisCache {
  private readonly entries = new Map<string, ArticleAnalysis>();
  constructor(private readonly capacity = 500) {}

  private key(text: string, options: AnalysisOptions): string {
    return `${contentHash(text)}:${options.maxLength ?? DEFAULT_MAX_LENGTH}:${(options.recogniser ?? ruleRecogniser).id}`;
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
