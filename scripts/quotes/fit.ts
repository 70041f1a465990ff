// Fitting the speaker model: a log-linear ranking of each quote's candidates (softmax), trained by AdaGrad on
// the marginal likelihood of the right candidates with an L2 penalty, and isotonic calibration of the
// winner's probability. Deterministic for a seed.

/** One quote for training: its candidates as feature indices, and which candidates are right. */
export interface Example {
  candidates: Int32Array[];
  right: boolean[];
  /** Whom each candidate stands for: candidates of one speaker pool their probability. */
  keys: string[];
}

export interface FitOptions {
  epochs: number;
  l2: number;
  rate: number;
  seed: number;
}

/** A small, seeded generator (xorshift32): the same seed, the same order. */
export function seeded(seed: number): () => number {
  let x = (seed >>> 0) || 0x9e3779b9;
  return () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The softmax over an example's candidates under the weights. */
export function predict(w: Float64Array, e: Example): number[] {
  const s = e.candidates.map(f => { let v = 0; for (const k of f) v += w[k]; return v; });
  const max = Math.max(...s);
  const x = s.map(v => Math.exp(v - max));
  const sum = x.reduce((a, b) => a + b, 0);
  return x.map(v => v / sum);
}

/** Weights that rank the right candidates first: the examples without any right candidate teach nothing. */
export function fit(examples: readonly Example[], features: number, o: FitOptions): Float64Array {
  const w = new Float64Array(features);
  const g2 = new Float64Array(features).fill(1e-8);
  const usable = examples.filter(e => e.right.some(Boolean));
  const random = seeded(o.seed);
  const grad = new Map<number, number>();
  const scale = o.l2 / usable.length;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (const e of shuffled(usable, random)) {
      const p = predict(w, e);
      const mass = p.reduce((n, v, i) => n + (e.right[i] ? v : 0), 0);
      grad.clear();
      // d(-log Σ_right p) / d score_i = p_i − p_i·[right]/mass
      e.candidates.forEach((f, i) => {
        const d = p[i] - (e.right[i] ? p[i] / mass : 0);
        if (d) for (const k of f) grad.set(k, (grad.get(k) ?? 0) + d);
      });
      for (const [k, d] of grad) {
        const g = d + scale * w[k];
        g2[k] += g * g;
        w[k] -= (o.rate * g) / Math.sqrt(g2[k]);
      }
    }
  }
  return w;
}

/**
 * Isotonic regression of being right on the predicted probability (pool adjacent violators): the calibration
 * curve at the blocks' mean probabilities. Each block's share is smoothed with one right and one wrong added
 * (a block of three all right says 80 %, not 100 %), kept rising.
 */
export function isotonic(points: readonly { p: number; right: boolean }[]): { x: number[]; y: number[] } {
  const sorted = [...points].sort((a, b) => a.p - b.p);
  const blocks: { p: number; y: number; n: number }[] = [];
  for (const pt of sorted) {
    blocks.push({ p: pt.p, y: pt.right ? 1 : 0, n: 1 });
    while (blocks.length > 1 && blocks[blocks.length - 2].y / blocks[blocks.length - 2].n >= blocks[blocks.length - 1].y / blocks[blocks.length - 1].n) {
      const b = blocks.pop()!;
      const a = blocks[blocks.length - 1];
      a.p += b.p; a.y += b.y; a.n += b.n;
    }
  }
  const x: number[] = [], y: number[] = [];
  let floor = 0;
  for (const b of blocks) {
    floor = Math.max(floor, (b.y + 1) / (b.n + 2));
    x.push(b.p / b.n);
    y.push(floor);
  }
  return { x, y };
}

/** Expected calibration error over bands of confidence (below 50 %, then by tens, 90–95 and 95–100), and the bands. */
export function reliability(points: readonly { p: number; right: boolean }[], edges = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0001]): { ece: number; bands: { from: number; to: number; n: number; said: number; right: number }[] } {
  const bands = edges.slice(0, -1).map((from, i) => ({ from, to: Math.min(1, edges[i + 1]), n: 0, said: 0, right: 0 }));
  for (const pt of points) {
    const b = bands.find(x => pt.p >= x.from && pt.p < (x.to >= 1 ? 1.0001 : x.to))!;
    b.n++; b.said += pt.p; b.right += pt.right ? 1 : 0;
  }
  const total = points.length || 1;
  const ece = bands.reduce((e, b) => e + (b.n ? (b.n / total) * Math.abs(b.said / b.n - b.right / b.n) : 0), 0);
  return { ece, bands };
}
