// Prints the timeline of a folder of articles as the Events view has it: how many events, how many are told by
// more than one source, and each event's date, label and sources. A script to read, not a test.
// usage: npm run timeline:events -- <folder> [--mentions]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Corpus } from '../../src/core/corpus';

const args = process.argv.slice(2);
const folder = args.find(a => !a.startsWith('--'));
if (!folder || !fs.existsSync(folder)) { console.error('usage: npm run timeline:events -- <folder of articles> [--mentions]'); process.exit(2); }
const corpus = new Corpus();
for (const f of fs.readdirSync(folder).filter(f => /\.(txt|md)$/.test(f)).sort()) corpus.setArticle(path.join(folder, f), fs.readFileSync(path.join(folder, f), 'utf8'));
const { events } = corpus.resolve();
const short = (p: string) => path.basename(p).split(/[-.]/)[0];
const shared = events.filter(e => new Set(e.mentions.map(m => m.path)).size > 1);
console.log(`${events.length} events, ${shared.length} told by more than one source\n`);
for (const e of events) {
  const sources = [...new Set(e.mentions.map(m => short(m.path)))];
  console.log(`${(e.date || 'undated').padEnd(10)}  ${e.label}  [${sources.join(', ')}]${e.mentions.length > 1 ? ` ${e.mentions.length} mentions` : ''}`);
  if (args.includes('--mentions')) for (const m of e.mentions) console.log(`              ${short(m.path)}: ${m.text}`);
}
