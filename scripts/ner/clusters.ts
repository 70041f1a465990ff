// Word clusters from unlabelled text, as bit strings (like Brown clusters: a prefix is a coarser cluster).
// Each word is described by the distribution of its left and right neighbours (the most frequent words,
// lower-cased), weighted by positive pointwise mutual information and scaled to unit length; the vocabulary is then split in
// two by spherical 2-means, again and again. A word's path through the splits is its bit string.
// Deterministic for a given seed.

export interface ClusterOptions {
  minCount: number;
  contextWords: number;
  depth: number;
  minLeaf: number;
  iterations: number;
  seed: number;
}

const DEFAULTS: ClusterOptions = { minCount: 3, contextWords: 1000, depth: 12, minLeaf: 8, iterations: 8, seed: 7 };

interface Sparse { index: Int32Array; value: Float32Array }

function rng(seed: number) {
  return () => { seed |= 0; seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

export function buildClusters(sentences: Iterable<string[]>, options: Partial<ClusterOptions> = {}): Map<string, string> {
  const o = { ...DEFAULTS, ...options };
  const all: string[][] = [...sentences];
  const freq = new Map<string, number>();
  const lowerFreq = new Map<string, number>();
  for (const s of all) for (const w of s) { freq.set(w, (freq.get(w) ?? 0) + 1); const l = w.toLowerCase(); lowerFreq.set(l, (lowerFreq.get(l) ?? 0) + 1); }
  const vocab = [...freq].filter(([, n]) => n >= o.minCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  const wordId = new Map(vocab.map((w, i) => [w, i]));
  const context = [...lowerFreq].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, o.contextWords).map(([w]) => w);
  const contextId = new Map(context.map((w, i) => [w, i]));
  const dims = 2 * (context.length + 1) + 2; // left words, left other, right words, right other, sentence edges
  const counts: Map<number, number>[] = vocab.map(() => new Map());
  for (const s of all) {
    for (let i = 0; i < s.length; i++) {
      const id = wordId.get(s[i]);
      if (id === undefined) continue;
      const c = counts[id];
      const left = i > 0 ? contextId.get(s[i - 1].toLowerCase()) ?? context.length : dims - 2;
      const right = i + 1 < s.length ? context.length + 1 + (contextId.get(s[i + 1].toLowerCase()) ?? context.length) : dims - 1;
      c.set(left, (c.get(left) ?? 0) + 1);
      c.set(right, (c.get(right) ?? 0) + 1);
    }
  }
  // positive pointwise mutual information of word and context, so that "the" and commas do not dominate
  const contextTotals = new Float64Array(dims);
  let grand = 0;
  for (const c of counts) for (const [k, n] of c) { contextTotals[k] += n; grand += n; }
  const vectors: Sparse[] = counts.map(c => {
    const total = [...c.values()].reduce((a, b) => a + b, 0);
    const entries = [...c].map(([k, n]) => [k, Math.max(0, Math.log((n / total) / (contextTotals[k] / grand)))] as [number, number]).filter(e => e[1] > 0).sort((a, b) => a[0] - b[0]);
    const norm = Math.sqrt(entries.reduce((s, e) => s + e[1] * e[1], 0)) || 1;
    return { index: Int32Array.from(entries.map(e => e[0])), value: Float32Array.from(entries.map(e => e[1] / norm)) };
  });
  const dot = (v: Sparse, centroid: Float32Array) => { let s = 0; for (let k = 0; k < v.index.length; k++) s += v.value[k] * centroid[v.index[k]]; return s; };
  const random = rng(o.seed);
  const paths = new Array<string>(vocab.length).fill('');

  const split = (members: number[], path: string) => {
    if (path.length >= o.depth || members.length < 2 * o.minLeaf) { for (const m of members) paths[m] = path || '0'; return; }
    // seeds: a random member, then the member least like it
    const a = members[Math.floor(random() * members.length)];
    const ca = new Float32Array(dims);
    for (let k = 0; k < vectors[a].index.length; k++) ca[vectors[a].index[k]] = vectors[a].value[k];
    let b = members[0];
    let least = Infinity;
    for (const m of members) { const d = dot(vectors[m], ca); if (d < least) { least = d; b = m; } }
    const cb = new Float32Array(dims);
    for (let k = 0; k < vectors[b].index.length; k++) cb[vectors[b].index[k]] = vectors[b].value[k];
    let side = new Uint8Array(members.length);
    for (let it = 0; it < o.iterations; it++) {
      const next = new Uint8Array(members.length);
      members.forEach((m, i) => { next[i] = dot(vectors[m], cb) > dot(vectors[m], ca) ? 1 : 0; });
      side = next;
      ca.fill(0); cb.fill(0);
      members.forEach((m, i) => { const c = side[i] ? cb : ca; const v = vectors[m]; for (let k = 0; k < v.index.length; k++) c[v.index[k]] += v.value[k]; });
      for (const c of [ca, cb]) { let n = 0; for (let k = 0; k < dims; k++) n += c[k] * c[k]; n = Math.sqrt(n) || 1; for (let k = 0; k < dims; k++) c[k] /= n; }
    }
    const zero = members.filter((_, i) => side[i] === 0);
    const one = members.filter((_, i) => side[i] === 1);
    if (!zero.length || !one.length) { for (const m of members) paths[m] = path || '0'; return; }
    split(zero, path + '0');
    split(one, path + '1');
  };
  split(vocab.map((_, i) => i), '');
  return new Map(vocab.map((w, i) => [w, paths[i]]));
}
