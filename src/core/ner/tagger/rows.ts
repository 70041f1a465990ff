import { LABELS } from './labels';

const L = LABELS.length;

/**
 * The model's weights by feature hash: a row of L int8 weights per feature. Tagging looks up a few rows per
 * token and adds them, in order, to the token's float32 scores.
 */
export class FeatureRows {
  /**
   * Open addressing, the hash beside its row + 1 (0: an empty slot), so that a probe reads one cache line.
   * Most lookups (bigrams, a new word's features) find nothing: `present`, a bit per top 20 bits of a hash
   * (128 KB, 5 % of its bits set), answers most of those without the table's megabyte.
   */
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly present = new Int32Array(1 << 15);
  /** The weight each int8 value stands for (times the scale, as a float32): rows are read as bytes. */
  private readonly values = new Float32Array(256);

  constructor(hashes: Uint32Array, private readonly weights: Int8Array, scale: number) {
    for (let v = -128; v < 128; v++) this.values[v + 128] = v * scale;
    let size = 1;
    while (size < hashes.length * 2) size <<= 1;
    this.mask = size - 1;
    this.slots = new Int32Array(2 * size);
    for (let i = 0; i < hashes.length; i++) {
      const h = hashes[i];
      let slot = h & this.mask;
      while (this.slots[2 * slot + 1] !== 0) slot = (slot + 1) & this.mask;
      this.slots[2 * slot] = h | 0;
      this.slots[2 * slot + 1] = i + 1;
      this.present[h >>> 17] |= 1 << ((h >>> 12) & 31);
    }
  }

  /** The weight row of a feature's hash, or -1. */
  rowOf(h: number): number {
    if (!(this.present[h >>> 17] & (1 << ((h >>> 12) & 31)))) return -1;
    const key = h | 0;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const row = this.slots[2 * slot + 1];
      if (row === 0) return -1;
      if (this.slots[2 * slot] === key) return row - 1;
    }
  }

  /** Adds rows[0 … count) (none where negative), one after the other, to the L scores at `at`. */
  addRows(into: Float32Array, at: number, rows: Int32Array, count: number): void {
    const w = this.weights;
    const values = this.values;
    for (let k = 0; k < count; k++) {
      const r = rows[k];
      if (r < 0) continue;
      const base = r * L;
      for (let q = 0; q < L; q++) into[at + q] += values[w[base + q] + 128];
    }
  }
}
