// What the entity recogniser does on news unlike CoNLL, without entity labels: PolNeAR articles (US political
// news, 2016), scored on what can be checked from the text and from PolNeAR's own attribution sources.
// - common-word people: PERSON mentions holding a word that news writes in lower case mid-sentence (counted on
//   the --case folder, PolNeAR train by default: at least twice, and at least twice as often as capitalised
//   mid-sentence) — "Has", "Win", "Additionally", "Hey";
// - opener people: a PERSON of one word opening a sentence and followed by a comma ("Hey, …", "Meanwhile, …");
// - headline names: PERSON/ORG mentions on an article's first line (its headline) holding such a common word;
// - named sources: PolNeAR Source spans written as a name alone (capitalised words, no article or role word)
//   and the share of them the recogniser finds as a PERSON or ORG covering the span's last word.
// usage: npm run audit:ner -- --data ../shared/data/polnear/dev [--case ../shared/data/polnear/train] [--model media/ner-model.bin] [--list]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseModel } from '../../src/core/ner/tagger/model';
import { recogniseWithModel } from '../../src/core/ner/tagged';
import { sentences } from '../../src/core/text/sentences';
import { tokenize } from '../../src/core/text/tokens';
import { readPolnear } from '../quotes/brat';

const a = process.argv.slice(2);
const get = (name: string, fallback?: string) => { const i = a.indexOf(`--${name}`); return i >= 0 ? a[i + 1] : fallback; };
const data = get('data');
if (!data || !fs.existsSync(data)) { console.error('audit:ner: give a PolNeAR folder: npm run audit:ner -- --data ../shared/data/polnear/dev'); process.exit(2); }
const caseFolder = get('case', path.join(data, '..', 'train'))!;
const model = parseModel(new Uint8Array(fs.readFileSync(get('model', 'media/ner-model.bin')!)));
const list = a.includes('--list');

// how each word is written mid-sentence in the case folder
const lower = new Map<string, number>();
const capital = new Map<string, number>();
for (const f of fs.readdirSync(caseFolder).filter(f => f.endsWith('.txt'))) {
  const text = fs.readFileSync(path.join(caseFolder, f), 'utf8');
  for (const s of sentences(text)) {
    tokenize(text.slice(s.start, s.end)).forEach((t, i) => {
      if (i === 0) return;
      if (/^\p{Ll}[\p{Ll}'’-]*$/u.test(t.text)) lower.set(t.text, (lower.get(t.text) ?? 0) + 1);
      else if (/^\p{Lu}\p{Ll}[\p{Ll}'’-]*$/u.test(t.text)) capital.set(t.text.toLowerCase(), (capital.get(t.text.toLowerCase()) ?? 0) + 1);
    });
  }
}
const common = (w: string) => { const l = w.toLowerCase().replace(/['’]s$/, ''); const n = lower.get(l) ?? 0; return n >= 2 && n >= 2 * (capital.get(l) ?? 0); };

const articles = readPolnear(data);
let persons = 0, orgs = 0, commonPeople = 0, openers = 0, headlineNames = 0, sources = 0, found = 0, foundPerson = 0;
const examples = { common: new Map<string, number>(), openers: new Map<string, number>(), headline: new Map<string, number>(), missed: new Map<string, number>() };
const note = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
const t0 = process.cpuUsage();
for (const article of articles) {
  const { text } = article;
  const mentions = recogniseWithModel(text, model);
  const firstLine = text.indexOf('\n') < 0 ? text.length : text.indexOf('\n');
  const starts = new Set(sentences(text).map(s => s.start));
  for (const m of mentions) {
    if (m.type === 'ORG') orgs++;
    if (m.type !== 'PERSON' && m.type !== 'ORG') continue;
    const words = m.text.split(/\s+/);
    if (m.end <= firstLine && words.some(common)) { headlineNames++; note(examples.headline, `${m.type} ${m.text}`); }
    if (m.type !== 'PERSON') continue;
    persons++;
    if (words.some(common)) { commonPeople++; note(examples.common, m.text); }
    const opensSentence = starts.has(m.start) || /^[\s"“(]*$/.test(text.slice(Math.max(0, m.start - 2), m.start)) && starts.has(m.start - 1);
    if (words.length === 1 && opensSentence && /^\s*,/.test(text.slice(m.end, m.end + 2))) { openers++; note(examples.openers, m.text); }
  }
  // sources written as a name alone
  for (const attribution of article.attributions) {
    for (const s of attribution.source) {
      const name = text.slice(s.start, s.end).trim();
      if (!/^\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}$/u.test(name) || /^(The|He|She|It|They|We|I|You|His|Her)\b/.test(name)) continue;
      sources++;
      const last = s.start + text.slice(s.start, s.end).trimEnd().length - 1;
      const hit = mentions.find(m => (m.type === 'PERSON' || m.type === 'ORG') && m.start <= last && last < m.end);
      if (hit) { found++; if (hit.type === 'PERSON') foundPerson++; } else note(examples.missed, name);
    }
  }
}
const cpu = process.cpuUsage(t0);
const pct = (n: number, d: number) => `${(100 * n / Math.max(1, d)).toFixed(1)} %`;
console.log(`${data}: ${articles.length} articles; ${persons} PERSON, ${orgs} ORG mentions (${((cpu.user + cpu.system) / 1e6).toFixed(1)} CPU s)`);
console.log(`common-word people:   ${commonPeople} (${pct(commonPeople, persons)} of PERSON)`);
console.log(`opener people:        ${openers} (one word opening a sentence before a comma)`);
console.log(`headline names:       ${headlineNames} (PERSON/ORG on the first line holding a common word)`);
console.log(`named sources found:  ${found} of ${sources} (${pct(found, sources)}); as PERSON ${foundPerson}`);
if (list) {
  const top = (m: Map<string, number>) => [...m].sort((x, y) => y[1] - x[1]).slice(0, 40).map(([k, n]) => `${k} ×${n}`).join(', ');
  console.log(`\ncommon-word people: ${top(examples.common)}\nopeners: ${top(examples.openers)}\nheadline names: ${top(examples.headline)}\nmissed sources: ${top(examples.missed)}`);
}
