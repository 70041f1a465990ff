/**
 * How many mentions of one entity each article has, as a read-only map from article path to count, held as
 * pairs of numbers (the article's number in the table, its count) sorted by article: 8 bytes a pair where a
 * Map of paths takes about 40, and the corpus holds one pair per entity and article that names it (412,693
 * at 10,000 articles). Iterated in the order articles were first numbered.
 */
export class ArticleCounts implements ReadonlyMap<string, number> {
  /** id, count, id, count…, sorted by id; `n` pairs used. */
  private pairs = new Int32Array(8);
  private n = 0;

  constructor(private readonly numbers: ArticleNumbers) {}

  get size(): number {
    return this.n;
  }

  /** Adds `by` (negative: takes away) to the article's count; an article whose count falls to zero leaves. */
  add(id: number, by: number): void {
    const i = this.find(id);
    if (i < this.n && this.pairs[2 * i] === id) {
      const count = this.pairs[2 * i + 1] + by;
      if (count) this.pairs[2 * i + 1] = count;
      else {
        this.pairs.copyWithin(2 * i, 2 * i + 2, 2 * this.n);
        this.n--;
      }
      return;
    }
    if (!by) return;
    if (2 * this.n + 2 > this.pairs.length) {
      const grown = new Int32Array(this.pairs.length * 2);
      grown.set(this.pairs);
      this.pairs = grown;
    }
    this.pairs.copyWithin(2 * i + 2, 2 * i, 2 * this.n);
    this.pairs[2 * i] = id;
    this.pairs[2 * i + 1] = by;
    this.n++;
  }

  /** The first pair whose id is not below `id` (binary search). */
  private find(id: number): number {
    let lo = 0, hi = this.n;
    // articles arrive in the order they are numbered: the end is where most go
    if (hi && this.pairs[2 * (hi - 1)] < id) return hi;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.pairs[2 * mid] < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  get(path: string): number | undefined {
    const id = this.numbers.idOf(path);
    if (id === undefined) return undefined;
    const i = this.find(id);
    return i < this.n && this.pairs[2 * i] === id ? this.pairs[2 * i + 1] : undefined;
  }

  has(path: string): boolean {
    return this.get(path) !== undefined;
  }

  *entries(): MapIterator<[string, number]> {
    for (let i = 0; i < this.n; i++) yield [this.numbers.pathOf(this.pairs[2 * i]), this.pairs[2 * i + 1]];
  }

  *keys(): MapIterator<string> {
    for (let i = 0; i < this.n; i++) yield this.numbers.pathOf(this.pairs[2 * i]);
  }

  *values(): MapIterator<number> {
    for (let i = 0; i < this.n; i++) yield this.pairs[2 * i + 1];
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }

  forEach(f: (count: number, path: string, map: ReadonlyMap<string, number>) => void): void {
    for (const [path, count] of this.entries()) f(count, path, this);
  }
}

/** Numbers for article paths, given once and kept: a path's number never changes, nor stands for another path. */
export class ArticleNumbers {
  private readonly ids = new Map<string, number>();
  private readonly paths: string[] = [];

  idOf(path: string): number | undefined {
    return this.ids.get(path);
  }

  number(path: string): number {
    let id = this.ids.get(path);
    if (id === undefined) this.ids.set(path, (id = this.paths.push(path) - 1));
    return id;
  }

  pathOf(id: number): string {
    return this.paths[id];
  }
}
