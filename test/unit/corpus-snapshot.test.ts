import * as assert from 'node:assert/strict';
import { makeAnchor } from '../../src/core/annotations/anchor';
import type { Annotation } from '../../src/core/annotations/model';
import { Corpus } from '../../src/core/corpus';
import { decodeSnapshot, encodeSnapshot, sameFingerprint, sameListing } from '../../src/core/corpus/snapshot';
import { readSample, sampleFiles } from './helpers';

// The lists a session leaves for the next (People, Organisations & Places with their counts per article) and
// the fingerprints that tell whether they still hold.

const LISTED = ['PERSON', 'ORG', 'PLACE'] as const;

function sampleCorpus(): Corpus {
  const corpus = new Corpus();
  for (const file of sampleFiles()) corpus.setArticle(`file:///news/${file}`, readSample(file));
  return corpus;
}

function fingerprints(corpus: Corpus): Map<string, string> {
  return new Map(corpus.paths().map(path => [path, corpus.fingerprint(path)!]));
}

const plain = (lists: { entities: ReadonlyMap<string, { id: string; type: string; name: string; forms: Map<string, number>; titles: Set<string> }>; mentionCounts: ReadonlyMap<string, ReadonlyMap<string, number>> }) =>
  [...lists.entities.values()].map(e => ({ ...e, forms: [...e.forms], titles: [...e.titles].sort(), counts: [...(lists.mentionCounts.get(e.id) ?? [])].sort() })).sort((a, b) => (a.id < b.id ? -1 : 1));

describe('the lists one session leaves for the next', () => {
  it('read back, they are the corpus\'s entities of the listed kinds with their counts per article, and nothing else', () => {
    const corpus = sampleCorpus();
    const view = corpus.resolve();
    const listed = [...corpus.paths(), 'file:///news/too-large.txt'];
    const snapshot = decodeSnapshot(encodeSnapshot(view, fingerprints(corpus), listed, LISTED));
    const expected = { entities: new Map([...view.entities].filter(([id, e]) => LISTED.includes(e.type as typeof LISTED[number]) && view.mentionCounts.get(id)?.size)), mentionCounts: view.mentionCounts };
    assert.ok(expected.entities.size > 20, `${expected.entities.size} entities`);
    assert.deepEqual(plain(snapshot), plain(expected));
    assert.ok([...snapshot.entities.values()].some(e => e.name === 'Kim Jong Un' && e.type === 'PERSON'));
    assert.ok(![...snapshot.entities.values()].some(e => e.type === 'DATE'), 'dates are not listed');
    assert.deepEqual(snapshot.unread, ['file:///news/too-large.txt']);
    assert.ok(sameListing(snapshot, [...listed].reverse()), 'the same files, in any order');
    assert.ok(!sameListing(snapshot, listed.slice(1)), 'a file gone');
    assert.ok(!sameListing(snapshot, [...listed, 'file:///news/new.txt']), 'a file more');
  });

  it('an article keeps its fingerprint while nothing it rests on changes, and gets another when its text, annotations or date do', () => {
    const corpus = sampleCorpus();
    corpus.resolve();
    const [path] = corpus.paths();
    const before = corpus.fingerprint(path)!;
    const snapshot = decodeSnapshot(encodeSnapshot(corpus.resolve(), fingerprints(corpus), corpus.paths(), LISTED));
    assert.ok(sameFingerprint(snapshot, path, before));

    const again = sampleCorpus(); // another session reading the same folder
    again.resolve();
    assert.equal(again.fingerprint(path), before);

    const text = corpus.textOf(path)!;
    corpus.setArticle(path, text + ' More news.');
    assert.equal(corpus.fingerprint(path), undefined, 'not resolved yet');
    corpus.resolve();
    assert.ok(!sameFingerprint(snapshot, path, corpus.fingerprint(path)), 'another text');

    corpus.setArticle(path, text);
    corpus.resolve();
    assert.ok(sameFingerprint(snapshot, path, corpus.fingerprint(path)), 'the text back as it was');

    const at = text.indexOf('Kim');
    const note: Annotation = { id: 'n1', kind: 'note', note: 'check', links: {}, author: 'me', created: '2026-12-01', updated: '2026-12-01', anchor: makeAnchor(text, { start: at, end: at + 3 }) };
    corpus.setAnnotations(path, [note]);
    corpus.resolve();
    assert.ok(!sameFingerprint(snapshot, path, corpus.fingerprint(path)), 'annotated');

    corpus.setAnnotations(path, []);
    corpus.setPublished(path, { user: '2001-01-01' });
    corpus.resolve();
    assert.ok(!sameFingerprint(snapshot, path, corpus.fingerprint(path)), 'another publication date');
    assert.ok(!sameFingerprint(snapshot, 'file:///news/unknown.txt', corpus.fingerprint(path)), 'an article the snapshot does not know');
  });

  it('a damaged or foreign file is refused, never half read', () => {
    const corpus = sampleCorpus();
    const encoded = encodeSnapshot(corpus.resolve(), fingerprints(corpus), corpus.paths(), LISTED);
    for (const bad of ['', 'null', '{}', encoded.slice(0, encoded.length / 2), encoded.replace('"format":2', '"format":99'), encoded.replace(/"articles":\["file[^"]*"/, '"articles":[7')]) {
      assert.throws(() => decodeSnapshot(bad), bad.slice(0, 40));
    }
    const counts = JSON.parse(encoded);
    counts.entities[0][5][0] = 99999; // an article number that is not there
    assert.throws(() => decodeSnapshot(JSON.stringify(counts)));
  });

  it('an entity named by an article without a fingerprint cannot be kept', () => {
    const corpus = sampleCorpus();
    const view = corpus.resolve();
    const some = fingerprints(corpus);
    some.delete(corpus.paths()[0]);
    assert.throws(() => encodeSnapshot(view, some, corpus.paths(), LISTED), /no fingerprint/);
  });

  it('the timeline is kept as grouped, when it is, and read back the same', () => {
    const corpus = sampleCorpus();
    const view = corpus.resolve();
    assert.equal(corpus.groupedEvents(), undefined, 'not grouped before something asks for the events');
    const events = view.events;
    assert.ok(events.length >= 3, `${events.length} events`);
    assert.equal(corpus.groupedEvents(), events, 'grouped once asked for');
    const snapshot = decodeSnapshot(encodeSnapshot(view, fingerprints(corpus), corpus.paths(), LISTED, corpus.groupedEvents()));
    assert.deepEqual(snapshot.events, events);
    assert.equal(decodeSnapshot(encodeSnapshot(view, fingerprints(corpus), corpus.paths(), LISTED)).events, undefined, 'none given, none kept');

    const [path] = corpus.paths();
    corpus.setArticle(path, corpus.textOf(path)! + ' The two leaders met again in Hanoi on Friday.');
    assert.equal(corpus.groupedEvents(), undefined, 'an article changed');
    corpus.resolve();
    assert.equal(corpus.groupedEvents(), undefined, 'resolved, its events not grouped again yet');
    corpus.resolve().events;
    assert.ok(corpus.groupedEvents());

    const damaged = JSON.parse(encodeSnapshot(view, fingerprints(corpus), corpus.paths(), LISTED, events));
    damaged.events[0][5][0] = 99999; // a mention in an article that is not there
    assert.throws(() => decodeSnapshot(JSON.stringify(damaged)), /damaged event/);
    damaged.events = [['only an id']];
    assert.throws(() => decodeSnapshot(JSON.stringify(damaged)), /damaged event/);
  });
});
