// The anchoring fuzz as a benchmark: random annotations on the sample articles, random edits (typing, deleting,
// replacing, moving stretches), then re-anchoring from what the sidecar stored before the edits. Prints what
// became of every annotation. usage: npm run bench:anchoring -- [folder] [--edits 10000] [--per-case 20] [--seed 42] [--show-wrong] [--show-review]
// (--show-wrong prints each confident wrong placement: the stored anchor, where it went and where it really is;
// --show-review each annotation whose text survived but that was sent to review)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runFuzz, type WrongPlacement } from '../../test/fuzz/anchoring';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => { const i = args.indexOf(name); return i >= 0 ? Number(args.splice(i, 2)[1]) : fallback; };
const edits = option('--edits', 10_000);
const perCase = option('--per-case', 20);
const seed = option('--seed', 42);
const flag = (name: string) => { const i = args.indexOf(name); return i >= 0 && args.splice(i, 1).length > 0; };
const showWrong = flag('--show-wrong');
const showReview = flag('--show-review');
const folder = args[0] ?? 'sample-corpus';
const articles = fs.readdirSync(folder).filter(f => /\.(txt|md)$/.test(f)).sort().map(f => fs.readFileSync(path.join(folder, f), 'utf8'));

const t = process.hrtime.bigint();
const wrong: WrongPlacement[] = [];
const review: WrongPlacement[] = [];
const f = runFuzz(articles, {
  cases: Math.ceil(edits / perCase), editsPerCase: perCase, seed,
  ...(showWrong ? { wrong: (w: WrongPlacement) => wrong.push(w) } : {}),
  ...(showReview ? { review: (w: WrongPlacement) => review.push(w) } : {}),
});
const ms = Number(process.hrtime.bigint() - t) / 1e6;
const pct = (n: number, d: number) => (d ? ((100 * n) / d).toFixed(1) : '–');
console.log(`${f.edits} random edits in ${f.cases} cases (${perCase} each, seed ${seed}) on ${articles.length} articles of ${folder}; ${f.annotations} annotations`);
console.log(`lost (missing after the sidecar round trip): ${f.lost}`);
console.log(`text survived the edits: ${f.survived}`);
console.log(`  re-anchored exactly          ${f.survivedExact} (${pct(f.survivedExact, f.survived)} %)`);
console.log(`  needs review (ambiguous)     ${f.survivedReview} (${pct(f.survivedReview, f.survived)} %), the candidate shown exactly right for ${f.survivedReviewRight}`);
console.log(`    of which tied with a look-alike (as much context agrees) ${f.survivedReviewTied}; the rest have too little of their context left`);
console.log(`  orphaned                     ${f.survivedOrphaned}`);
console.log(`  placed wrongly, confidently  ${f.survivedWrong}`);
console.log(`text changed or deleted: ${f.changed}`);
console.log(`  orphaned or needs review     ${f.changedOrphanedOrReview} (${pct(f.changedOrphanedOrReview, f.changed)} %)`);
console.log(`  re-anchored on its edited text (fuzzy, near-identical) ${f.changedReanchoredOnEditedText}`);
console.log(`  placed wrongly, confidently  ${f.changedWrong}`);
console.log(`statuses: ${Object.entries(f.statuses).map(([k, v]) => `${k} ${v}`).join(', ')}; ${(ms / 1000).toFixed(1)} s`);
const around = (text: string, s: { start: number; end: number }) => `${s.start}–${s.end} ${JSON.stringify(text.slice(Math.max(0, s.start - 40), s.start) + '[' + text.slice(s.start, s.end) + ']' + text.slice(s.end, s.end + 40))}`;
for (const w of [...wrong, ...review]) {
  console.log(`\n${w.survived ? 'survived' : 'changed'}, ${w.status}: ${JSON.stringify(w.anchor)}`);
  console.log(`  ${w.status === 'needs-review' ? 'shown ' : 'placed'} ${w.placed ? around(w.text, w.placed) : 'nowhere'}`);
  console.log(`  truth  ${w.truth.length ? w.truth.map(p => around(w.text, p)).join('\n         ') : 'gone'}`);
}
