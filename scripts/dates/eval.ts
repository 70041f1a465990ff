// Evaluates date normalisation on TimeML news (TimeBank): chrono-node alone against our layer, on a tuning
// part (about two thirds of the documents, the only part rules were developed on), a held-out part (the
// rest, chosen by a hash of the file name) and all. Scores, against the gold TIMEX3s of type DATE:
// - span: a found expression is right when it overlaps a gold DATE; one that overlaps only a gold TIME,
//   DURATION or SET is left out of the count (a time expression, but not a date); any other is wrong.
//   A gold DATE is recalled when some found expression overlaps it.
// - value: a found expression with a value is right when it overlaps a gold DATE with the same value
//   (trailing `-XX` parts dropped: `1968-XX` = `1968`); a gold DATE is recalled when such an expression
//   overlaps it. Found expressions without a value (null) are not counted as answers.
// The analysis line scores the DATE mentions the extension and the CLI give (the rules recogniser's names win
// over overlapping dates; the publication date is looked for in the text first).
// usage: npm run eval:dates -- --data ../shared/data/timebank [--errors 40] [--part tuning|held-out]
import * as fs from 'node:fs';
import { normaliseDates } from '../../src/core/dates';
import { analyseArticle } from '../../src/core/analysis';
import { chronoDates } from '../../src/core/dates/chrono';
import { toDay } from '../../src/core/dates/calendar';
import { part, readTimebank, type GoldTimex, type TimemlDocument } from './timeml';

const a = process.argv.slice(2);
const get = (name: string) => { const i = a.indexOf(`--${name}`); return i >= 0 ? a[i + 1] : undefined; };
const data = get('data');
if (!data || !fs.existsSync(data)) { console.error('eval:dates: give a TimeML folder: npm run eval:dates -- --data ../shared/data/timebank'); process.exit(2); }
const showErrors = Number(get('errors') ?? 0);
const errorPart = get('part') ?? 'tuning';

interface Found { start: number; end: number; text: string; value: string | null }
type System = (text: string, created: string) => Found[];
const systems: [string, System][] = [
  ['chrono-node alone', (text, created) => chronoDates(text, toDay(created)!)],
  ['ours', (text, created) => normaliseDates(text, created)],
  // what the extension and the CLI show: DATE mentions of the analysis (names win over dates; the publication
  // date found in the text, else the document's creation time given as --published would give it)
  ['the analysis (DATE mentions, DCT as --published)', (text, created) => analyseArticle(text, { published: { option: created } }).mentions
    .filter(m => m.type === 'DATE').map(m => ({ start: m.start, end: m.end, text: m.text, value: m.value ?? null }))],
];

const overlaps = (x: { start: number; end: number }, y: { start: number; end: number }) => Math.min(x.end, y.end) > Math.max(x.start, y.start);
const canonical = (v: string) => v.toUpperCase().replace(/(-XX)+$/, '');

interface Counts { found: number; spanRight: number; gold: number; spanRecalled: number; valued: number; valueRight: number; valueRecalled: number; ignored: number }
const zero = (): Counts => ({ found: 0, spanRight: 0, gold: 0, spanRecalled: 0, valued: 0, valueRight: 0, valueRecalled: 0, ignored: 0 });
const errors: string[] = [];

function score(doc: TimemlDocument, found: Found[], c: Counts, collect: boolean): void {
  const dates = doc.timexes.filter(t => t.type === 'DATE');
  const others = doc.timexes.filter(t => t.type !== 'DATE');
  const sameValue = (f: Found, g: GoldTimex) => f.value != null && canonical(f.value) === canonical(g.value);
  for (const f of found) {
    const golds = dates.filter(g => overlaps(f, g));
    if (!golds.length && others.some(g => overlaps(f, g))) { c.ignored++; continue; }
    c.found++;
    if (golds.length) c.spanRight++;
    if (f.value != null) { c.valued++; if (golds.some(g => sameValue(f, g))) c.valueRight++; }
    if (collect && errors.length < showErrors && (!golds.length || (f.value != null && !golds.some(g => sameValue(f, g)))))
      errors.push(`${golds.length ? 'WRONG VALUE' : 'NOT A DATE '} ${doc.name} (${doc.created}): “${f.text}” → ${f.value}${golds.length ? `, gold “${golds[0].text}” ${golds[0].value}` : ''}  …${context(doc.text, f)}`);
  }
  for (const g of dates) {
    c.gold++;
    const over = found.filter(f => overlaps(f, g));
    if (over.length) c.spanRecalled++;
    if (over.some(f => sameValue(f, g))) c.valueRecalled++;
    else if (collect && errors.length < showErrors) errors.push(`${over.length ? 'MISSED VALUE' : 'MISSED     '} ${doc.name} (${doc.created}): gold “${g.text}” ${g.value}${over.length ? `, ours “${over[0].text}” ${over[0].value}` : ''}  …${context(doc.text, g)}`);
  }
}

const context = (text: string, s: { start: number; end: number }) => `${text.slice(Math.max(0, s.start - 70), s.start)}⟦${text.slice(s.start, s.end)}⟧${text.slice(s.end, s.end + 50)}`.replace(/\s+/g, ' ');
const f1 = (right: number, found: number, recalled: number, gold: number) => {
  const p = found ? right / found : 0, r = gold ? recalled / gold : 0;
  return { p: 100 * p, r: 100 * r, f: p + r ? (200 * p * r) / (p + r) : 0 };
};
const fmt = (x: { p: number; r: number; f: number }) => `F1 ${x.f.toFixed(1).padStart(5)} (P ${x.p.toFixed(1)}, R ${x.r.toFixed(1)})`;

const docs = readTimebank(data);
const parts = { tuning: docs.filter(d => part(d.name) === 'tuning'), 'held-out': docs.filter(d => part(d.name) === 'held-out'), all: docs };
console.log(`${data}: ${docs.length} documents (tuning ${parts.tuning.length}, held-out ${parts['held-out'].length}), ${docs.reduce((n, d) => n + d.timexes.filter(t => t.type === 'DATE').length, 0)} gold DATEs`);
for (const [name, system] of systems) {
  const t0 = process.hrtime.bigint();
  const results = new Map(docs.map(d => [d.name, system(d.text, d.created)]));
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`\n${name} (${ms.toFixed(0)} ms)`);
  for (const [partName, list] of Object.entries(parts)) {
    const c = zero();
    for (const d of list) score(d, results.get(d.name)!, c, name === 'ours' && partName === errorPart);
    console.log(`  ${partName.padEnd(8)}  span ${fmt(f1(c.spanRight, c.found, c.spanRecalled, c.gold))}   value ${fmt(f1(c.valueRight, c.valued, c.valueRecalled, c.gold))}   (${c.gold} gold, ${c.found} found, ${c.ignored} on a TIME/DURATION/SET left out)`);
  }
}
if (errors.length) console.log('\n' + errors.join('\n'));
