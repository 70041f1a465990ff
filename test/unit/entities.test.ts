import * as assert from 'node:assert/strict';
import { makeAnchor } from '../../src/core/annotations/anchor';
import type { Annotation, AnnotationKind } from '../../src/core/annotations/model';
import { Corpus, type CorpusView } from '../../src/core/corpus';
import type { Mention } from '../../src/core/model';
import { nth } from './helpers';

function annotation(id: string, kind: AnnotationKind, text: string, start: number, end: number, extra: Partial<Annotation> = {}): Annotation {
  return { id, kind, links: {}, author: 'tester', created: '2019-02-27T00:00:00.000Z', updated: '2019-02-27T00:00:00.000Z', anchor: makeAnchor(text, { start, end }), ...extra };
}

function resolve(articles: Record<string, string>, annotations: Record<string, Annotation[]> = {}): CorpusView {
  const corpus = new Corpus();
  for (const [path, text] of Object.entries(articles)) corpus.setArticle(path, text, annotations[path] ?? []);
  return corpus.resolve();
}

/** The mention that starts at `start` in `path` (the most specific type when several start there). */
function mentionAt(view: CorpusView, path: string, start: number): Mention {
  const m = view.articles.get(path)!.mentions.find(x => x.start === start && x.type !== 'DATE');
  assert.ok(m, `no mention at ${start} in ${path}: ${JSON.stringify(view.articles.get(path)!.mentions.map(x => [x.text, x.start]))}`);
  return m;
}

