import * as assert from 'node:assert/strict';
import type { Corpus, CorpusChanges, CorpusView } from '../../src/core/corpus';
import { Corpus as RealCorpus } from '../../src/core/corpus';
import { CorpusResolves, MAX_WAITING } from '../../src/vscode/corpusResolves';

// A scan's resolves (src/vscode/corpusResolves.ts): in slices, with the articles read meanwhile waiting for the
// end, and the scan reading only so far ahead of it.

const VIEW = { articles: new Map(), entities: new Map(), events: [], mentionCounts: new Map() } as unknown as CorpusView;
const NONE: CorpusChanges = { articles: new Set(), entities: new Set(), touched: new Set(), events: false };

/** The corpora held, finished after each test. */
const holding: Array<() => void> = [];

/** A corpus whose resolve in steps goes on until `finish()`. */
function heldCorpus() {
  let finished = false, resolving = false;
  const corpus = {
    get unresolved() { return !finished; },
    resolveInSteps: () => { resolving = true; return { run: () => (finished ? VIEW : undefined) }; },
    resolve: () => VIEW,
    lastChanges: () => NONE,
  } as unknown as Corpus;
  const finish = () => { finished = true; };
  holding.push(finish);
  return { corpus, finish, started: () => resolving };
}

const turn = () => new Promise<void>(resolve => setImmediate(resolve));

describe('the resolves of a scan', () => {
  // a failed assertion must not leave a resolve in slices turning for ever (mocha would not exit)
  afterEach(() => { for (const finish of holding.splice(0)) finish(); });
  it('brings an article read during a resolve in slices in once it is over, after the views are told', async () => {
    const held = heldCorpus();
    const order: string[] = [];
    const resolves = new CorpusResolves({ corpus: () => held.corpus, scanning: () => true, resolved: () => order.push('resolved'), notify: async () => { order.push('told'); } });
    const refresh = resolves.refresh(true);
    await turn();
    assert.ok(held.started());
    resolves.admit(() => order.push('brought'));
    await turn();
    assert.deepEqual([...order], [], 'nothing comes in while the resolve is under way');
    held.finish();
    await refresh;
    // `all` (the end of a scan): what came in meanwhile is resolved and told too
    assert.deepEqual([...order], ['resolved', 'told', 'brought', 'told']);
    resolves.admit(() => order.push('at once'));
    assert.equal(order.at(-1), 'at once', 'with no resolve under way an article comes in at once');
  });

  it('lets the scan read no further than MAX_WAITING articles ahead of the resolve', async () => {
    const held = heldCorpus();
    const resolves = new CorpusResolves({ corpus: () => held.corpus, scanning: () => true, resolved: () => undefined, notify: async () => undefined });
    const refresh = resolves.refresh();
    await turn();
    let brought = 0;
    for (let i = 0; i < MAX_WAITING - 1; i++) {
      await resolves.roomToRead();
      resolves.admit(() => brought++);
    }
    await resolves.roomToRead(); // one more is room
    resolves.admit(() => brought++);
    let room = false;
    void resolves.roomToRead().then(() => { room = true; });
    for (let i = 0; i < 5; i++) await turn();
    assert.equal(room, false, 'the scan waits once MAX_WAITING articles wait');
    assert.equal(brought, 0);
    held.finish();
    await refresh;
    for (let i = 0; i < 3; i++) await turn();
    assert.equal(room, true);
    assert.equal(brought, MAX_WAITING);
  });

  it('gives, during a scan, what the last resolve gave, and resolves at once otherwise', () => {
    const corpus = new RealCorpus();
    let scanning = true;
    const seen: CorpusChanges[] = [];
    const resolves = new CorpusResolves({ corpus: () => corpus, scanning: () => scanning, resolved: c => seen.push(c), notify: async () => undefined });
    corpus.setArticle('a.txt', 'Larry Smith said the talks failed.');
    const first = resolves.view();
    assert.ok(first.articles.has('a.txt'));
    corpus.setArticle('b.txt', 'Smith has said so.');
    assert.equal(resolves.view(), first, 'during a scan the last view stands');
    scanning = false;
    const second = resolves.view();
    assert.ok(second.articles.has('b.txt'));
    assert.deepEqual(seen.map(c => [...c.articles]), [['a.txt'], ['b.txt']]);
  });
});
