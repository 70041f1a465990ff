import * as assert from 'node:assert/strict';
import { ArticleCounts, ArticleNumbers } from '../../src/core/corpus/articleCounts';

describe('an entity’s mention counts by article (ArticleCounts)', () => {
  it('says what a Map of paths would, through any adds and takes in any order', () => {
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const numbers = new ArticleNumbers();
    const paths = Array.from({ length: 60 }, (_, i) => `file:///a/${(i * 37) % 60}.txt`);
    const counts = new ArticleCounts(numbers);
    const model = new Map<string, number>();
    for (let step = 0; step < 4000; step++) {
      const path = paths[random(paths.length)];
      const have = model.get(path) ?? 0;
      const by = have && random(3) === 0 ? -have : random(2) ? random(5) + 1 : -Math.min(have, random(3));
      counts.add(numbers.number(path), by);
      if (have + by) model.set(path, have + by); else model.delete(path);
      if (step % 97 === 0 || step === 3999) {
        assert.equal(counts.size, model.size);
        assert.deepEqual([...counts].sort(), [...model].sort());
        assert.deepEqual([...counts.keys()].sort(), [...model.keys()].sort());
        for (const p of paths) { assert.equal(counts.get(p), model.get(p)); assert.equal(counts.has(p), model.has(p)); }
      }
    }
    assert.equal(counts.get('file:///never.txt'), undefined);
  });

  it('lists articles in the order they were numbered, whatever order their counts came in', () => {
    const numbers = new ArticleNumbers();
    for (const p of ['a', 'b', 'c', 'd']) numbers.number(p);
    const counts = new ArticleCounts(numbers);
    for (const p of ['d', 'b', 'a', 'c']) counts.add(numbers.number(p), 2);
    counts.add(numbers.number('b'), -2);
    assert.deepEqual([...counts.entries()], [['a', 2], ['c', 2], ['d', 2]]);
    const seen: string[] = [];
    counts.forEach((n, p) => seen.push(`${p}${n}`));
    assert.deepEqual(seen, ['a2', 'c2', 'd2']);
    assert.deepEqual([...counts.values()], [2, 2, 2]);
  });
});
