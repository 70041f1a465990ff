// Chooses which found triggers outside the reader kinds the extractor keeps (src/core/events/reportable.ts), by
// cross-validation on TimeBank's tuning part, and scores the rules on the held-out part it never saw.
// The gold is the "timeline events" of TimeBank: reader events (OCCURRENCE, REPORTING nouns) that are factual
// (polarity positive, no modality) and that the annotators place in time — a TLINK relates them to a date, a
// time or the document's creation time. A kept trigger is right when it overlaps one. A rule is a choice of the
// dates that count (the trigger's clause, its sentence, the reference date, none), whether naming a participant
// or a place is enough or needed, and the parts of speech kept; the one with the best mean F1 over the folds wins.
// Also printed: how many kept events TimeBank dates (a TLINK puts them within a date) get that date.
// usage: npm run select:events -- --data ../shared/data/timebank
import * as fs from 'node:fs';
import { normaliseDates } from '../../src/core/dates';
import { eventCandidates, type Candidate } from '../../src/core/events/extract';
import { KEEP, reportable, type KeepRule } from '../../src/core/events/reportable';
import { ruleRecogniser } from '../../src/core/ner';
import { part, readTimebank, type GoldEvent } from '../dates/timeml';
import { readerEvent, timelineEvent } from './tokens';

const a = process.argv.slice(2);
const data = a[a.indexOf('--data') + 1];
if (!a.includes('--data') || !fs.existsSync(data)) { console.error('select:events: give the TimeML folder: npm run select:events -- --data ../shared/data/timebank'); process.exit(2); }

type Span = { start: number; end: number };
const overlaps = (x: Span, y: Span) => x.start < y.end && y.start < x.end;
const INSIDE = new Set(['IS_INCLUDED', 'DURING', 'SIMULTANEOUS']);
/** The date TimeBank gives an event: the day (or month, year) of a time it happens within. */
const goldDates = (e: GoldEvent) => (e.times ?? []).filter(t => INSIDE.has(t.rel) && !/X/.test(t.value)).map(t => t.value.split('T')[0]);

interface Doc { name: string; candidates: Candidate[]; gold: GoldEvent[]; dated: GoldEvent[] }
const docs: Doc[] = readTimebank(data).map(d => ({
  name: d.name,
  candidates: eventCandidates(d.text, ruleRecogniser.recognise(d.text), normaliseDates(d.text, d.created), d.created),
  gold: d.events.filter(timelineEvent),
  dated: d.events.filter(e => readerEvent(e) && goldDates(e).length),
}));

interface Score { found: number; right: number; gold: number; recalled: number; dated: number; datedRight: number }
function score(rule: KeepRule, set: Doc[]): Score {
  const s: Score = { found: 0, right: 0, gold: 0, recalled: 0, dated: 0, datedRight: 0 };
  for (const d of set) {
    const kept = d.candidates.filter(c => reportable(c, rule));
    s.found += kept.length; s.gold += d.gold.length;
    s.right += kept.filter(k => d.gold.some(g => overlaps(k, g))).length;
    s.recalled += d.gold.filter(g => kept.some(k => overlaps(k, g))).length;
    for (const k of kept) {
      const g = d.dated.find(x => overlaps(k, x));
      if (!g) continue;
      s.dated++;
      if (k.date && goldDates(g).includes(k.date)) s.datedRight++;
    }
  }
  return s;
}
const f1 = (s: Score) => { const p = s.right / Math.max(1, s.found), r = s.recalled / Math.max(1, s.gold); return p + r ? (2 * p * r) / (p + r) : 0; };
const fmt = (s: Score) => `F1 ${(100 * f1(s)).toFixed(1).padStart(5)} (P ${(100 * s.right / Math.max(1, s.found)).toFixed(1)}, R ${(100 * s.recalled / Math.max(1, s.gold)).toFixed(1)}; ${s.gold} gold, ${s.found} kept)  dated as TimeBank dates them ${(100 * s.datedRight / Math.max(1, s.dated)).toFixed(1)} % of ${s.dated}`;
const describe = (r: KeepRule) => `${r.pos} dated by ${r.dated.join('/')}${r.actor === 'or' ? ', or naming someone/somewhere' : r.actor === 'and' ? ', and naming someone/somewhere' : ''}`;

const DATED: KeepRule['dated'][] = [['clause'], ['clause', 'sentence'], ['clause', 'sentence', 'reference'], ['clause', 'sentence', 'reference', 'none']];
const rules: KeepRule[] = [];
for (const dated of DATED) for (const actor of ['or', 'and', 'no'] as const) for (const pos of ['both', 'verb', 'noun'] as const) rules.push({ dated, actor, pos });

const tuning = docs.filter(d => part(d.name) === 'tuning'), heldOut = docs.filter(d => part(d.name) === 'held-out');
const folds = 5;
const cv = rules.map(rule => {
  let f = 0;
  // no rule has a parameter fitted to data: each fold scores it on its own fifth, and the mean over the folds ranks it
  for (let k = 0; k < folds; k++) f += f1(score(rule, tuning.filter((_, i) => i % folds === k))) / folds;
  return { rule, f };
}).sort((x, y) => y.f - x.f);
console.log(`${data}: ${tuning.length} tuning documents (${folds} folds), ${heldOut.length} held out; ${rules.length} rules\n\ncross-validated F1 on the tuning part, best first:`);
for (const { rule, f } of cv.slice(0, 8)) console.log(`  ${(100 * f).toFixed(1).padStart(5)}  ${describe(rule)}`);
const chosen = cv[0].rule;
const same = (x: KeepRule, y: KeepRule) => JSON.stringify(x) === JSON.stringify(y);
console.log(`\nchosen: ${describe(chosen)}${same(chosen, KEEP) ? ' (the rule reportable.ts keeps)' : `\n  reportable.ts keeps another: ${describe(KEEP)}`}`);
const before: KeepRule = { dated: ['clause', 'sentence'], actor: 'or', pos: 'both' };
for (const [name, rule] of [['every trigger', { dated: DATED[3], actor: 'no', pos: 'both' }], ['someone, somewhere or a date of its own', before], ['reportable.ts', KEEP]] as [string, KeepRule][]) {
  console.log(`\n${name}\n  tuning    ${fmt(score(rule, tuning))}\n  held-out  ${fmt(score(rule, heldOut))}`);
}
