import * as fs from 'node:fs';
import { findTriggers } from '../../src/core/events/extract';
import { findEvents } from '../../src/core/events';
import { normaliseDates } from '../../src/core/dates';
import { ruleRecogniser } from '../../src/core/ner';
console.log(findTriggers('shook hands handshaking testimony chat dialogue').map(t => `${t.text}:${t.entry.noun}/${t.entry.kind}`));
const text = fs.readFileSync(process.argv[2], 'utf8');
for (const e of findEvents(text, ruleRecogniser.recognise(text), normaliseDates(text, '2019-02-27'), '2019-02-27')) console.log(`${e.text.padEnd(14)} ${String(e.date).padEnd(10)} ${e.dated ?? ''} [${e.participants.map(p => p.text).join(', ')}] @${e.place?.text ?? ''} ${e.ordinal ?? ''} ${e.modifier ?? ''}`);
