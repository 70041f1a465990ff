// Scores the event-trigger finder against TimeBank's EVENT tags, on the tuning part (what the lexicon was
// learned from: an optimistic figure), the held-out part (never seen by train:events) and all:
// - "reader events": the gold the lexicon is trained for — EVENTs of class OCCURRENCE and REPORTING nouns;
// - "all EVENTs": every TimeML class, states and reporting verbs included (for comparison only);
// - the extractor (findEvents: entity mentions from the rules, dates from normaliseDates against the DCT),
//   which keeps the triggers a reader would list (src/core/events/reportable.ts): precision and recall of what it
//   keeps, against the reader events and against the "timeline events" (factual reader events TimeBank's
//   annotators place in time, on which npm run select:events chooses the keep rule).
// A found trigger is right when it overlaps a gold EVENT. Per class, the recall of the reader events.
// usage: npm run eval:events -- --data ../shared/data/timebank [--errors 30]
import * as fs from 'node:fs';
import { normaliseDates } from '../../src/core/dates';
import { findEvents } from '../../src/core/events';
import { findTriggers } from '../../src/core/events/extract';
import { ruleRecogniser } from '../../src/core/ner';
import { part, readTimebank } from '../dates/timeml';
import { readerEvent, timelineEvent } from './tokens';

const a = process.argv.slice(2);
const get = (name: string) => { const i = a.indexOf(`--${name}`); return i >= 0 ? a[i + 1] : undefined; };
const data = get('data');
if (!data || !fs.existsSync(data)) { console.error('eval:events: give a TimeML folder: npm run eval:events -- --data ../shared/data/timebank'); process.exit(2); }
const showErrors = Number(get('errors') ?? 0);

type Span = { start: number; end: number };
const overlaps = (x: Span, y: Span) => x.start < y.end && y.start < x.end;
interface Score { found: number; right: number; gold: number; recalled: number }
const zero = (): Score => ({ found: 0, right: 0, gold: 0, recalled: 0 });
function count(s: Score, found: Span[], gold: Span[]): void {
  s.found += found.length; s.gold += gold.length;
  s.right += found.filter(f => gold.some(g => overlaps(f, g))).length;
  s.recalled += gold.filter(g => found.some(f => overlaps(f, g))).length;
}
const fmt = (s: Score) => {
  const p = s.found ? s.right / s.found : 0, r = s.gold ? s.recalled / s.gold : 0;
  return `F1 ${(p + r ? (200 * p * r) / (p + r) : 0).toFixed(1).padStart(5)} (P ${(100 * p).toFixed(1)}, R ${(100 * r).toFixed(1)}; ${s.gold} gold, ${s.found} found)`;
};

const docs = readTimebank(data);
const errors: string[] = [];
const byClass = new Map<string, [number, number]>();
console.log(`${data}: ${docs.length} documents`);
for (const name of ['tuning', 'held-out', 'all'] as const) {
  const reader = zero(), all = zero(), extractor = zero(), timeline = zero();
  for (const d of docs.filter(x => name === 'all' || part(x.name) === name)) {
    const triggers = findTriggers(d.text);
    const gold = d.events.filter(readerEvent);
    count(reader, triggers, gold);
    count(all, triggers, d.events);
    const mentions = ruleRecogniser.recognise(d.text);
    const found = findEvents(d.text, mentions, normaliseDates(d.text, d.created), d.created);
    count(extractor, found, gold);
    count(timeline, found, d.events.filter(timelineEvent));
    if (name !== 'held-out') continue;
    for (const g of d.events) {
      const v = byClass.get(`${g.eventClass}${g.eventClass === 'REPORTING' ? (g.pos === 'NOUN' ? ' noun' : ' verb') : ''}`) ?? [0, 0];
      v[0] += triggers.some(t => overlaps(t, g)) ? 1 : 0; v[1]++;
      byClass.set(`${g.eventClass}${g.eventClass === 'REPORTING' ? (g.pos === 'NOUN' ? ' noun' : ' verb') : ''}`, v);
    }
    for (const t of triggers) if (errors.length < showErrors && !gold.some(g => overlaps(t, g))) errors.push(`NOT AN EVENT ${d.name}: “${t.text}” ${context(d.text, t)}`);
    for (const g of gold) if (errors.length < showErrors && !triggers.some(t => overlaps(t, g))) errors.push(`MISSED       ${d.name}: “${g.text}” (${g.eventClass}) ${context(d.text, g)}`);
  }
  console.log(`\n${name}\n  trigger finder, reader events  ${fmt(reader)}\n  trigger finder, all EVENTs     ${fmt(all)}\n  extractor, reader events       ${fmt(extractor)}\n  extractor, timeline events     ${fmt(timeline)}`);
}
console.log('\nheld-out, share of each class the trigger finder finds:');
for (const [c, [found, n]] of [...byClass].sort()) console.log(`  ${c.padEnd(16)} ${(100 * found / n).toFixed(1).padStart(5)} % of ${n}`);
function context(text: string, s: Span): string {
  return `…${text.slice(Math.max(0, s.start - 50), s.start)}⟦${text.slice(s.start, s.end)}⟧${text.slice(s.end, s.end + 40)}`.replace(/\s+/g, ' ');
}
