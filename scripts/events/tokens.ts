// TimeBank's words as the trigger finder sees them (src/core/events/words.ts), each marked whether it is a
// reader's event in the gold: an EVENT of class OCCURRENCE, or a REPORTING event written as a noun.
import { candidateWords } from '../../src/core/events/words';
import type { GoldEvent, TimemlDocument } from '../dates/timeml';

export interface LabelledToken { form: string; start: number; end: number; event: boolean }

export const readerEvent = (e: GoldEvent) => e.eventClass === 'OCCURRENCE' || (e.eventClass === 'REPORTING' && e.pos === 'NOUN');

/** A timeline's event: a reader event that is factual (positive, no modality) and that the annotators place in time (a TLINK to a date, a time or the DCT). */
export const timelineEvent = (e: GoldEvent) => readerEvent(e) && e.polarity !== 'NEG' && !e.modality && !!e.times?.length;

export function trainingTokens(doc: TimemlDocument): LabelledToken[] {
  const gold = doc.events.filter(readerEvent);
  return candidateWords(doc.text).map(w => ({ form: w.form, start: w.start, end: w.end, event: gold.some(g => g.start < w.end && w.start < g.end) }));
}
