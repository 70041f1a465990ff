import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { makeAnchor } from '../../src/core/annotations/anchor';
import type { Annotation, AnnotationKind } from '../../src/core/annotations/model';
import { Corpus, type CorpusView } from '../../src/core/corpus';
import { ResolvedMention } from '../../src/core/corpus/resolvedMention';
import type { Mention } from '../../src/core/model';
import { readSample, sampleFiles } from './helpers';

// The corpus is kept up to date incrementally (an edit re-resolves only what depends on it). Whatever the
// sequence of changes, the result must be exactly what resolving the final articles from scratch gives.

/** Everything a view says, in a form that compares independently of the order entities were first seen. */
function snapshot(view: CorpusView): unknown {
  return {
    articles: [...view.articles.entries()].map(([path, a]) => ({
      path, text: a.text, mentions: a.mentions, quotes: a.quotes,
      annotations: a.annotations.map(p => ({ id: p.annotation.id, status: p.status, span: p.span })),
    })),
    entities: [...view.entities.values()].sort((a, b) => (a.id < b.id ? -1 : 1)).map(e => ({ ...e, forms: [...e.forms], titles: [...e.titles] })),
    events: view.events,
    mentionCounts: [...view.mentionCounts].map(([id, byPath]) => [id, [...byPath].sort()] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1)),
  };
}

function fromScratch(corpus: Corpus, annotations: Map<string, Annotation[]>): CorpusView {
  const fresh = new Corpus();
  for (const path of corpus.paths()) fresh.setArticle(path, corpus.resolve().articles.get(path)!.text, annotations.get(path) ?? []);
  return fresh.resolve();
}

const SNIPPETS = [
  'Larry Smith said the talks failed. ', 'Smith has said so. ', 'Officials at Hanoi Metropole Hotel waited. ', 'The Metropole Hotel closed. ',
  'Kim Yong Chol arrived on Wednesday. ', '"We will see," Trump said on Feb. 27, 2019. ', 'Donald J. Trump spoke. ', 'WPK officials met. ',
  "Workers' Party of Korea leaders left. ", 'Moore Has Won. ', 'Michael Moore Has a plan. ', 'North Korea said no. ', 'DPRK media said on Thursday. ',
  '"Yes," Smith said. ', 'Larry Q. Smith and Larry Q. Smith. ', '\n\n', 'Kim ', 'Trump ', 'Hillary Clinton and Bill Clinton, 2016. ', 'Clinton said "no" in 2016. ',
];

let counter = 0;
function annotation(kind: AnnotationKind, text: string, start: number, end: number, extra: Partial<Annotation> = {}): Annotation {
  const time = `2019-02-27T00:00:${String(counter % 60).padStart(2, '0')}.000Z`;
  return { id: `a${++counter}`, kind, links: {}, author: 't', created: time, updated: time, anchor: makeAnchor(text, { start, end }), ...extra };
}

type Op =
  | { op: 'insert'; article: number; at: number; snippet: number }
  | { op: 'delete'; article: number; at: number; length: number }
  | { op: 'remove'; article: number }
  | { op: 'annotate'; article: number; at: number; kind: number; link: number };

