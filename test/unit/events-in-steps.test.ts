import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { Corpus } from '../../src/core/corpus';
import { readSample, sampleFiles } from './helpers';

// The Events view of a large corpus groups the events a step at a time (Corpus.groupEventsInSteps), the
// extension host answering between steps. Whatever happens between the steps (an edit, a resolve, a reader),
// the events must be exactly those a corpus resolved from scratch gives.

const SNIPPETS = [
  'Trump met Kim Jong Un in Hanoi on Feb. 27, 2019. ', 'The summit ended on Thursday. ', 'Pompeo visited Pyongyang in 2018. ',
  'North Korea tested a missile on July 4, 2017. ', 'The talks collapsed. ', '\n\n', 'Moon Jae-in met Kim on April 27, 2018. ',
];

describe('events grouped in steps', () => {
  const start = sampleFiles().map(f => ({ path: f, text: readSample(f).slice(0, 4000) }));
  const fromScratch = (corpus: Corpus) => {
    const fresh = new Corpus();
    for (const path of corpus.paths()) fresh.setArticle(path, corpus.textOf(path)!);
    return fresh.resolve().events;
  };

  it('pause between steps (once per kind at least) and give the events of a grouping in one go', () => {
    const inSteps = new Corpus(), one = new Corpus();
    for (const a of start) { inSteps.setArticle(a.path, a.text); one.setArticle(a.path, a.text); }
    const view = inSteps.resolve();
    const job = inSteps.groupEventsInSteps();
    assert.ok(job, 'the events wait to be grouped');
    let pauses = 0, grouped;
    while (!(grouped = job.run(() => true))) pauses++;
    const kinds = new Set(one.resolve().events.map(e => e.eventId.split(':')[0]));
    assert.ok(pauses >= 2, `paused ${pauses} times (${kinds.size} kinds of event)`);
    assert.equal(inSteps.groupEventsInSteps(), undefined, 'nothing left to group');
    assert.ok(view.events.length > 0, 'the sample corpus tells events');
    assert.deepEqual(view.events, one.resolve().events);
    assert.equal(grouped, view.events, 'the job gives the events as grouped');
    assert.equal(job.run(() => true), grouped, 'a finished job stays finished');
  });

  it('a reader of the events finishes a grouping under way', () => {
    const corpus = new Corpus();
    for (const a of start) corpus.setArticle(a.path, a.text);
    const view = corpus.resolve();
    const job = corpus.groupEventsInSteps()!;
    assert.equal(job.run(() => true), undefined, 'paused after its first step');
    const events = view.events;
    assert.deepEqual(events, fromScratch(corpus));
    assert.equal(job.run(() => true), events, 'finished by the reader');
    assert.equal(view.events, events, 'grouped once');
  });

  it('kinds changed during a grouping in steps wait for the next grouping', () => {
    const corpus = new Corpus();
    for (const a of start) corpus.setArticle(a.path, a.text);
    corpus.resolve();
    const job = corpus.groupEventsInSteps()!;
    job.run(() => true);
    const { path, text } = start[0];
    corpus.setArticle(path, `${SNIPPETS[3]}${text}`); // a missile test: a kind of event
    const view = corpus.resolve();
    let grouped;
    while (!(grouped = job.run(() => true)));
    const next = corpus.groupEventsInSteps();
    assert.ok(next, 'the changed kind waits to be grouped');
    assert.notDeepEqual(grouped, fromScratch(corpus), 'the first grouping did not see the change');
    while (!next.run(() => true));
    assert.deepEqual(view.events, fromScratch(corpus));
  });

  it('paused anywhere, with edits, removals and resolves (in one go or in steps) between the steps, the same as from scratch', function () {
    this.timeout(120_000); // a guard against a hang, not a time limit
    const step = fc.record({
      article: fc.nat({ max: start.length - 1 }), at: fc.nat(), snippet: fc.nat({ max: SNIPPETS.length - 1 }), remove: fc.boolean(),
      groupSteps: fc.nat({ max: 12 }), resolveSteps: fc.option(fc.nat({ max: 30 })),
    });
    fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 8 }), fc.nat({ max: 2 }), (ops, last) => {
      const corpus = new Corpus();
      for (const a of start) corpus.setArticle(a.path, a.text);
      corpus.resolve();
      for (const o of ops) {
        const job = corpus.groupEventsInSteps();
        let left = o.groupSteps;
        job?.run(() => --left < 0);
        const { path, text } = start[o.article];
        if (o.remove && corpus.has(path)) corpus.removeArticle(path);
        else {
          const now = corpus.textOf(path) ?? text;
          const at = o.at % (now.length + 1);
          corpus.setArticle(path, now.slice(0, at) + SNIPPETS[o.snippet] + now.slice(at));
        }
        if (o.resolveSteps === null) corpus.resolve();
        else { let n = o.resolveSteps; corpus.resolveInSteps().run(() => --n < 0); }
      }
      // the last grouping run to its end, or read, or started again over one under way
      const view = corpus.resolve();
      if (last === 0) { const job = corpus.groupEventsInSteps(); if (job) while (!job.run(() => false)); }
      else if (last === 1) corpus.groupEventsInSteps()?.run(() => true);
      assert.deepEqual(view.events, fromScratch(corpus));
      assert.equal(corpus.groupEventsInSteps(), undefined, 'grouped');
    }), { numRuns: 40, seed: 20261202 });
  });
});
