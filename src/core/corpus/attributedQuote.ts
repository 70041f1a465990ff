import type { Cue, Quote, QuoteKind } from '../model';
import type { Span } from '../text/span';
import type { ResolvedQuote, ResolvedSpeaker } from './types';

/**
 * A quote as corpus-wide resolution leaves it: the article's quote (never changed) with its speaker as the
 * corpus names them. Like `ResolvedMention`, it reads every other field through instead of copying each.
 *
 * Read it as a `ResolvedQuote`. Its fields are getters, not own properties: a spread or `Object.keys` sees only
 * `of` and `speaker`, so code that copies one names the fields it copies.
 */
export class AttributedQuote implements ResolvedQuote {
  constructor(readonly of: Quote, readonly speaker: ResolvedSpeaker | null) {}

  get start(): number { return this.of.start; }
  get end(): number { return this.of.end; }
  get inner(): Span { return this.of.inner; }
  get text(): string { return this.of.text; }
  get kind(): QuoteKind { return this.of.kind; }
  get cue(): Cue | null { return this.of.cue; }
  get how(): string | undefined { return this.of.how; }
  get continues(): number | undefined { return this.of.continues; }
  get confidence(): number { return this.of.confidence; }
  get origin(): 'model' | 'user' { return this.of.origin; }
  get annotationId(): string | undefined { return this.of.annotationId; }
}