describe('entities: resolveEntities through Corpus', () => {
  it('"Donald Trump … Trump" and "Donald J. Trump … Mr. Trump" in two articles share one entityId', () => {
    const a = 'Donald Trump arrived in Hanoi on Tuesday. Trump met reporters at the hotel.';
    const b = 'Donald J. Trump spoke in Hanoi. Mr. Trump said the talks went well.';
    const view = resolve({ 'a.txt': a, 'b.txt': b });
    const ids = [
      mentionAt(view, 'a.txt', 0),
      mentionAt(view, 'a.txt', nth(a, 'Trump', 1)),
      mentionAt(view, 'b.txt', 0),
      mentionAt(view, 'b.txt', nth(b, 'Trump', 1)),
    ];
    assert.deepEqual(ids.map(m => m.text), ['Donald Trump', 'Trump', 'Donald J. Trump', 'Trump']);
    assert.deepEqual(ids.map(m => m.type), ['PERSON', 'PERSON', 'PERSON', 'PERSON']);
    const id = ids[0].entityId;
    assert.ok(id?.startsWith('person:'), String(id));
    for (const m of ids) assert.equal(m.entityId, id);
    const entity = view.entities.get(id!)!;
    assert.equal(entity.type, 'PERSON');
    assert.deepEqual([...entity.forms.keys()].sort(), ['Donald J. Trump', 'Donald Trump', 'Trump']);
    assert.ok(['Donald Trump', 'Donald J. Trump'].includes(entity.name), entity.name);
    // and nobody else became that person
    const people = [...view.entities.values()].filter(e => e.type === 'PERSON');
    assert.equal(people.length, 1, JSON.stringify(people.map(p => p.name)));
  });

  it('"Kim Jong Un … Kim Yong Chol … Kim": the lone "Kim" is Kim Jong Un', () => {
    const text = 'North Korean leader Kim Jong Un arrived by train. Kim Yong Chol, a senior official, came with him. Later, Kim met the press.';
    const view = resolve({ 'a.txt': text });
    const leader = mentionAt(view, 'a.txt', nth(text, 'Kim Jong Un'));
    const official = mentionAt(view, 'a.txt', nth(text, 'Kim Yong Chol'));
    const kim = mentionAt(view, 'a.txt', nth(text, 'Kim met'));
    assert.equal(kim.text, 'Kim');
    assert.notEqual(leader.entityId, official.entityId);
    assert.equal(kim.entityId, leader.entityId);
    assert.equal(view.entities.get(kim.entityId!)?.name, 'Kim Jong Un');
  });

  it('a lone family name follows the most salient full name of its own article, not of the corpus', () => {
    const a = 'Kim Yong Chol flew in first. North Korean leader Kim Jong Un arrived later. Kim Jong Un waved. Kim smiled.';
    const b = 'Kim Yong Chol met Mike Pompeo. Kim Yong Chol then met Mick Mulvaney. Kim Yong Chol left. Kim returned.';
    const view = resolve({ 'a.txt': a, 'b.txt': b });
    const leader = mentionAt(view, 'a.txt', nth(a, 'Kim Jong Un'));
    const official = mentionAt(view, 'b.txt', 0);
    assert.equal(mentionAt(view, 'a.txt', nth(a, 'Kim smiled')).entityId, leader.entityId);
    assert.equal(mentionAt(view, 'b.txt', nth(b, 'Kim returned')).entityId, official.entityId);
  });

  it('DPRK = North Korea = Democratic People\'s Republic of Korea', () => {
    const a = 'Officials of the DPRK met in Hanoi. North Korea sent a large delegation.';
    const b = "The Democratic People's Republic of Korea sent its leader to Hanoi.";
    const view = resolve({ 'a.txt': a, 'b.txt': b });
    const forms = [mentionAt(view, 'a.txt', nth(a, 'DPRK')), mentionAt(view, 'a.txt', nth(a, 'North Korea')), mentionAt(view, 'b.txt', nth(b, 'Democratic'))];
    assert.deepEqual(forms.map(m => m.type), ['PLACE', 'PLACE', 'PLACE']);
    assert.equal(new Set(forms.map(m => m.entityId)).size, 1);
    assert.equal(view.entities.get(forms[0].entityId!)?.name, 'North Korea');
    // Hanoi stays its own place
    assert.notEqual(mentionAt(view, 'a.txt', nth(a, 'Hanoi')).entityId, forms[0].entityId);
  });

  it('"Metropole Hotel" = "Sofitel Legend Metropole Hotel", named by the longer form', () => {
    const a = 'Donald Trump met reporters at the Metropole Hotel in Hanoi.';
    const b = 'Kim Jong Un and Donald Trump shook hands at the Sofitel Legend Metropole Hotel in Hanoi.';
    const view = resolve({ 'a.txt': a, 'b.txt': b });
    const short = mentionAt(view, 'a.txt', nth(a, 'Metropole Hotel'));
    const long = mentionAt(view, 'b.txt', nth(b, 'Sofitel Legend Metropole Hotel'));
    assert.equal(short.text, 'Metropole Hotel');
    assert.equal(long.text, 'Sofitel Legend Metropole Hotel');
    assert.equal(short.type, 'PLACE');
    assert.equal(short.entityId, long.entityId);
    assert.equal(view.entities.get(long.entityId!)?.name, 'Sofitel Legend Metropole Hotel');
  });

  it('different people with the same family name stay apart across articles', () => {
    const view = resolve({ 'a.txt': 'Kim Jong Un arrived.', 'b.txt': 'Kim Yong Chol arrived.', 'c.txt': 'Ri Yong Ho arrived.' });
    const ids = ['a.txt', 'b.txt', 'c.txt'].map(p => mentionAt(view, p, 0).entityId);
    assert.equal(new Set(ids).size, 3, JSON.stringify(ids));
  });

  it('the same text gives the same ids whatever the order the articles were added in', () => {
    const a = 'Donald Trump met Kim Jong Un in Hanoi. Trump smiled.';
    const b = 'Kim Jong Un met Donald Trump at the Metropole Hotel. Kim smiled.';
    const one = new Corpus();
    one.setArticle('a.txt', a);
    one.setArticle('b.txt', b);
    const two = new Corpus();
    two.setArticle('b.txt', b);
    two.setArticle('a.txt', a);
    const ids = (v: CorpusView) => [...v.articles.values()].map(x => x.mentions.map(m => `${m.start}:${m.entityId}`));
    assert.deepEqual(ids(one.resolve()), ids(two.resolve()));
  });
});

