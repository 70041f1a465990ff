/** Irregular past forms and participles of common verbs, with their base form: suffix rules cannot undo them. */
export const IRREGULAR: Record<string, string> = {
  met: 'meet', held: 'hold', shook: 'shake', shaken: 'shake', took: 'take', taken: 'take', made: 'make', came: 'come', went: 'go', gone: 'go',
  won: 'win', lost: 'lose', fought: 'fight', struck: 'strike', began: 'begin', begun: 'begin', gave: 'give', given: 'give', told: 'tell',
  said: 'say', spoke: 'speak', spoken: 'speak', ran: 'run', sent: 'send', left: 'leave', brought: 'bring', bought: 'buy', sold: 'sell',
  paid: 'pay', led: 'lead', fell: 'fall', fallen: 'fall', rose: 'rise', risen: 'rise', chose: 'choose', chosen: 'choose', broke: 'break',
  broken: 'break', flew: 'fly', flown: 'fly', drove: 'drive', driven: 'drive', saw: 'see', seen: 'see', wrote: 'write', written: 'write',
  stood: 'stand', sat: 'sit', spent: 'spend', built: 'build', threw: 'throw', thrown: 'throw', shot: 'shoot', fled: 'flee', sought: 'seek',
  caught: 'catch', taught: 'teach', thought: 'think', found: 'find', kept: 'keep', felt: 'feel', heard: 'hear', hung: 'hang', ate: 'eat',
  eaten: 'eat', swore: 'swear', sworn: 'swear', withdrew: 'withdraw', withdrawn: 'withdraw', overthrew: 'overthrow', undertook: 'undertake',
  forgave: 'forgive', bore: 'bear', born: 'bear', beat: 'beat', beaten: 'beat', bid: 'bid', cut: 'cut', hit: 'hit', hurt: 'hurt', let: 'let',
  put: 'put', quit: 'quit', set: 'set', shut: 'shut', split: 'split', spread: 'spread', upset: 'upset', was: 'be', were: 'be', been: 'be',
  had: 'have', did: 'do', done: 'do', got: 'get', gotten: 'get', knew: 'know', known: 'know', grew: 'grow', grown: 'grow', drew: 'draw', drawn: 'draw',
};

const PARTICIPLES = new Set(['shaken', 'taken', 'gone', 'begun', 'given', 'spoken', 'fallen', 'risen', 'chosen', 'broken', 'flown', 'driven', 'seen', 'written', 'thrown', 'eaten', 'sworn', 'withdrawn', 'born', 'beaten', 'been', 'done', 'gotten', 'known', 'grown', 'drawn']);

/** A verb's simple past form ("met", "visited"; not "taken"). */
export function isPastForm(form: string, lemma: string): boolean {
  return form !== lemma && (/ed$/.test(form) || (IRREGULAR[form] === lemma && !PARTICIPLES.has(form)));
}

/** A word that is an irregular verb's simple past (the tense of a clause without a regular "-ed"). */
export function isIrregularPast(word: string): boolean {
  const base = IRREGULAR[word];
  return base !== undefined && base !== word && !PARTICIPLES.has(word);
}
