import * as assert from 'node:assert/strict';
import { Corpus } from '../../src/core/corpus';

// An article's resolved mentions are held as entity ids beside its own mentions and made when read
// (src/core/corpus/resolvedMention.ts): the same list while the article is among the last read, an equal one after.

const plain = (mentions: readonly { start: number; end: number; text: string; type: string; entityId?: string }[]) =>
  mentions.map(m => ({ start: m.start, end: m.end, text: m.text, type: m.type, entityId: m.entityId }));

describe('resolved mentions made when read', () => {
  it('are the same list when read again, and an equal one once many other articles were read', () => {
    const corpus = new Corpus();
    corpus.setArticle('a.txt', 'Larry Smith met Kim Jong Un in Hanoi on Feb. 27, 2019. Smith said little.');
    for (let i = 0; i < 300; i++) corpus.setArticle(`other-${i}.txt`, `Officials in Hanoi ${i} said Larry Smith left.`);
    const view = corpus.resolve();
    const a = view.articles.get('a.txt')!;
    const first = a.mentions;
    assert.equal(a.mentions, first, 'read again at once: the same list');
    const smith = first.filter(m => m.text === 'Larry Smith' || m.text === 'Smith');
    assert.equal(smith.length, 2);
    assert.ok(smith[0].entityId && smith.every(m => m.entityId === smith[0].entityId), 'the family name is the full name');
    for (const other of view.articles.values()) assert.ok(other.mentions.length > 0);
    const again = a.mentions;
    assert.notEqual(again, first, 'made again after 300 other articles were read');
    assert.deepEqual(plain(again), plain(first));
  });

  it('give each mention the id the corpus counts it under', () => {
    const corpus = new Corpus();
    corpus.setArticle('a.txt', 'Larry Smith met Kim Jong Un in Hanoi on Feb. 27, 2019. "We will see," Smith said.');
    corpus.setArticle('b.txt', 'Kim Jong Un and Larry Smith arrived in Hanoi.');
    const view = corpus.resolve();
    assert.ok(new Set(view.articles.get('a.txt')!.mentions.map(m => m.entityId)).size >= 3, 'several entities in one article');
    for (const [path, article] of view.articles) {
      const counted = new Map<string, number>();
      for (const m of article.mentions) if (m.entityId) counted.set(m.entityId, (counted.get(m.entityId) ?? 0) + 1);
      for (const [id, n] of counted) assert.equal(view.mentionCounts.get(id)?.get(path), n, `${path}: ${id}`);
    }
    assert.equal(view.articles.get('a.txt')!.quotes[0].speaker?.entityId, view.articles.get('a.txt')!.mentions[0].entityId);
  });
});