describe('entities: user annotations override the model', () => {
  it('a person annotation with links.entityId replaces the model\'s mention there (origin user)', () => {
    const text = 'Donald Trump met Kim Jong Un in Hanoi. Later the chairman spoke to Trump.';
    const start = nth(text, 'the chairman');
    const end = start + 'the chairman'.length;
    const view = resolve({ 'a.txt': text }, { 'a.txt': [annotation('a-1', 'person', text, start, end, { links: { entityId: 'person:kim-jong-un' } })] });
    const mentions = view.articles.get('a.txt')!.mentions;
    const user = mentions.filter(m => m.origin === 'user');
    assert.equal(user.length, 1);
    assert.deepEqual({ start: user[0].start, end: user[0].end, text: user[0].text, type: user[0].type, entityId: user[0].entityId, annotationId: user[0].annotationId },
      { start, end, text: 'the chairman', type: 'PERSON', entityId: 'person:kim-jong-un', annotationId: 'a-1' });
    // the user's link joins the model's Kim Jong Un
    assert.equal(mentionAt(view, 'a.txt', nth(text, 'Kim Jong Un')).entityId, 'person:kim-jong-un');
    assert.ok(view.entities.get('person:kim-jong-un')!.forms.has('the chairman'));
  });

  it('linking a description to a person does not rename the person', () => {
    // the user marks "the North Korean leader" as Kim Jong Un: a new form of his, not his new name
    const text = 'Kim Jong Un met Donald Trump in Hanoi. Later the North Korean leader spoke to reporters.';
    const start = nth(text, 'the North Korean leader');
    const view = resolve({ 'a.txt': text }, { 'a.txt': [annotation('a-1', 'person', text, start, start + 'the North Korean leader'.length, { links: { entityId: 'person:kim-jong-un' } })] });
    const kim = view.entities.get('person:kim-jong-un')!;
    assert.ok(kim.forms.has('the North Korean leader'));
    assert.equal(kim.name, 'Kim Jong Un');
  });

  it('a person annotation on a model mention replaces it: the user corrects which Kim a lone "Kim" is', () => {
    const text = 'North Korean leader Kim Jong Un met Donald Trump. Kim Yong Chol joined them. Kim sat at the end of the table.';
    const start = nth(text, 'Kim sat');
    const end = start + 'Kim'.length;
    const before = resolve({ 'a.txt': text });
    assert.equal(mentionAt(before, 'a.txt', start).entityId, 'person:kim-jong-un', 'precondition: the model takes the lone Kim for the leader');
    const view = resolve({ 'a.txt': text }, { 'a.txt': [annotation('a-1', 'person', text, start, end, { links: { entityId: 'person:kim-yong-chol' } })] });
    const there = view.articles.get('a.txt')!.mentions.filter(m => m.start < end && start < m.end);
    assert.equal(there.length, 1, JSON.stringify(there));
    assert.equal(there[0].origin, 'user');
    assert.equal(there[0].annotationId, 'a-1');
    assert.equal(there[0].entityId, 'person:kim-yong-chol');
    // the rest of the article is untouched
    assert.equal(mentionAt(view, 'a.txt', nth(text, 'Kim Jong Un')).entityId, 'person:kim-jong-un');
    assert.equal(mentionAt(view, 'a.txt', nth(text, 'Kim Yong Chol')).entityId, 'person:kim-yong-chol');
    assert.equal(view.entities.get('person:kim-yong-chol')?.name, 'Kim Yong Chol');
  });

  it('a place annotation retypes a model PERSON', () => {
    const text = 'The delegation arrived from Lang Son on Tuesday. Donald Trump met them.';
    const start = nth(text, 'Lang Son');
    const end = start + 'Lang Son'.length;
    const before = resolve({ 'a.txt': text });
    assert.equal(mentionAt(before, 'a.txt', start).type, 'PERSON', 'precondition: the model takes "Lang Son" for a person');
    const view = resolve({ 'a.txt': text }, { 'a.txt': [annotation('a-1', 'place', text, start, end, { label: 'Lang Son' })] });
    const m = mentionAt(view, 'a.txt', start);
    assert.equal(m.type, 'PLACE');
    assert.equal(m.origin, 'user');
    assert.equal(m.entityId, 'place:lang-son');
    assert.ok(!view.articles.get('a.txt')!.mentions.some(x => x.type === 'PERSON' && x.start < end && start < x.end));
    assert.equal(view.entities.get('place:lang-son')?.type, 'PLACE');
  });

  it('an orphaned annotation changes nothing but is still listed', () => {
    const text = 'Donald Trump met Kim Jong Un in Hanoi.';
    const other = 'Kim Yong Chol was there too.';
    const a = annotation('a-1', 'person', other, 0, 13, { links: { entityId: 'person:kim-yong-chol' } });
    const view = resolve({ 'a.txt': text }, { 'a.txt': [a] });
    const article = view.articles.get('a.txt')!;
    assert.equal(article.mentions.filter(m => m.origin === 'user').length, 0);
    assert.equal(article.annotations.length, 1);
    assert.equal(article.annotations[0].status, 'orphaned');
  });
});

