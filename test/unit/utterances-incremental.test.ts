// The utterance index is kept up to date as articles change (only new words are compared with the corpus).
// Whatever the sequence of changes, its utterances must be exactly those grouped from scratch: same ids, same
// order, same quotes in the same order.
import * as assert from 'node:assert/strict';
import type { ArticleView, CorpusView } from '../../src/core/corpus';
import { agreement, prefixWords, stemsOf } from '../../src/core/quotes/quoteWords';
import { UtteranceIndex } from '../../src/core/quotes/utteranceIndex';
import { groupUtterances, type Utterance } from '../../src/core/quotes/utterances';
import { quoteArticle, quoteView, seeded, type Q } from './helpers';

// A few remarks, quoted whole, in part, with a word changed, in capitals, or in short ("No."), so that quotes
// group often, ties of length between versions are common and speakers compete for unattributed quotes.
const REMARKS = [
  'We have been able to overcome all the difficulties and here we are today',
  'I think your country has tremendous economic potential unbelievable unlimited',
  'Our relationship is a very special relationship and it will stay that way',
  'It took a lot of thinking effort and patience to get to this meeting',
  'We made a lot of progress at this summit and we will meet again soon',
  'There is no rush at all we want to do the right deal for the people',
];
const SHORT = ['No.', 'We’ll see.', 'Thank you.', 'great relationship'];
// unattributed quotes are common, so that speakers often compete for them
const SPEAKERS = ['person:kim', 'person:trump', 'Kim', 'a spokesman', null, null];

function quoteText(random: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  if (random() < 0.15) return pick(SHORT);
  const words = pick(REMARKS).split(' ');
  const from = random() < 0.5 ? 0 : Math.floor(random() * (words.length - 3));
  const part = words.slice(from, from + 3 + Math.floor(random() * (words.length - from - 2)));
  if (random() < 0.3) part[Math.floor(random() * part.length)] = pick(['difficulties', 'meeting', 'very', 'people', 'thinking']);
  const text = part.join(' ');
  return random() < 0.2 ? text.toUpperCase() : random() < 0.2 ? `${text}.` : text;
}

function quote(random: () => number): Q {
  return [quoteText(random), SPEAKERS[Math.floor(random() * SPEAKERS.length)], random() < 0.1 ? 'scare' : undefined];
}

/**
 * The grouping by its plain definition, every pair of quotes compared (no word lists, no clusters): identical
 * words link to the first such quote, a repeat is compared through its first occurrence, links are taken best
 * first and never join two speakers. Each group as its "path#index" quotes, sorted.
 */
function plainGroups(view: CorpusView): string[] {
  const numbers = new Map<string, number>();
  const items = [...view.articles.values()].flatMap(a => a.quotes.flatMap((q, index) => {
    if (q.kind !== 'speech') return [];
    const { stems, content, said } = stemsOf(q.text), s = q.speaker;
    const words = { stems, content: content.map(w => numbers.get(w) ?? numbers.set(w, numbers.size).get(w)!).sort((x, y) => x - y) };
    return [{ at: `${a.path}#${index}`, speaker: s ? s.entityId ?? `name:${s.name.toLowerCase()}` : undefined, said, words }];
  }));
  const links: Array<[number, number, number]> = [];
  const firstOf = (j: number, same: boolean) => items.findIndex(y => y.said === items[j].said && (same ? y.speaker === items[j].speaker : !y.speaker !== !items[j].speaker));
  items.forEach((_, j) => {
    for (const same of [true, false]) if (firstOf(j, same) >= 0 && firstOf(j, same) < j) links.push([firstOf(j, same), j, 2]);
  });
  items.forEach((x, i) => items.forEach((y, j) => {
    const apart = x.speaker && y.speaker && x.speaker !== y.speaker;
    const shorter = x.words.stems.length < y.words.stems.length || (x.words.stems.length === y.words.stems.length && i < j);
    if (apart || !shorter || firstOf(i, true) < i || firstOf(j, true) < j || !prefixWords(x.words, () => 0)) return;
    const score = agreement(x.words, y.words);
    if (score) links.push([i, j, score]);
  }));
  links.sort((x, y) => y[2] - x[2] || x[0] - y[0] || x[1] - y[1]);
  const label = items.map((_, i) => i), speaker = items.map(x => x.speaker);
  for (const [a, b] of links) {
    const la = label[a], lb = label[b];
    if (la === lb || (speaker[la] && speaker[lb] && speaker[la] !== speaker[lb])) continue;
    label.forEach((l, k) => { if (l === lb) label[k] = la; });
    speaker[la] ??= speaker[lb];
  }
  return [...new Set(label)].map(l => items.filter((_, k) => label[k] === l).map(x => x.at).sort().join(' ')).sort();
}

const groupsOf = (us: Utterance[]) => us.map(u => u.quotes.map(q => `${q.path}#${q.index}`).sort().join(' ')).sort();

