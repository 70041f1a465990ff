import type { Mention } from '../model';
import { recogniseEntities } from './recognise';
import { recogniseWithModel } from './tagged';
import { parseModel, readModelHeader, type TaggerModel } from './tagger/model';

export { parseModel, TaggerModel } from './tagger/model';

/** The model's name for caches: its date and size, and how many openers its lexicon holds (added later, without retraining). */
const idOf = (info: Record<string, unknown>, features: number) => `tagger:${String(info.created ?? '')}:${features}${info.openers ? `:o${String(info.openers)}` : ''}`;

/** Finds the entity mentions of an article: text in, mentions out. */
export interface EntityRecogniser {
  /** A short name for caches and the hover ("tagger 2026-11-23", "rules"). */
  readonly id: string;
  recognise(text: string): Mention[];
}

/** The rule-based recogniser: word lists and capitalisation. Used when no trained model is available. */
export const ruleRecogniser: EntityRecogniser = { id: 'rules', recognise: recogniseEntities };

/** The trained tagger (src/core/ner/tagger) for names, rules for dates. */
export function modelRecogniser(model: TaggerModel): EntityRecogniser {
  return { id: idOf(model.info, model.hashes.length), recognise: text => recogniseWithModel(text, model) };
}

/**
 * The tagger from a model file, built on first use: the header names it at once (cache keys), the tables
 * are built only if this thread ever tags (where a worker does the tagging, never).
 */
export function lazyModelRecogniser(bytes: Uint8Array): EntityRecogniser {
  const header = readModelHeader(bytes);
  let model: TaggerModel | undefined;
  return { id: idOf(header.info, header.features), recognise: text => recogniseWithModel(text, (model ??= parseModel(bytes))) };
}
