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

/**
 * The kinds of the events a reader lists (the issue's own list), which one word or its synonym names: a summit,
 * talks and a meeting of the same people on the same day are one event. They win over the classes WordNet
 * gives the learned lexicon, which group news words by business sense ("test" with "campaign", "vote" with "move").
 */
const READER_KIND: Record<string, string> = Object.fromEntries(Object.entries({
  // with the nouns of a conversation between people (WordNet: talk, chat and dialogue are each a conversation)
  meeting: ['meeting', 'meet', 'summit', 'talks', 'talk', 'talking', 'negotiation', 'conference', 'encounter', 'conversation', 'chat', 'dialogue'],
  dinner: ['dinner', 'banquet', 'lunch', 'luncheon', 'breakfast', 'reception'],
  handshake: ['handshake'],
  visit: ['visit', 'trip', 'tour'],
  test: ['test'],
  launch: ['launch'],
  statement: ['statement', 'announcement', 'declaration'],
  signing: ['sign', 'signing'],
  vote: ['vote', 'election', 'ballot', 'referendum'],
  strike: ['strike'],
  arrest: ['arrest'],
}).flatMap(([kind, words]) => words.map(w => [w, kind])));

const READER_KINDS = new Set(Object.values(READER_KIND));

/** Whether a kind is one of the events of the issue's own list (a meeting, a dinner, a test, a vote…). */
export function isReaderKind(kind: string): boolean {
  return READER_KINDS.has(kind);
}

/** The learned trigger lexicon (src/core/events/triggerLexicon.ts, made by `npm run train:events`), read once. */
export function triggerLexicon(): ReadonlyMap<string, TriggerEntry> {
  if (forms) return forms;
  const nouns = EVENT_NOUNS.split('|').map(x => x.split('>'));
  const kindOf = (i: number) => (nouns[i][1] ? nouns[Number(nouns[i][1])][0] : nouns[i][0]);
  forms = new Map();
  for (const row of TRIGGER_FORMS.split('|')) {
    const [form, code] = row.split(' ');
    const i = parseInt(code, 10);
    forms.set(form, { noun: nouns[i][0], kind: READER_KIND[nouns[i][0]] ?? kindOf(i), verb: /[vp]$/.test(code), past: code.endsWith('p') });
  }
  return forms;
}

/** The kind a noun belongs to (for a user's event named by a word the lexicon knows), else the noun itself. */
export function kindOfWord(word: string): string {
  return triggerLexicon().get(word.toLowerCase())?.kind ?? word.toLowerCase();
}
