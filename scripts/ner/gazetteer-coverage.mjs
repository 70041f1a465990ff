// How much of a CoNLL file's gold entities the gazetteers know, and how often they fire where they should not.
// usage: node scripts/ner/gazetteer-coverage.mjs FILE.conll
//
// Per entity type (PER/ORG/LOC/MISC): the share of gold entity mentions whose whole string (lower-cased, words
// joined by one space) is an entry of each gazetteer key, and of any key ("any"). A second table counts single
// tokens instead: the share of the tokens inside gold entities of each type that are a one-word entry (this is
// the fair measure for first names and surnames, which are rarely a whole mention).
// "O cap": the share of O-tagged capitalised tokens (not the first of a sentence) that are a single-word entry —
// the false-hit rate; "O cap@1" the same for sentence-initial O tokens (where capitals say nothing).
import fs from 'node:fs';
import { loadGazetteers } from './gazetteers.mjs';

const file = process.argv[2];
if (!file) { console.error('usage: gazetteer-coverage.mjs FILE'); process.exit(2); }

/** Sentences of [word, tag] (IOB1 or IOB2). */
function readConll(text) {
  const sentences = [];
  let cur = [];
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (!t || t.startsWith('-DOCSTART-')) { if (cur.length) sentences.push(cur); cur = []; continue; }
    const cols = t.split(/\s+/);
    cur.push([cols[0], cols[cols.length - 1]]);
  }
  if (cur.length) sentences.push(cur);
  return sentences;
}

const sentences = readConll(fs.readFileSync(file, 'utf8'));
const gaz = await loadGazetteers();
const keys = Object.keys(gaz).sort();
const TYPES = ['PER', 'ORG', 'LOC', 'MISC'];
const gold = Object.fromEntries(TYPES.map(t => [t, []]));
const goldTokens = Object.fromEntries(TYPES.map(t => [t, []]));
const oCap = [], oCapFirst = [];
for (const s of sentences) {
  let ent = null;
  const close = () => { if (ent) gold[ent.type]?.push(ent.words.join(' ').toLowerCase()); ent = null; };
  s.forEach(([w, tag], i) => {
    if (tag === 'O') {
      close();
      if (/^\p{Lu}/u.test(w)) (i === 0 ? oCapFirst : oCap).push(w.toLowerCase());
      return;
    }
    const [bio, type] = tag.split('-');
    if (bio === 'B' || !ent || ent.type !== type) { close(); ent = { type, words: [] }; }
    ent.words.push(w);
    goldTokens[type]?.push(w.toLowerCase());
  });
  close();
}

const pct = (n, d) => (d ? (100 * n / d).toFixed(1) : '-').padStart(7);
const share = (list, set) => list.filter(x => set.has(x)).length;
const anySet = { has: x => keys.some(k => gaz[k].has(x)) };
const cols = [...TYPES, 'O cap', 'O cap@1'];
const table = (title, lists) => {
  console.log(`\n${title}\n${'key'.padEnd(15)}${'size'.padStart(8)}${cols.map(c => c.padStart(8)).join('')}`);
  for (const k of keys) console.log(`${k.padEnd(15)}${String(gaz[k].size).padStart(8)}${lists.map(l => ' ' + pct(share(l, gaz[k]), l.length)).join('')}`);
  console.log(`${'any'.padEnd(15)}${''.padStart(8)}${lists.map(l => ' ' + pct(share(l, anySet), l.length)).join('')}`);
  for (const t of TYPES) {
    const ks = keys.filter(k => k.startsWith(t + '.'));
    const set = { has: x => ks.some(k => gaz[k].has(x)) };
    console.log(`${(t + '.*').padEnd(15)}${''.padStart(8)}${lists.map(l => ' ' + pct(share(l, set), l.length)).join('')}`);
  }
};
console.log(`${file}: ${sentences.length} sentences; mentions ${TYPES.map(t => `${t} ${gold[t].length}`).join(', ')}; O capitalised tokens ${oCap.length} (+${oCapFirst.length} sentence-initial)`);
table('% of gold mentions (whole string) found; O cap = % of capitalised O tokens found (false hits)', [...TYPES.map(t => gold[t]), oCap, oCapFirst]);
table('% of tokens inside gold mentions found as one-word entries; O cap as above', [...TYPES.map(t => goldTokens[t]), oCap, oCapFirst]);
