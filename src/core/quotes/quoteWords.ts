// How two quotes' words are compared when grouping quotes into utterances: the words as compared (case,
// marks, contractions and endings set aside) and how much a shorter quote must agree with a longer one.

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
export function words(text: string): string[] {
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

/** A quote's words for grouping and its distinct content words, worked out once per text (an article's quotes are read again whenever it changes). */
export function stemsOf(text: string): { stems: string[]; content: string[]; said: string } {
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
export function alignment(a: readonly string[], b: readonly string[]): Array<[number, number]> {
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

/** How many of a quote's distinct content words another quote must hold to be one utterance with it. */
function contentNeeded(size: number): number {
  return Math.max(MIN_CONTENT, Math.ceil(MIN_SHARE * size));
}

/** A quote's words as grouping compares them. */
export interface QuoteWords {
  stems: readonly string[];
  /** Its distinct content words (not stopwords), as sorted word numbers. */
  content: readonly number[];
}

/**
 * The content words a quote's longer counterparts must hold at least one of (prefix filtering): a quote holding
 * `need` of its words holds one of any (size - need + 1) of them, so only the lists of its rarest are read.
 * Undefined for a quote too short to be matched by words (it groups only when identical).
 */
export function prefixWords(q: QuoteWords, rarity: (word: number) => number): number[] | undefined {
  const size = q.content.length, need = contentNeeded(size);
  if (q.stems.length < MIN_WORDS || size < need) return undefined;
  return q.content.slice().sort((x, y) => rarity(x) - rarity(y)).slice(0, size - need + 1);
}

/** How much `short` and `long` agree (share of the shorter's words matched), or 0 when they are not one utterance. */
export function agreement(short: QuoteWords, long: QuoteWords): number {
  const need = contentNeeded(short.content.length);
  if (shared(short.content, long.content, need) < need) return 0;
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
