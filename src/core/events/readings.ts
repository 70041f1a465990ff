import type { Span } from '../text/span';
import type { Token } from '../text/tokens';

/*
 * Whether a trigger word, in the reading its sentence gives it, tells an event that happened or is scheduled.
 * The lexicon knows words, not readings: "concrete" is an event noun (the pouring of concrete) but not in
 * "concrete ways"; "conduct tests" is no event when "North Korea would not conduct tests"; "struck" is a
 * strike, but not in "struck an upbeat note". Each rule here looks at the words around the trigger only.
 */

const NEGATION = new Set(['not', 'never', 'no', 'nor', 'without']);
const isNegation = (w: string) => NEGATION.has(w) || /n['’]t$/.test(w);
/** Modals that make a verb a possibility, not a fact or a plan ("will" and "going to" plan it: a scheduled event stays). */
const MODAL = new Set(['would', 'could', 'might', 'may', 'should', 'must', 'can', "'d"]);
/** Words a clause's verb group is made of between a negation and its verb ("did not even meet", "has never been tested"). */
const VERB_GROUP = new Set(['be', 'been', 'being', 'have', 'has', 'had', 'even', 'yet', 'ever', 'also', 'to', 'again', 'fully', 'formally', 'publicly']);

/**
 * Negated ("did not meet", "would not conduct tests", "no summit"), or — for a trigger outside the reader
 * kinds — told as a mere possibility ("the stock would be redeemed"): not an event a timeline lists. A noun
 * is negated by "no" before it, or by a negated verb governing it when the noun is indefinite ("not conduct
 * tests"; "not attending the debate" leaves the debate held).
 */
export function isCounterfactual(before: readonly Token[], verb: boolean, readerKind: boolean, form = ''): boolean {
  const words = before.map(t => t.text.toLowerCase());
  // a form in "-s" is a plural noun as well as a verb: "would not conduct tests"
  return verb ? verbNegated(words, words.length - 1, readerKind) || (/s$/.test(form) && nounNegated(words, readerKind)) : nounNegated(words, readerKind);
}

function nounNegated(words: string[], readerKind: boolean): boolean {
  let i = words.length - 1;
  // the noun's own phrase: "no summit", "no new tests"; then the verb that governs it: "not conduct tests", "didn't hold talks"
  for (let k = i; k >= Math.max(0, i - 2); k--) if (words[k] === 'no' || words[k] === 'without') return true;
  for (; i >= 0 && DETERMINER.has(words[i]); i--) if (DEFINITE.has(words[i])) return false; // "will not be attending the debate": the debate is still held
  return verbNegated(words, i - 1, readerKind);
}

function verbNegated(words: string[], i: number, readerKind: boolean): boolean {
  while (i >= 0 && VERB_GROUP.has(words[i])) i--;
  return i >= 0 && (isNegation(words[i]) || (!readerKind && MODAL.has(words[i])));
}

/** A definite noun phrase presupposes its event: a negated verb governing it does not deny it. */
const DEFINITE = new Set(['the', 'its', 'their', 'his', 'her']);
const DETERMINER = new Set(['a', 'an', 'the', 'any', 'its', 'their', 'his', 'her', 'new', 'more', 'further']);

/**
 * A noun trigger written bare (no determiner or possessive opens its phrase) and followed by a plural noun is
 * that noun's modifier — an adjective or a noun used as one ("discuss concrete ways", "loan loss reserves",
 * "buy orders") — and names no event of its own.
 */
export function isModifierOfNextNoun(before: readonly Token[], after: readonly Token[], verb: boolean, determined: boolean): boolean {
  if (verb || determined) return false;
  const next = after[0]?.text ?? '';
  if (!/^[a-z]+s$/.test(next) || /(?:ss|us|is)$/.test(next) || FUNCTION_AFTER.has(next)) return false;
  const previous = before[before.length - 1]?.text ?? '';
  return /^[a-z-]+$/.test(previous);
}

/** Words ending in "s" after a noun that are not nouns themselves ("the summit was", "the test is"). */
const FUNCTION_AFTER = new Set(['was', 'is', 'has', 'does', 'as', 'its', 'this', 'thus', 'plus', 'perhaps', 'always', 'towards', 'afterwards', 'besides', 'unless', 'whereas', 'sometimes']);

/**
 * Whether a date from elsewhere in the sentence can be this trigger's: a trigger told in the future ("will",
 * "shall", not a reported "would") cannot have happened on a date before the reference date ("The meeting will
 * build on the declaration agreed in June" is no meeting of June).
 */
export function tenseAllowsDate(before: readonly Token[], after: readonly Token[], date: string, reference: string | null): boolean {
  if (!reference || !/^\d{4}/.test(date)) return true;
  // the auxiliary before a verb ("will build"), or after a noun that is the subject ("the meeting will")
  const future = [...before.slice(-3), ...after.slice(0, 2)].some(t => WILL.has(t.text.toLowerCase().replace('’', "'")));
  return !(future && date < reference.slice(0, date.length));
}

const WILL = new Set(['will', "'ll", 'shall']);

/** Verbs that report what someone said: a time written right after one ("said Wednesday", "asked Friday if …") dates the saying. */
const REPORTING = new Set(['said', 'says', 'say', 'told', 'tells', 'asked', 'asks', 'added', 'adds', 'stated', 'states', 'reported', 'reports', 'explained', 'insisted', 'noted', 'confirmed', 'denied', 'replied', 'wrote']);
const TIME_OPENERS = new Set(['on', 'last', 'this', 'late', 'early']);

/** A time expression that dates a reporting verb just before it ("When asked Wednesday if he'd walked back …"), not the events it reports. */
export function datesTheReport(tokensBefore: readonly Token[]): boolean {
  let i = tokensBefore.length - 1;
  if (i >= 0 && TIME_OPENERS.has(tokensBefore[i].text.toLowerCase())) i--;
  return i >= 0 && REPORTING.has(tokensBefore[i].text.toLowerCase());
}

/**
 * Kinds whose verb is an event only without a common-noun object: workers strike, planes strike a city; but one
 * "strikes a note", "a deal", "a balance" — the object carries the meaning (an idiom, or a support verb whose
 * event is the object's), and it is no strike. A name after the verb (a place, an organisation) is a target.
 */
const WITHOUT_OBJECT = new Set(['strike']);
const OBJECT_ENDS = new Set(['in', 'at', 'on', 'to', 'for', 'with', 'by', 'from', 'over', 'after', 'before', 'during', 'and', 'or', 'as', 'that', 'which']);
const ARTICLE = new Set(['a', 'an', 'the', 'another', 'some', 'its', 'their', 'his', 'her']);

export function isIdiomaticUse(kind: string, verb: boolean, after: readonly Token[], named: readonly Span[]): boolean {
  if (!verb || !WITHOUT_OBJECT.has(kind)) return false;
  const first = after[0];
  if (!first || !ARTICLE.has(first.text.toLowerCase())) return false;
  // the object's words up to the first preposition: a name among them makes it a target ("struck the Syrian city of Homs")
  const phrase: Token[] = [];
  for (const t of after.slice(1)) { if (!/^[\p{L}-]+$/u.test(t.text) || (t.text !== 'of' && OBJECT_ENDS.has(t.text))) break; phrase.push(t); }
  return !phrase.some(t => named.some(n => n.start < t.end && t.start < n.end));
}
