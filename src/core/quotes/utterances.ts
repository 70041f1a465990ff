import type { CorpusView, ResolvedQuote } from '../corpus';

/** One speech quote of one article, as an utterance lists it. */
export interface QuoteRef {
  path: string;
  /** Index into the article's `quotes`. */
  index: number;
  start: number;
  end: number;
  text: string;
  speakerId?: string;
  speakerName?: string;
}

/** The same words of one speaker as quoted by one or more articles, in full, in part or in another rendering. */
export interface Utterance {
  id: string;
  speakerId?: string;
  speakerName?: string;
  /** The longest version quoted. */
  text: string;
  /** Sorted by path, then start. */
  quotes: QuoteRef[];
  /** The articles quoting it, sorted: how many sources carry it. */
  sources: string[];
}

/** One stretch of a word comparison: words both versions have, or only the first or the second. */
export interface WordDifference {
  text: string;
  in: 'both' | 'first' | 'second';
}

// Two quotes are one utterance when, in order, at least MIN_SHARE of the shorter one's words and of its distinct
// content words are found in the other, with at least MIN_WORDS words and MIN_CONTENT content words matched.
// MIN_CONTENT is 2, not 3: Xinhua's "efforts and patience" is the whole of Kim's "…effort and patience" fragment.
const MIN_SHARE = 0.6;
const MIN_WORDS = 3;
const MIN_CONTENT = 2;

const STOPWORDS = new Set(('a an the and or but if of to in on at by for with from as into about than then that this these those ' +
  'it its is are was were be been being am do does did have has had will would shall should can could may might must i me my ' +
  'we us our you your he him his she her they them their there here what which who whom so not no nor too very just also up ' +
  'out over such only own same both each few more most other some any all how when where why while again once because until').split(' '));
const IS_CONTRACTED = new Set(['it', 'that', 'he', 'she', 'there', 'here', 'what', 'who']);
const CONTRACTIONS: Record<string, string> = { m: 'am', re: 'are', ll: 'will', ve: 'have', d: 'would' };

