import type { Mention } from '../model';
import { recogniseEntities } from './recognise';
import { recogniseWithModel } from './tagged';
import type { TaggerModel } from './tagger/model';

export { parseModel, TaggerModel } from './tagger/model';

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
  return { id: `tagger:${String(model.info.created ?? '')}:${model.hashes.length}`, recognise: text => recogniseWithModel(text, model) };
}
