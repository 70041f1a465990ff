/* What an utterance is: the same words of one speaker, quoted by one or more articles (grouped in utterances.ts). */

/** One speech quote of one article, as an utterance lists it. */
export interface QuoteRef {
  path: string;
  /** Index into the article's `quotes`. */
  index: number;
  start: number;
  end: number;
  text: string;
  speakerId?: string;
  speakerName?: string;
}

/** The same words of one speaker as quoted by one or more articles, in full, in part or in another rendering. */
export interface Utterance {
  id: string;
  speakerId?: string;
  speakerName?: string;
  /** The longest version quoted. */
  text: string;
  /** Sorted by path, then start. */
  quotes: QuoteRef[];
  /** The articles quoting it, sorted: how many sources carry it. */
  sources: string[];
}
