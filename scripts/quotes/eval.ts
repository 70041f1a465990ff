// Evaluates quotation detection and attribution on PolNeAR (brat standoff): a direct quotation is a quoted
// stretch inside an attribution's Content span, its speaker that attribution's Source. Prints quote
// precision (found speech quotes that are such stretches), recall, and speaker accuracy on the quotes found.
// With the speaker model (media/speaker-model.json, or --speakers FILE; --no-speaker-model for the rules alone) it
// prints a reliability table of the confidence on those quotes and the expected calibration error.
// usage: npm run eval:quotes -- --data ../shared/data/polnear/dev [--errors 30] [--rules] [--no-speaker-model]
import * as fs from 'node:fs';
import { Corpus } from '../../src/core/corpus';
import { modelRecogniser, parseModel, ruleRecogniser } from '../../src/core/ner';
import type { Span } from '../../src/core/text/span';
import { parseSpeakerModel } from '../../src/core/quotes';
import { readPolnear } from './brat';
import { reliability } from './fit';
import { goldQuotes, homeOf, overlap, sameSpeaker } from './gold';

const a = process.argv.slice(2);
const get = (name: string) => { const i = a.indexOf(`--${name}`); return i >= 0 ? a[i + 1] : undefined; };
const data = get('data');
if (!data || !fs.existsSync(data)) { console.error('eval:quotes: give a PolNeAR folder: npm run eval:quotes -- --data ../shared/data/polnear/dev'); process.exit(2); }
const showErrors = Number(get('errors') ?? 0);
const context = a.includes('--context');
const around = (text: string, s: Span) => context ? `\n    …${text.slice(Math.max(0, s.start - 160), s.start).replace(/\s+/g, ' ')}⟦${text.slice(s.start, Math.min(s.end, s.start + 60)).replace(/\s+/g, ' ')}…⟧${text.slice(s.end, s.end + 120).replace(/\s+/g, ' ')}…` : '';
const speakerFile = get('speakers') ?? 'media/speaker-model.json';
const speakerModel = a.includes('--no-speaker-model') ? undefined : parseSpeakerModel(fs.readFileSync(speakerFile, 'utf8'));
const recogniser = a.includes('--rules') ? ruleRecogniser : modelRecogniser(parseModel(new Uint8Array(fs.readFileSync('media/ner-model.bin'))));

const articles = readPolnear(data);
let found = 0, correct = 0, gold = 0, recalled = 0, withSource = 0, speakerRight = 0, bySpan = 0, byName = 0, unattributed = 0, otherKinds = 0, otherInContent = 0;
const errors: string[] = [];
const confidence: { p: number; right: boolean }[] = [];
const t0 = process.hrtime.bigint();
for (const article of articles) {
  const corpus = new Corpus({ recogniser, speakerModel });
  corpus.setArticle(article.name, article.text);
  const view = corpus.resolve().articles.get(article.name)!;
  const goldAll = article.attributions.flatMap(r => goldQuotes(article.text, r).map(span => ({ span, r })));
  gold += goldAll.length;
  const speech = view.quotes.filter(q => q.kind === 'speech');
  for (const g of goldAll) if (speech.some(q => overlap(q.inner, g.span) >= Math.min(q.inner.end - q.inner.start, g.span.end - g.span.start) / 2)) recalled++;
  for (const q of view.quotes) {
    const home = homeOf(article.attributions, q.inner);
    if (q.kind !== 'speech') { otherKinds++; if (home) otherInContent++; continue; }
    found++;
    if (!home) { if (errors.length < showErrors) errors.push(`NOT A QUOTE  ${article.name}: “${q.text.slice(0, 100)}”`); continue; }
    correct++;
    if (!home.source.length) continue;
    withSource++;
    const goldSource = home.source.map(s => article.text.slice(s.start, s.end)).join(' … ');
    confidence.push({ p: q.confidence, right: Boolean(q.speaker && sameSpeaker(article.text, home, q.speaker)) });
    if (!q.speaker) { unattributed++; if (errors.length < showErrors) errors.push(`NO SPEAKER   ${article.name}: “${q.text.slice(0, 80)}” — gold ${goldSource}${around(article.text, q)}`); continue; }
    const same = sameSpeaker(article.text, home, q.speaker);
    if (same) { speakerRight++; if (same === 'span') bySpan++; else byName++; continue; }
    if (errors.length < showErrors) errors.push(`WRONG        ${article.name}: “${q.text.slice(0, 80)}” — ours ${q.speaker.text} (${q.speaker.name}; ${q.how}), gold ${goldSource}${around(article.text, q)}`);
  }
}
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const pct = (x: number, n: number) => (n ? ((100 * x) / n).toFixed(1) : '—');
console.log(`${data}: ${articles.length} articles, ${gold} gold direct quotations (quoted stretches in Content spans)`);
console.log(`quote precision  ${pct(correct, found)} %  (${correct} of ${found} speech quotes found lie in a Content span)`);
console.log(`quote recall     ${pct(recalled, gold)} %  (${recalled} of ${gold} gold quotations found as speech)`);
console.log(`speaker accuracy ${pct(speakerRight, withSource)} %  (${speakerRight} of ${withSource} correct quotes with a gold Source: ${bySpan} same span, ${byName} same name; ${unattributed} without a speaker)`);
console.log(`scare quotes and titles: ${otherKinds} (${otherInContent} of them inside a Content span)`);
console.log(`entities by ${recogniser.id}; speakers by ${speakerModel ? `${speakerModel.id} (${speakerFile})` : 'the rules'}; ${seconds.toFixed(1)} s`);
const { ece, bands } = reliability(confidence);
console.log(`\nreliability of the confidence on those ${confidence.length} quotes — expected calibration error ${(100 * ece).toFixed(1)} points`);
console.log('  confidence   quotes   mean confidence   speaker right');
for (const b of bands) if (b.n) console.log(`  ${`${Math.round(100 * b.from)}–${Math.round(100 * b.to)} %`.padEnd(11)}  ${String(b.n).padStart(6)}   ${(100 * b.said / b.n).toFixed(1).padStart(13)} %   ${(100 * b.right / b.n).toFixed(1).padStart(11)} %`);
if (errors.length) console.log('\n' + errors.join('\n'));