describe('utterances: the index kept up to date equals grouping from scratch', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`after each of 60 random changes (seed ${seed}): articles added anywhere, removed, quotes and speakers changed, articles reordered`, () => {
      const random = seeded(seed);
      const count = (n: number) => Math.floor(random() * n);
      // each article's quotes, in the corpus's order; an unchanged article keeps its view object, as the corpus does
      let articles: Array<{ path: string; quotes: Q[]; view: ArticleView }> = [];
      let made = 0;
      const add = () => {
        const quotes = Array.from({ length: 1 + count(5) }, () => quote(random));
        const path = `article-${String(made++).padStart(3, '0')}`;
        articles.splice(count(articles.length + 1), 0, { path, quotes, view: quoteArticle(path, quotes) });
      };
      for (let i = 0; i < 8; i++) add();
      const index = new UtteranceIndex();
      let grouped = 0;
      for (let step = 0; step < 60; step++) {
        const change = random(), a = articles[count(articles.length)];
        if (change < 0.2 || !a) add();
        else if (change < 0.3) articles = articles.filter(x => x !== a);
        else if (change < 0.8) {
          const quotes = a.quotes.slice(), i = count(quotes.length);
          if (change < 0.5) quotes[i] = [quoteText(random), quotes[i][1], quotes[i][2]];
          else if (change < 0.65) quotes[i] = [quotes[i][0], SPEAKERS[count(SPEAKERS.length)], quotes[i][2]];
          else if (change < 0.75) quotes.splice(i, 0, quote(random));
          // otherwise the same quotes in a new view, as when the article's text changes outside its quotes
          a.quotes = quotes;
          a.view = quoteArticle(a.path, quotes);
        } else if (change < 0.88) {
          // the same article again under another path: exact repeats across articles
          const path = `article-${String(made++).padStart(3, '0')}`;
          articles.splice(count(articles.length + 1), 0, { path, quotes: a.quotes, view: quoteArticle(path, a.quotes) });
        } else {
          // another order: which quote is first decides which speaker an unattributed repeat joins
          articles = articles.filter(x => x !== a);
          articles.splice(count(articles.length + 1), 0, a);
        }
        const view = () => quoteView(new Map(articles.map(x => [x.path, x.view])));
        const kept = index.update(view());
        assert.deepEqual(kept, groupUtterances(view()), `step ${step}`);
        assert.deepEqual(groupsOf(kept), plainGroups(view()), `step ${step}: as every pair compared`);
        grouped += kept.filter(u => u.quotes.length > 1).length;
      }
      assert.ok(grouped > 60, `the changes should make quotes group (${grouped} utterances of two or more quotes over the run)`);
    });
  }
});

describe('utterances: two quotes at one place', () => {
  it('go in the order of their groups’ first quotes in the corpus, from scratch and kept up to date', () => {
    // two quotations annotated on one passage of b; c, first in the corpus's order, repeats the second
    const b = quoteArticle('b', [['We made a lot of progress at this summit.', 'person:trump'], ['Our relationship is very special.', 'person:kim']]);
    b.quotes[1] = { ...b.quotes[1], start: b.quotes[0].start };
    const c = quoteArticle('c', [['Our relationship is very special.', 'person:kim']]);
    const a = quoteArticle('a', [['We will see.', 'person:trump']]);
    const index = new UtteranceIndex();
    index.update(quoteView(new Map([['c', c], ['b', b]])));
    const view = quoteView(new Map([['c', c], ['a', a], ['b', b]]));
    const us = index.update(view);
    assert.deepEqual(us, groupUtterances(view));
    assert.deepEqual(us.map(u => u.quotes.map(q => `${q.path}#${q.index}`).join(' ')), ['a#0', 'b#1 c#0', 'b#0']);
  });
});

describe('utterances: the corpus’s order', () => {
  it('an unattributed repeat joins the speaker quoted first, also when the articles change order', () => {
    const x = quoteArticle('x', [['No.', 'person:kim']]), y = quoteArticle('y', [['No.', 'person:trump']]), z = quoteArticle('z', [['No.', null]]);
    const index = new UtteranceIndex();
    const kim = quoteView(new Map([['x', x], ['y', y], ['z', z]])), trump = quoteView(new Map([['y', y], ['x', x], ['z', z]]));
    assert.deepEqual(index.update(kim).map(u => u.quotes.map(q => q.path).join(' ')), ['x z', 'y']);
    assert.deepEqual(index.update(trump).map(u => u.quotes.map(q => q.path).join(' ')), ['x', 'y z']);
    assert.deepEqual(index.update(trump), groupUtterances(trump));
  });

  it('of two quotes as long, the one quoted first is compared as the shorter: the order decides whether they match', () => {
    // b's four content words are all in a, but a's eight are not 60% in b
    const a = quoteArticle('a', [['trade tariffs farmers soybeans steel talks deals china the of', 'person:kim']]);
    const b = quoteArticle('b', [['trade tariffs farmers soybeans the of and to in a', null]]);
    const index = new UtteranceIndex();
    for (const [order, expected] of [[[a, b], 2], [[b, a], 1], [[a, b], 2]] as const) {
      const view = quoteView(new Map(order.map(x => [x.path, x])));
      const us = index.update(view);
      assert.equal(us.length, expected, order.map(x => x.path).join(' '));
      assert.deepEqual(us, groupUtterances(view));
    }
  });
});
