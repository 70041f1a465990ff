import { EVENT_NOUNS, TRIGGER_FORMS } from './triggerLexicon';

/** What the lexicon says of a word form that can trigger an event. */
export interface TriggerEntry {
  /** The noun a reader writes for it: "meeting" for "met", "visit" for "visits". */
  noun: string;
  /** Its synonym class (the head noun of the class): summit, meeting and conference are all "meeting". */
  kind: string;
  /** A verb form; `past` a verb's simple past ("met", "visited"). */
  verb: boolean;
  past: boolean;
}

let forms: Map<string, TriggerEntry> | undefined;

/** The learned trigger lexicon (src/core/events/triggerLexicon.ts, made by `npm run train:events`), read once. */
export function triggerLexicon(): ReadonlyMap<string, TriggerEntry> {
  if (forms) return forms;
  const nouns = EVENT_NOUNS.split('|').map(x => x.split('>'));
  const kindOf = (i: number) => (nouns[i][1] ? nouns[Number(nouns[i][1])][0] : nouns[i][0]);
  forms = new Map();
  for (const row of TRIGGER_FORMS.split('|')) {
    const [form, code] = row.split(' ');
    const i = parseInt(code, 10);
    forms.set(form, { noun: nouns[i][0], kind: kindOf(i), verb: /[vp]$/.test(code), past: code.endsWith('p') });
  }
  return forms;
}

/** The kind a noun belongs to (for a user's event named by a word the lexicon knows), else the noun itself. */
export function kindOfWord(word: string): string {
  return triggerLexicon().get(word.toLowerCase())?.kind ?? word.toLowerCase();
}
