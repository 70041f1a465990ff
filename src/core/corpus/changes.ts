// What a resolve of the corpus changed (src/core/corpus/index.ts), and a resolve done a step at a time.
import type { CorpusView } from './types';

/** What one resolve changed: what views and highlights need to redraw, and nothing more. */
export interface CorpusChanges {
  /** Articles whose resolved view changed (text, mentions, quotes, speakers, annotations), added or removed. */
  articles: ReadonlySet<string>;
  /** Entities whose name changed or that are gone. */
  entities: ReadonlySet<string>;
  /** Entities whose name, forms, titles or mention counts changed (the renamed ones included). */
  touched: ReadonlySet<string>;
  /** Whether the list of events changed. */
  events: boolean;
}

/** A resolve done a step at a time (Corpus.resolveInSteps). */
export interface ResolveJob {
  /** Works until `stop` (asked between steps) says to pause, or the resolve is done: then the resolved corpus. */
  run(stop: () => boolean): CorpusView | undefined;
}

export const NO_CHANGES: CorpusChanges = { articles: new Set(), entities: new Set(), touched: new Set(), events: false };

/** A resolve's changes with those carried from an earlier one no one reported. */
export function withCarried(changes: CorpusChanges, carried: CorpusChanges | undefined): CorpusChanges {
  if (!carried) return changes;
  const union = <T>(a: ReadonlySet<T>, b: ReadonlySet<T>) => new Set([...a, ...b]);
  return { articles: union(carried.articles, changes.articles), entities: union(carried.entities, changes.entities), touched: union(carried.touched, changes.touched), events: carried.events || changes.events };
}
