/**
 * BILOU labels over the CoNLL types: B(egin), I(nside), L(ast), O(utside), U(nit). Spans decode without
 * ambiguity, and the decoder forbids impossible sequences (I-PER after O, B-ORG then L-LOC).
 */
export const TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type ConllType = (typeof TYPES)[number];

export const LABELS: string[] = ['O', ...TYPES.flatMap(t => ['B', 'I', 'L', 'U'].map(p => `${p}-${t}`))];
export const O = 0;
export const labelIndex = new Map(LABELS.map((l, i) => [l, i]));

const prefix = (label: number) => LABELS[label][0];
const typeOf = (label: number) => LABELS[label].slice(2);

/** Whether `next` may follow `prev` (-1: sentence start; `next` -1: sentence end). */
export function allowed(prev: number, next: number): boolean {
  const open = prev >= 0 && (prefix(prev) === 'B' || prefix(prev) === 'I');
  if (next < 0) return !open;
  const p = prefix(next);
  if (open) return (p === 'I' || p === 'L') && typeOf(next) === typeOf(prev);
  return p === 'O' || p === 'B' || p === 'U';
}

/** Entity spans (token index ranges, end exclusive) of a label sequence. */
export function spansOf(labels: number[]): { start: number; end: number; type: ConllType }[] {
  const spans: { start: number; end: number; type: ConllType }[] = [];
  let open = -1;
  labels.forEach((l, i) => {
    const p = LABELS[l][0];
    if (p === 'U') spans.push({ start: i, end: i + 1, type: typeOf(l) as ConllType });
    else if (p === 'B') open = i;
    else if (p === 'L' && open >= 0) { spans.push({ start: open, end: i + 1, type: typeOf(l) as ConllType }); open = -1; }
    else if (p === 'O') open = -1;
  });
  return spans;
}

/** BILOU labels from IOB2 tags (B-PER, I-PER, O) as CoNLL files write them. */
export function fromIob(tags: string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i];
    if (t === 'O') { out.push(O); continue; }
    const type = t.slice(2);
    const begins = t.startsWith('B-') || i === 0 || tags[i - 1] === 'O' || tags[i - 1].slice(2) !== type;
    const continues = i + 1 < tags.length && tags[i + 1] === `I-${type}`;
    const p = begins ? (continues ? 'B' : 'U') : continues ? 'I' : 'L';
    out.push(labelIndex.get(`${p}-${type}`)!);
  }
  return out;
}
