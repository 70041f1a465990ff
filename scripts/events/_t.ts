import { findEvents } from '../../src/core/events';
import { normaliseDates } from '../../src/core/dates';
import { ruleRecogniser } from '../../src/core/ner';
for (const text of process.argv.slice(2)) {
  console.log(ruleRecogniser.recognise(text).map(m => `${m.text}/${m.type}`).join(' '));
  for (const e of findEvents(text, ruleRecogniser.recognise(text), normaliseDates(text, '2019-03-04'), '2019-03-04')) console.log(`  ${e.text.padEnd(14)} ${String(e.date).padEnd(10)} ${e.dated ?? ''} [${e.participants.map(p => p.text).join(', ')}] @${e.place?.text ?? ''} ${e.ordinal ?? ''} ${e.modifier ?? ''}`);
}