const KINDS: AnnotationKind[] = ['person', 'organisation', 'place', 'not-entity', 'event', 'quote', 'note'];
const LINKS = [undefined, 'person:kim-jong-un', 'person:donald-trump', 'org:new-thing'];

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('insert' as const), article: fc.nat({ max: 6 }), at: fc.nat(), snippet: fc.nat({ max: SNIPPETS.length - 1 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), article: fc.nat({ max: 6 }), at: fc.nat(), length: fc.nat({ max: 60 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('remove' as const), article: fc.nat({ max: 6 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('annotate' as const), article: fc.nat({ max: 6 }), at: fc.nat(), kind: fc.nat({ max: KINDS.length - 1 }), link: fc.nat({ max: LINKS.length - 1 }) }) },
);

describe('corpus: incremental resolution equals resolution from scratch', () => {
  const samples = sampleFiles().map(f => ({ path: f, text: readSample(f).slice(0, 2500) }));
  const extra = [{ path: 'z-short.txt', text: 'Larry Smith met Kim in Hanoi. Smith said "it went well" on Wednesday.' }, { path: 'y-empty.txt', text: '' }];
  const start = [...samples, ...extra];

  it('after any sequence of edits, removals, re-additions and annotations, resolving again in one step', function () {
    this.timeout(120_000); // a guard against a hang, not a time limit: it runs hundreds of resolves (7 s here, more on a busy machine)
    fc.assert(fc.property(fc.array(op, { minLength: 1, maxLength: 12 }), fc.boolean(), (ops, resolveEachStep) => {
      const corpus = new Corpus();
      const texts = new Map(start.map(a => [a.path, a.text]));
      const annotations = new Map<string, Annotation[]>();
      for (const [path, text] of texts) corpus.setArticle(path, text);
      corpus.resolve();
      for (const o of ops) {
        const path = start[o.article % start.length].path;
        const text = texts.get(path) ?? '';
        if (o.op === 'remove') { corpus.removeArticle(path); texts.delete(path); }
        else if (o.op === 'insert') {
          const at = text.length ? o.at % (text.length + 1) : 0;
          texts.set(path, text.slice(0, at) + SNIPPETS[o.snippet] + text.slice(at));
          corpus.setArticle(path, texts.get(path)!, annotations.get(path) ?? []);
        } else if (o.op === 'delete') {
          const at = text.length ? o.at % text.length : 0;
          texts.set(path, text.slice(0, at) + text.slice(at + o.length));
          corpus.setArticle(path, texts.get(path)!, annotations.get(path) ?? []);
        } else {
          const words = [...text.matchAll(/\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*)*/gu)];
          if (!words.length) continue;
          const w = words[o.at % words.length];
          const kind = KINDS[o.kind];
          const link = LINKS[o.link];
          const list = [...(annotations.get(path) ?? []), annotation(kind, text, w.index!, w.index! + w[0].length, link ? { links: kind === 'quote' ? { speaker: link } : { entityId: link } } : {})];
          annotations.set(path, list);
          texts.set(path, text);
          if (corpus.has(path)) corpus.setAnnotations(path, list);
          else corpus.setArticle(path, text, list);
        }
        if (resolveEachStep) corpus.resolve();
      }
      assert.deepEqual(snapshot(corpus.resolve()), snapshot(fromScratch(corpus, annotations)));
    }), { numRuns: 60, seed: 20261130 });
  });

  it('resolved in steps, paused anywhere and finished by the next change or by a reader, the same as from scratch', function () {
    this.timeout(120_000); // a guard against a hang, not a time limit
    fc.assert(fc.property(fc.array(fc.tuple(op, fc.nat({ max: 40 })), { minLength: 1, maxLength: 10 }), fc.nat({ max: 3 }), (ops, last) => {
      const corpus = new Corpus();
      const annotations = new Map<string, Annotation[]>();
      for (const a of start) corpus.setArticle(a.path, a.text);
      /** Starts a resolve in steps and does `n` of them: the rest is left under way. */
      const stepsOf = (n: number) => {
        const job = corpus.resolveInSteps();
        let left = n;
        const view = job.run(() => --left < 0);
        assert.equal(corpus.resolving, !view);
        return job;
      };
      let job = stepsOf(ops[0][1]);
      for (const [o, n] of ops) {
        const path = start[o.article % start.length].path;
        const text = corpus.textOf(path) ?? '';
        if (o.op === 'remove') corpus.removeArticle(path);
        else if (o.op === 'insert') corpus.setArticle(path, text.slice(0, o.at % (text.length + 1)) + SNIPPETS[o.snippet] + text.slice(o.at % (text.length + 1)), annotations.get(path) ?? []);
        else if (o.op === 'delete') corpus.setArticle(path, text.slice(0, text.length ? o.at % text.length : 0) + text.slice((text.length ? o.at % text.length : 0) + o.length), annotations.get(path) ?? []);
        else {
          const words = [...text.matchAll(/\p{Lu}[\p{L}.'’-]*/gu)];
          if (!words.length) continue;
          const w = words[o.at % words.length];
          const list = [...(annotations.get(path) ?? []), annotation(KINDS[o.kind], text, w.index!, w.index! + w[0].length)];
          annotations.set(path, list);
          if (corpus.has(path)) corpus.setAnnotations(path, list); else corpus.setArticle(path, text, list);
        }
        assert.equal(corpus.resolving, false, 'a change finishes the resolve under way');
        assert.ok(job.run(() => true), 'a job finished by a change gives the view');
        job = stepsOf(n);
      }
      // a reader finishes what is under way; or the job is run to its end; or a new one starts over it
      const whole = last === 0 ? corpus.resolve() : last === 1 ? job.run(() => false)! : last === 2 ? corpus.resolveInSteps().run(() => false)! : (corpus.lastChanges(), corpus.resolve());
      assert.equal(corpus.resolving, false);
      assert.deepEqual(snapshot(whole), snapshot(fromScratch(corpus, annotations)));
    }), { numRuns: 40, seed: 20261202 });
  });

  it('a resolve in steps pauses when asked, between steps, and gives the view of a resolve in one go', () => {
    const one = new Corpus(), inSteps = new Corpus();
    for (const a of start) { one.setArticle(a.path, a.text); inSteps.setArticle(a.path, a.text); }
    assert.equal(inSteps.unresolved, true, 'articles wait to be resolved');
    const job = inSteps.resolveInSteps();
    let pauses = 0, view;
    while (!(view = job.run(() => true))) { pauses++; assert.equal(inSteps.unresolved, true, 'under way'); }
    assert.equal(inSteps.unresolved, false);
    assert.ok(pauses > start.length * 4, `paused ${pauses} times: at least once per article in each pass`);
    assert.deepEqual(snapshot(view), snapshot(one.resolve()));
    assert.equal(inSteps.resolve(), view, 'nothing left to resolve');
    assert.deepEqual([...inSteps.lastChanges().articles], []);
  });

  it('a publication date set or an analysis handed over during a resolve in steps waits for the next resolve', () => {
    const hints = (path: string) => (path === 'z-short.txt' ? { user: '2019-03-01' } : path.startsWith('time') ? { file: '2018-06-12' } : {});
    const inSteps = new Corpus(), fresh = new Corpus();
    for (const a of start) { inSteps.setArticle(a.path, a.text); fresh.setPublished(a.path, hints(a.path)); fresh.setArticle(a.path, a.text); }
    const job = inSteps.resolveInSteps();
    let left = start.length + 2; // into the second pass: some articles resolved under their old dates
    assert.equal(job.run(() => --left < 0), undefined);
    for (const a of start) inSteps.setPublished(a.path, hints(a.path));
    const other = new Corpus();
    other.setArticle('elsewhere', 'Kim Yong Chol arrived on Wednesday.');
    inSteps.primeAnalysis(other.resolve().articles.get('elsewhere')!.analysis);
    assert.equal(inSteps.resolving, true, 'neither finishes the resolve under way');
    const first = job.run(() => false)!;
    assert.equal(first.articles.get('z-short.txt')!.analysis.published?.value, null, 'resolved under the dates it started with');
    assert.equal(inSteps.fingerprint('z-short.txt'), undefined, 'the article waits to be resolved again');
    assert.deepEqual(snapshot(inSteps.resolve()), snapshot(fresh.resolve()));
    assert.equal(inSteps.resolve().articles.get('z-short.txt')!.analysis.published?.value, '2019-03-01');
  });

  it('while a resolve in steps is under way, the last view keeps its articles and entities as they were', () => {
    const corpus = new Corpus();
    for (const a of start) corpus.setArticle(a.path, a.text);
    const last = corpus.resolve();
    const articles = new Map(last.articles), entities = new Map(last.entities);
    corpus.removeArticle(start[0].path);
    corpus.setArticle('z-short.txt', 'Larry Smith met Kim Jong Un and Mike Pompeo in Hanoi on Friday.');
    corpus.setArticle('x-new.txt', 'Mike Pompeo said "we are not there yet" in Hanoi.');
    const job = corpus.resolveInSteps();
    let view;
    while (!(view = job.run(() => true))) {
      assert.deepEqual([...last.articles], [...articles]);
      assert.deepEqual([...last.entities], [...entities]);
    }
    assert.notEqual(view.articles, last.articles);
    assert.ok(view.articles.has('x-new.txt') && !view.articles.has(start[0].path));
    assert.ok([...view.entities.keys()].some(id => !entities.has(id)), 'new entities, in the new view only');
  });

  it('what a resolve in steps changed is reported by the next resolve when a change or a reader finished it', () => {
    for (const finisher of ['change', 'reader'] as const) {
      const corpus = new Corpus();
      for (const a of start) corpus.setArticle(a.path, a.text);
      const job = corpus.resolveInSteps();
      let left = 3;
      assert.equal(job.run(() => --left < 0), undefined);
      if (finisher === 'change') corpus.setArticle('z-short.txt', 'Larry Smith met Kim in Hanoi on Friday.');
      else assert.deepEqual([...corpus.lastChanges().articles].sort(), start.map(a => a.path).sort());
      corpus.resolve();
      assert.deepEqual([...corpus.lastChanges().articles].sort(), start.map(a => a.path).sort(), finisher);
      corpus.resolve();
      assert.equal(corpus.lastChanges().articles.size, 0, 'reported once');
    }
  });

  it('a resolved mention reads every field of the article’s mention through, and resolving leaves that mention as it was', () => {
    const corpus = new Corpus();
    const text = readSample(sampleFiles()[0]);
    corpus.setArticle('a', text, []);
    const first = corpus.resolve().articles.get('a');
    const before = JSON.stringify(first!.analysis.mentions);
    assert.ok(first!.mentions.length > 20);
    for (const m of first!.mentions) {
      const of = (m as ResolvedMention).of;
      assert.ok(m instanceof ResolvedMention && of);
      for (const key of Object.keys(of) as (keyof Mention)[]) if (key !== 'entityId') assert.equal(m[key], of[key], key);
      if (m.type !== 'MISC') assert.ok(m.entityId, `${m.text}: an id`);
      assert.equal(of.entityId, undefined, 'the model’s mention keeps no id of the corpus’s');
    }
    assert.equal(JSON.stringify(first!.analysis.mentions), before);
  });

  it('an unchanged corpus resolves to the same view and reports no change', () => {
    const corpus = new Corpus();
    for (const a of start) corpus.setArticle(a.path, a.text);
    const first = corpus.resolve();
    assert.equal(corpus.resolve(), first);
    assert.equal(corpus.lastChanges().articles.size, 0);
  });

  it('an edit to one article re-resolves that article, not the others', () => {
    const corpus = new Corpus();
    for (const a of start) corpus.setArticle(a.path, a.text);
    const before = corpus.resolve();
    const views = new Map(before.articles);
    corpus.setArticle('z-short.txt', start.find(a => a.path === 'z-short.txt')!.text + ' The weather was fine.');
    const after = corpus.resolve();
    assert.deepEqual([...corpus.lastChanges().articles], ['z-short.txt']);
    for (const [path, view] of after.articles) if (path !== 'z-short.txt') assert.equal(view, views.get(path), path);
  });

  it('reports the entities an edit touched (counts included) and whether the events changed, nothing else', () => {
    const corpus = new Corpus();
    corpus.setArticle('a.txt', 'Chinedu Okonkwo arrived in Abuja on March 3, 2019.\n\nOkonkwo met the press.');
    corpus.setArticle('b.txt', 'Amara Nwosu spoke in Lagos.');
    const first = corpus.resolve();
    const okonkwo = first.articles.get('a.txt')!.mentions.find(m => m.text === 'Chinedu Okonkwo')!.entityId!;
    const nwosu = first.articles.get('b.txt')!.mentions.find(m => m.text === 'Amara Nwosu')!.entityId!;
    corpus.setArticle('a.txt', 'Chinedu Okonkwo arrived in Abuja on March 3, 2019.\n\nOkonkwo met the press. Okonkwo smiled.');
    corpus.resolve();
    const changes = corpus.lastChanges();
    assert.deepEqual([...changes.articles], ['a.txt']);
    assert.ok(changes.touched.has(okonkwo), 'one more mention of Okonkwo');
    assert.ok(!changes.touched.has(nwosu), 'Nwosu is not in the edited article');
    assert.ok(!changes.entities.has(okonkwo), 'his name did not change');
    assert.equal(changes.events, false, 'no event mention moved');
    corpus.setArticle('a.txt', 'Yesterday, Chinedu Okonkwo arrived in Abuja on March 3, 2019.\n\nOkonkwo met the press. Okonkwo left.');
    corpus.resolve();
    assert.equal(corpus.lastChanges().events, true, 'an event mention moved');
  });

  it('a new full name elsewhere reaches the articles that mention the family name alone', () => {
    const corpus = new Corpus();
    corpus.setArticle('a.txt', 'The minister said that Okonkwo would travel to Abuja on Monday.');
    corpus.setArticle('b.txt', 'Nothing happened here today.');
    corpus.resolve();
    corpus.setArticle('b.txt', 'Chinedu Okonkwo is the new minister.');
    const second = corpus.resolve();
    const lone = second.articles.get('a.txt')!.mentions.find(m => m.text === 'Okonkwo');
    assert.equal(lone?.type, 'PERSON');
    assert.equal(lone?.entityId, second.articles.get('b.txt')!.mentions.find(m => m.text === 'Chinedu Okonkwo')?.entityId);
    assert.ok(corpus.lastChanges().articles.has('a.txt'));
  });

  it('a quote in an unchanged article follows its speaker’s new canonical name', () => {
    const corpus = new Corpus();
    corpus.setArticle('a.txt', 'Chinedu Okonkwo arrived in Abuja.\n\n"We will see," Okonkwo said.');
    assert.equal(corpus.resolve().articles.get('a.txt')!.quotes[0].speaker?.name, 'Chinedu Okonkwo');
    corpus.setArticle('b.txt', 'Chinedu E. Okonkwo left. Later Chinedu E. Okonkwo spoke, and Chinedu E. Okonkwo ate.');
    assert.equal(corpus.resolve().articles.get('a.txt')!.quotes[0].speaker?.name, 'Chinedu E. Okonkwo');
  });
  it('removes a folder\'s articles, and no article whose name only begins like the folder', () => {
    const corpus = new Corpus();
    for (const path of ['file:///w/a.txt', 'file:///w/news/b.txt', 'file:///w/news/deep/c.txt', 'file:///w/newsroom.txt']) corpus.setArticle(path, 'Larry Smith said so.');
    corpus.resolve();
    assert.equal(corpus.removeUnder('file:///w/news'), true);
    assert.deepEqual(corpus.paths(), ['file:///w/a.txt', 'file:///w/newsroom.txt']);
    assert.deepEqual([...corpus.resolve().articles.keys()], ['file:///w/a.txt', 'file:///w/newsroom.txt']);
    assert.equal(corpus.removeUnder('file:///w/news'), false, 'nothing left there');
    assert.equal(corpus.removeUnder('file:///w/a.txt'), true, 'an article by its own path');
  });
});