describe('corrections of quotations: the sidecar wins over the model', () => {
  const text = 'Donald Trump met Kim Jong Un in Hanoi. “We will see,” Trump said. The banner read “peace”.';
  const start = nth(text, '“We will see,”');
  const end = start + '“We will see,”'.length;

  it('a quote annotation over the model’s quote reassigns the speaker; its words are read without the marks', () => {
    const view = resolve({ 'a.txt': text }, { 'a.txt': [annotation('q1', 'quote', text, start, end, { links: { speaker: 'person:kim-jong-un' } })] });
    const quotes = view.articles.get('a.txt')!.quotes.filter(q => q.start === start);
    assert.equal(quotes.length, 1, 'the user’s quote replaces the model’s');
    assert.equal(quotes[0].origin, 'user');
    assert.equal(quotes[0].text, 'We will see,');
    assert.equal(quotes[0].speaker?.entityId, 'person:kim-jong-un');
    assert.equal(quotes[0].speaker?.name, 'Kim Jong Un');
  });

  it('a speaker named by the user without an entity keeps that name', () => {
    const view = resolve({ 'a.txt': text }, { 'a.txt': [annotation('q1', 'quote', text, start, end, { links: { speaker: 'a White House aide' } })] });
    assert.equal(view.articles.get('a.txt')!.quotes.find(q => q.start === start)?.speaker?.name, 'a White House aide');
  });

  it('"not a quotation" removes the model’s quote and nothing else', () => {
    const before = resolve({ 'a.txt': text }).articles.get('a.txt')!.quotes.length;
    const view = resolve({ 'a.txt': text }, { 'a.txt': [annotation('n1', 'not-quote', text, start, end)] });
    const quotes = view.articles.get('a.txt')!.quotes;
    assert.equal(quotes.length, before - 1);
    assert.ok(!quotes.some(q => q.start === start));
  });
});

describe('entities: corpus-wide passes never make common lowercase words names', () => {
  // a model's "Larry has" or a title-case headline's "Michael Moore Has" gave every "has" of a 2,016-article
  // corpus to one person; here the same mistakes are made by hand (annotations), in a generated corpus
  it('in 300 generated articles, no lowercase word and no common word becomes a person through a full name ending in it', () => {
    const corpus = new Corpus();
    const names = ['Ana Ruiz', 'Tomas Berg', 'Mei Chen', 'Ola Nordmann', 'Ravi Patel'];
    for (let i = 0; i < 300; i++) {
      const who = names[i % names.length];
      const text = `${who} has said the party will win, and ${who.split(' ')[1]} has won again. Has the city a plan? The mayor has no answer.\n`;
      corpus.setArticle(`a${String(i).padStart(3, '0')}.txt`, text);
    }
    const bad = 'Michael Moore Has A Plan\n\nLarry has left. Hillary win the vote, some said.';
    corpus.setArticle('bad.txt', bad, [
      annotation('u1', 'person', bad, nth(bad, 'Michael Moore Has'), nth(bad, 'Michael Moore Has') + 'Michael Moore Has'.length),
      annotation('u2', 'person', bad, nth(bad, 'Larry has'), nth(bad, 'Larry has') + 'Larry has'.length),
      annotation('u3', 'person', bad, nth(bad, 'Hillary win'), nth(bad, 'Hillary win') + 'Hillary win'.length),
    ]);
    const view = corpus.resolve();
    const people = new Map<string, number>();
    for (const a of view.articles.values()) {
      for (const m of a.mentions) {
        if (m.type !== 'PERSON' || m.origin === 'user') continue;
        assert.ok(/^\p{Lu}/u.test(m.text), `lowercase person ${JSON.stringify(m.text)} in ${a.path}`);
        assert.ok(!/^(has|win|won)$/i.test(m.text), `common word as a person: ${JSON.stringify(m.text)} in ${a.path}`);
        people.set(m.entityId!, (people.get(m.entityId!) ?? 0) + 1);
      }
    }
    const top = [...people].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([id]) => view.entities.get(id)!.name).sort();
    assert.deepEqual(top, [...names].sort());
  });
});
