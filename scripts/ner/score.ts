import { spansOf, TYPES } from '../../src/core/ner/tagger/labels';

/** Exact-span precision, recall and F1 per type and overall, as conlleval counts them. */
export class SpanScore {
  private readonly counts = new Map<string, { tp: number; gold: number; pred: number }>();

  add(gold: number[], predicted: number[]): void {
    const g = spansOf(gold);
    const p = spansOf(predicted);
    const key = (s: { start: number; end: number; type: string }) => `${s.start}:${s.end}:${s.type}`;
    const gk = new Set(g.map(key));
    for (const t of [...TYPES, 'ALL']) if (!this.counts.has(t)) this.counts.set(t, { tp: 0, gold: 0, pred: 0 });
    for (const s of g) { this.counts.get(s.type)!.gold++; this.counts.get('ALL')!.gold++; }
    for (const s of p) {
      this.counts.get(s.type)!.pred++; this.counts.get('ALL')!.pred++;
      if (gk.has(key(s))) { this.counts.get(s.type)!.tp++; this.counts.get('ALL')!.tp++; }
    }
  }

  result(type: string): { p: number; r: number; f1: number; gold: number } {
    const c = this.counts.get(type) ?? { tp: 0, gold: 0, pred: 0 };
    const p = c.pred ? c.tp / c.pred : 0;
    const r = c.gold ? c.tp / c.gold : 0;
    return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, gold: c.gold };
  }

  /** F1 over PER, ORG and LOC only (the types the product highlights), pooled. */
  pooled(types: string[]): number {
    let tp = 0, gold = 0, pred = 0;
    for (const t of types) { const c = this.counts.get(t); if (c) { tp += c.tp; gold += c.gold; pred += c.pred; } }
    const p = pred ? tp / pred : 0, r = gold ? tp / gold : 0;
    return p + r ? (2 * p * r) / (p + r) : 0;
  }

  table(): string {
    const pct = (x: number) => (100 * x).toFixed(2).padStart(6);
    const rows = [...TYPES, 'ALL'].map(t => { const r = this.result(t); return `${t.padEnd(5)} precision ${pct(r.p)}  recall ${pct(r.r)}  F1 ${pct(r.f1)}  (${r.gold} entities)`; });
    rows.push(`PER+ORG+LOC F1 ${pct(this.pooled(['PER', 'ORG', 'LOC']))}`);
    return rows.join('\n');
  }
}