/** Lower case, one kind of apostrophe, dashes and other punctuation as word breaks: the words as compared. */
function words(text: string): string[] {
  const plain = text.normalize('NFKC').toLowerCase().replace(/[’‘ʼ`´′]/g, "'");
  return plain.match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? [];
}

/** Words for grouping: contractions spelt out ("I’m" = "I am"), endings dropped ("efforts" = "effort", "welcomed" = "welcome"). */
function stems(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    const m = /^(.+?)(?:n't|'(s|m|re|ll|ve|d))$/.exec(w);
    if (!m) { out.push(stem(w)); continue; }
    if (w.endsWith("n't")) out.push(m[1] === 'ca' ? 'can' : m[1] === 'wo' ? 'will' : m[1], 'not');
    else if (m[2] === 's') out.push(...(IS_CONTRACTED.has(m[1]) ? [m[1], 'is'] : [stem(m[1])]));
    else out.push(m[1], CONTRACTIONS[m[2]]);
  }
  return out;
}

function stem(w: string): string {
  if (STOPWORDS.has(w)) return w;
  if (w.length >= 6 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length >= 5 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length >= 5 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.length >= 4 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  return w.length >= 4 && w.endsWith('e') ? w.slice(0, -1) : w;
}

const stemmed = new Map<string, { stems: string[]; content: string[]; said: string }>();

/** A quote's words for grouping and its distinct content words, worked out once per text (grouping runs after every change). */
function stemsOf(text: string): { stems: string[]; content: string[]; said: string } {
  let known = stemmed.get(text);
  if (!known) {
    const st = stems(text);
    known = { stems: st, content: [...new Set(st.filter(x => !STOPWORDS.has(x)))], said: st.join(' ') };
    if (stemmed.size > 200_000) stemmed.clear();
    stemmed.set(text, known);
  }
  return known;
}

/** The pairs of positions of a longest common subsequence of two word lists, in order. */
function alignment(a: readonly string[], b: readonly string[]): Array<[number, number]> {
  const w = b.length + 1;
  const dp = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) dp[i * w + j] = a[i] === b[j] ? dp[(i + 1) * w + j + 1] + 1 : Math.max(dp[(i + 1) * w + j], dp[i * w + j + 1]);
  }
  const pairs: Array<[number, number]> = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if (dp[(i + 1) * w + j] >= dp[i * w + j + 1]) i++;
    else j++;
  }
  return pairs;
}

/** How many numbers two sorted lists share; counting stops early once `need` is out of reach. */
function shared(a: readonly number[], b: readonly number[], need: number): number {
  let n = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length && n + a.length - i >= need;) {
    if (a[i] === b[j]) n++, i++, j++;
    else if (a[i] < b[j]) i++;
    else j++;
  }
  return n;
}

interface Item {
  ref: QuoteRef;
  stems: string[];
  /** The stems joined: the words as an exact repeat compares them. */
  said: string;
  /** Its distinct content words (not stopwords), as sorted word numbers. */
  content: number[];
  /** Who said it, for keeping speakers apart: entity id, else the name; undefined when unattributed. */
  speaker?: string;
}

/** How much `short` and `long` agree (share of the shorter's words matched), or 0 when they are not one utterance. */
function agreement(short: Item, long: Item): number {
  // The matched words must lie close together in the longer quote, not be picked one by one from a long speech:
  // align against windows of about twice the shorter quote's length, overlapping by half of it.
  const n = short.stems.length, step = Math.ceil(n / 2), size = 2 * n + 2 + step;
  let best = 0;
  for (let k = 0; ; k += step) {
    const pairs = alignment(short.stems, long.stems.slice(k, k + size));
    if (pairs.length >= MIN_WORDS && pairs.length >= MIN_SHARE * n && pairs.length / n > best) {
      const content = new Set(pairs.map(([i]) => short.stems[i]).filter(w => !STOPWORDS.has(w)));
      if (content.size >= MIN_CONTENT && content.size >= MIN_SHARE * short.content.length) best = pairs.length / n;
    }
    if (k + size >= long.stems.length || best === 1) return best;
  }
}

/**
 * Groups the speech quotes of the corpus into utterances: the same words of one speaker quoted by several articles,
 * whole, as a fragment or in a slightly different rendering. Every speech quote is in exactly one utterance.
 */
export function groupUtterances(view: CorpusView): Utterance[] {
  const items: Item[] = [];
  const numbers = new Map<string, number>();
  const number = (w: string) => numbers.get(w) ?? numbers.set(w, numbers.size).get(w)!;
  for (const article of view.articles.values()) {
    article.quotes.forEach((q: ResolvedQuote, index) => {
      if (q.kind !== 'speech') return;
      const s = q.speaker;
      const ref: QuoteRef = { path: article.path, index, start: q.start, end: q.end, text: q.text, ...(s?.entityId ? { speakerId: s.entityId } : {}), ...(s ? { speakerName: s.name } : {}) };
      const { stems: st, content: words, said } = stemsOf(q.text);
      const content = words.map(number).sort((x, y) => x - y);
      items.push({ ref, stems: st, said, content, speaker: s ? s.entityId ?? `name:${s.name.toLowerCase()}` : undefined });
    });
  }
  const edges: Array<[number, number, number]> = [];
  // Identical words, however short ("No."): linked to the first such quote of the same speaker, and an
  // unattributed quote to the first attributed one (or the other way round).
  const identical = new Map<string, number>();
  // Postings of content words, per speaker (undefined: unattributed) and for everyone: other speakers never match.
  const postings = new Map<string | undefined, Map<number, number[]>>([[undefined, new Map()]]);
  const everyone: number[][] = Array.from(numbers, () => []);
  const none: number[] = [];
  // a quote repeated word for word by the same speaker is compared once, through its first occurrence
  const repeat = new Uint8Array(items.length);
  items.forEach((it, i) => {
    const said = it.said, same = `${it.speaker ?? ''}|${said}`, other = `${it.speaker ? '' : '*'}|${said}`;
    for (const k of [same, other]) if (identical.has(k)) edges.push([identical.get(k)!, i, 2]);
    if (identical.has(same)) { repeat[i] = 1; return; }
    identical.set(same, i);
    if (it.speaker && !identical.has(`*|${said}`)) identical.set(`*|${said}`, i);
    const own = postings.get(it.speaker) ?? postings.set(it.speaker, new Map()).get(it.speaker)!;
    for (const c of it.content) (own.get(c) ?? own.set(c, []).get(c)!).push(i), everyone[c].push(i);
  });
  // Candidates share rare content words: a quote matching `need` of q's content words holds one of any
  // (size - need + 1) of them, so only the lists of its rarest are read (prefix filtering). q is the shorter one.
  const seen = new Int32Array(items.length).fill(-1);
  items.forEach((q, i) => {
    const size = q.content.length, need = Math.max(MIN_CONTENT, Math.ceil(MIN_SHARE * size));
    if (repeat[i] || q.stems.length < MIN_WORDS || size < need) return;
    const rarest = q.content.slice().sort((x, y) => everyone[x].length - everyone[y].length);
    const own = postings.get(q.speaker)!, unattributed = postings.get(undefined)!;
    for (let l = 0; l <= size - need; l++) {
      for (const list of q.speaker ? [own.get(rarest[l])!, unattributed.get(rarest[l]) ?? none] : [everyone[rarest[l]]]) {
        for (const j of list) {
          if (seen[j] === i) continue;
          seen[j] = i;
          const r = items[j];
          if (r.stems.length < q.stems.length || (r.stems.length === q.stems.length && j <= i)) continue;
          const score = shared(q.content, r.content, need) >= need ? agreement(q, r) : 0;
          if (score > 0) edges.push([i, j, score]);
        }
      }
    }
  });
  // Union-find, best matches first, so an unattributed quote joins the speaker it agrees with most.
  const parent = items.map((_, i) => i);
  const speaker = items.map(it => it.speaker);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  edges.sort((x, y) => y[2] - x[2] || x[0] - y[0] || x[1] - y[1]);
  for (const [a, b] of edges) {
    const ra = root(a), rb = root(b);
    if (ra === rb || (speaker[ra] && speaker[rb] && speaker[ra] !== speaker[rb])) continue;
    parent[rb] = ra;
    speaker[ra] ??= speaker[rb];
  }
  const groups = new Map<number, Item[]>();
  items.forEach((it, i) => (groups.get(root(i)) ?? groups.set(root(i), []).get(root(i))!).push(it));
  const byPlace = (x: QuoteRef, y: QuoteRef) => (x.path < y.path ? -1 : x.path > y.path ? 1 : x.start - y.start);
  const utterances = [...groups.values()].map(group => {
    const quotes = group.map(g => g.ref).sort(byPlace);
    const longest = group.reduce((best, g) => (g.stems.length > best.stems.length ? g : best), group[0]);
    const named = quotes.find(q => q.speakerId) ?? quotes.find(q => q.speakerName);
    return {
      id: `utterance:${named?.speakerId ?? 'unknown'}:${quotes[0].path}:${quotes[0].start}`,
      ...(named?.speakerId ? { speakerId: named.speakerId } : {}), ...(named?.speakerName ? { speakerName: named.speakerName } : {}),
      text: longest.ref.text, quotes, sources: [...new Set(quotes.map(q => q.path))].sort(),
    };
  });
  return utterances.sort((x, y) => byPlace(x.quotes[0], y.quotes[0]));
}

const lookups = new WeakMap<readonly Utterance[], Map<string, Utterance>>();

/** The utterance a quote (its article's path and its index in the article's quotes) belongs to. */
export function utteranceOf(utterances: readonly Utterance[], path: string, quoteIndex: number): Utterance | undefined {
  const lookup = lookups.get(utterances) ?? new Map(utterances.flatMap(u => u.quotes.map(q => [`${q.index}:${q.path}`, u] as const)));
  lookups.set(utterances, lookup);
  return lookup.get(`${quoteIndex}:${path}`);
}

/**
 * Word by word, what two versions of a quote share and what only one of them has, in reading order, for marking
 * the differences side by side. Case, quotation marks, apostrophes and punctuation are not differences; words
 * keep their first version's spelling and punctuation when shared.
 */
export function compareWords(a: string, b: string): WordDifference[] {
  const split = (text: string) => (text.match(/\S+/g) ?? []).filter(w => words(w).length);
  const wa = split(a), wb = split(b);
  const pairs = alignment(wa.map(w => words(w).join(' ')), wb.map(w => words(w).join(' ')));
  const out: WordDifference[] = [];
  const add = (text: string, side: WordDifference['in']) => (out[out.length - 1]?.in === side ? (out[out.length - 1].text += ` ${text}`) : out.push({ text, in: side }));
  let i = 0, j = 0;
  for (const [pi, pj] of [...pairs, [wa.length, wb.length] as [number, number]]) {
    for (; i < pi; i++) add(wa[i], 'first');
    for (; j < pj; j++) add(wb[j], 'second');
    if (pi < wa.length) add(wa[i++], 'both'), j++;
  }
  return out;
}
