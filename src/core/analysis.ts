import { findEvents, type TimeInput } from './events';
import type { ArticleAnalysis } from './model';
import { ruleRecogniser, type EntityRecogniser } from './ner';
import { findQuotes, type SpeakerModel } from './quotes';
import { contentHash } from './text/hash';
import { familyWords } from './entities/familyWords';
import { publishedKey, resolvePublished, type PublishedHints } from './dates/published';
import { withDates } from './dates/mentions';
import { sharingTokens } from './text/articleTokens';

export interface AnalysisOptions {
  /** Articles longer than this (in UTF-16 code units) are not analysed. */
  maxLength?: number;
  /** Who finds the entities: the trained tagger when its model is loaded, else the rules. */
  recogniser?: EntityRecogniser;
  /** Who chooses the speakers of quotes and how sure it is: the trained model when loaded, else the rules. */
  speakerModel?: SpeakerModel;
  /** What gives the publication date besides the text (the user's, the command line's, the file's): dates are valued against it. */
  published?: PublishedHints;
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
  const published = resolvePublished(skipped ? '' : text, options.published);
  if (skipped) return { hash, published, mentions: [], quotes: [], events: [], skipped };
  // the stages read the article's tokens made once (src/core/text/articleTokens.ts)
  return sharingTokens(text, () => {
    const mentions = withDates(text, (options.recogniser ?? ruleRecogniser).recognise(text), published);
    const quotes = findQuotes(text, mentions, options.speakerModel);
    const times: TimeInput[] = mentions.filter(m => m.type === 'DATE').map(m => ({ start: m.start, end: m.end, text: m.text, value: m.value ?? null }));
    const events = findEvents(text, mentions, times, published.value);
    return { hash, published, mentions, quotes, events, familyWords: familyWords(text) };
  });
}

/**
 * What an analysis depends on besides the text, as a key: the length limit, the recogniser and the publication
 * date the dates are valued against (the one that wins, so that a file's new date changes nothing when the text states one).
 */
export function analysisSettings(text: string, options: AnalysisOptions, hash?: string): string {
  return `${options.maxLength ?? DEFAULT_MAX_LENGTH}:${analyserId(options)}:${publishedKey(resolvePublished(text, options.published, hash))}`;
}

/** Which models analyse: the recogniser's id, and the speaker model's after a "+" when there is one. */
export function analyserId(options: Pick<AnalysisOptions, 'recogniser' | 'speakerModel'>): string {
  return `${(options.recogniser ?? ruleRecogniser).id}${options.speakerModel ? `+${options.speakerModel.id}` : ''}`;
}

/** Analyses by content hash, keeping the most recent results: re-opening or re-scanning costs nothing. */
export class AnalysisCache {
  private readonly entries = new Map<string, ArticleAnalysis>();
  constructor(private readonly capacity = 500) {}

  /** `hash`: the text's content hash, when the caller has it. */
  private key(text: string, options: AnalysisOptions, hash = contentHash(text)): string {
    return `${hash}:${analysisSettings(text, options, hash)}`;
  }

  /** Stores an analysis made elsewhere (a worker thread) for this text and these options. */
  put(text: string, options: AnalysisOptions, analysis: ArticleAnalysis): void {
    this.entries.set(this.key(text, options), analysis);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  has(text: string, options: AnalysisOptions = {}, hash?: string): boolean {
    return this.entries.has(this.key(text, options, hash));
  }

  get(text: string, options: AnalysisOptions = {}, hash?: string): ArticleAnalysis {
    const key = this.key(text, options, hash);
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
