import { allowed, LABELS } from './labels';

const L = LABELS.length;
/** allowed transitions, precomputed: START is row L, END is column L. */
const ALLOWED = (() => {
  const a = new Uint8Array((L + 1) * (L + 1));
  for (let p = -1; p < L; p++) for (let q = -1; q < L; q++) {
    if (p === -1 && q === -1) continue;
    const ok = p === -1 ? allowed(-1, q) : q === -1 ? allowed(p, -1) : allowed(p, q);
    a[(p < 0 ? L : p) * (L + 1) + (q < 0 ? L : q)] = ok ? 1 : 0;
  }
  return a;
})();

/** For each label, the labels that may precede it (BILOU leaves about a third of the pairs). */
const PREDECESSORS: Int8Array[] = Array.from({ length: L }, (_, q) => Int8Array.from(Array.from({ length: L }, (_, p) => p).filter(p => ALLOWED[p * (L + 1) + q])));
/** All the predecessor lists end to end: label q's are at FROM[q] … FROM[q + 1]. */
const FROM = Int32Array.from({ length: L + 1 }, (_, q) => PREDECESSORS.slice(0, q).reduce((n, p) => n + p.length, 0));
const PRED = Int8Array.from(PREDECESSORS.flatMap(p => [...p]));

/** The transition scores in PRED's order, as float64 (the type they are added in); read again on every call, as training changes them. */
const predecessorTransitions = new Float64Array(PRED.length);

/**
 * Best label sequence under emission scores (n × L) and transition scores ((L+1) × (L+1), START = row L,
 * END = column L), never using a transition BILOU forbids.
 */
let scoreBuffer = new Float64Array(64 * L);
let backBuffer = new Int8Array(64 * L);

export function viterbi(emissions: Float32Array, n: number, transitions: Float32Array): number[] {
  if (n === 0) return [];
  if (scoreBuffer.length < n * L) { scoreBuffer = new Float64Array(2 * n * L); backBuffer = new Int8Array(2 * n * L); }
  const score = scoreBuffer;
  const back = backBuffer;
  const trans = predecessorTransitions;
  for (let q = 0; q < L; q++) for (let k = FROM[q]; k < FROM[q + 1]; k++) trans[k] = transitions[PRED[k] * (L + 1) + q];
  for (let q = 0; q < L; q++) score[q] = ALLOWED[L * (L + 1) + q] ? transitions[L * (L + 1) + q] + emissions[q] : -Infinity;
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * L;
    for (let q = 0; q < L; q++) {
      let best = -Infinity;
      let arg = 0;
      for (let k = FROM[q], end = FROM[q + 1]; k < end; k++) {
        const p = PRED[k];
        const s = score[prev + p] + trans[k];
        if (s > best) { best = s; arg = p; }
      }
      score[i * L + q] = best + emissions[i * L + q];
      back[i * L + q] = arg;
    }
  }
  let best = -Infinity;
  let last = 0;
  for (let q = 0; q < L; q++) {
    if (!ALLOWED[q * (L + 1) + L]) continue;
    const s = score[(n - 1) * L + q] + transitions[q * (L + 1) + L];
    if (s > best) { best = s; last = q; }
  }
  const labels = new Array<number>(n);
  labels[n - 1] = last;
  for (let i = n - 1; i > 0; i--) labels[i - 1] = back[i * L + labels[i]];
  return labels;
}
