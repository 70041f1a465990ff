import { triggerLexicon } from '../../src/core/events/lexicon';
const lex = triggerLexicon();
const nounForms = new Set([...lex].filter(([, e]) => !e.verb).map(([f]) => f));
for (const w of ['take', 'took', 'make', 'made', 'came', 'come', 'set', 'look', 'add', 'move', 'express', 'push', 'joined', 'making', 'following', 'met', 'meets', 'visited', 'launched', 'signed', 'announced', 'arrested', 'shook', 'held', 'said', 'creating', 'providing', 'isolating', 'happening', 'emphasizing', 'opening', 'welcome', 'discuss', 'tested', 'voted', 'elected', 'struck', 'ruling', 'writing']) {
  const e = lex.get(w); console.log(w.padEnd(12), e ? `${e.noun.padEnd(14)} ${e.verb ? (e.past ? 'past' : 'verb') : 'noun'} ${nounForms.has(e.noun) ? 'noun-is-trigger' : ''}` : '-');
}
console.log([...lex].filter(([, e]) => e.verb).length, 'verb forms;', [...lex].filter(([, e]) => e.verb && !nounForms.has(e.noun)).length, 'without a trigger noun');
