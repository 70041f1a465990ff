import type { Candidate } from './extract';
import { isReaderKind } from './lexicon';

/*
 * Which found triggers a reader would list in a timeline. An event of the kinds a reader lists (a meeting, a
 * dinner, a test, a vote: the issue's own list) is kept when it names someone taking part, its place or a date
 * of its own. Any other trigger — the many nouns and verbs TimeBank tags as occurrences ("the walk", "build on",
 * "flashes") — is kept only as the rule below says: which dates, whether it must name someone or somewhere, and
 * whether verbs, nouns or both. The rule is chosen by cross-validation on TimeBank's tuning part against the
 * events its annotators place in time (`npm run select:events -- --data ../shared/data/timebank`).
 */

export interface KeepRule {
  /** Where the date of a trigger outside the reader kinds must come from. */
  dated: readonly ('clause' | 'sentence' | 'reference' | 'none')[];
  /** A participant or its place named: enough alone ('or'), needed as well as the date ('and'), or not looked at ('no'). */
  actor: 'or' | 'and' | 'no';
  /** The parts of speech kept. */
  pos: 'verb' | 'noun' | 'both';
}

/** The rule `npm run select:events` chose. */
export const KEEP: KeepRule = { dated: ['clause', 'sentence'], actor: 'no', pos: 'both' };

/** The rule for the reader kinds (and, before rules were chosen, for every trigger): someone, somewhere or a date of its own. */
export const READER_RULE: KeepRule = { dated: ['clause', 'sentence'], actor: 'or', pos: 'both' };

export function reportable(c: Candidate, rule: KeepRule = KEEP): boolean {
  return keeps(isReaderKind(c.kind) ? READER_RULE : rule, c);
}

/**
 * Whether a trigger of this kind may be kept with no date of its own (a reader kind, or a rule that keeps
 * reference-dated, undated or named ones): when not, one without a time expression in its sentence is dropped
 * before its parts are looked for.
 */
export function keptWithoutDate(kind: string, rule: KeepRule = KEEP): boolean {
  return isReaderKind(kind) || rule.actor === 'or' || rule.dated.includes('reference') || rule.dated.includes('none');
}

function keeps(rule: KeepRule, c: Candidate): boolean {
  if (rule.pos !== 'both' && (rule.pos === 'verb') !== c.verb) return false;
  const dated = rule.dated.includes(c.dated ?? 'none'), actor = c.participants.length > 0 || c.place !== undefined;
  return rule.actor === 'or' ? dated || actor : rule.actor === 'and' ? dated && actor : dated;
}
