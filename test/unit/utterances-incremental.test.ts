// The utterance index is kept up to date as articles change (only new words are compared with the corpus).
// Whatever the sequence of changes, its utterances must be exactly those grouped from scratch: same ids, same
// order, same quotes in the same order.
import * as assert from 'node:assert/strict';
import type { ArticleView } from '../../src/core/corpus';
import { UtteranceIndex } from '../../src/core/quotes/utteranceIndex';
import { groupUtterances } from '../../src/core/quotes/utterances';
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
const SPEAKERS = ['person:kim', 'person:trump', 'person:moon', 'Kim', 'a spokesman', null];

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
        else if (change < 0.35) articles = articles.filter(x => x !== a);
        else if (change < 0.9) {
          const quotes = a.quotes.slice(), i = count(quotes.length);
          if (change < 0.55) quotes[i] = [quoteText(random), quotes[i][1], quotes[i][2]];
          else if (change < 0.7) quotes[i] = [quotes[i][0], SPEAKERS[count(SPEAKERS.length)], quotes[i][2]];
          else if (change < 0.8) quotes.splice(i, 0, quote(random));
          // otherwise the same quotes in a new view, as when the article's text changes outside its quotes
          a.quotes = quotes;
          a.view = quoteArticle(a.path, quotes);
        } else if (change < 0.95) {
          // the same article again under another path: exact repeats across articles
          const path = `article-${String(made++).padStart(3, '0')}`;
          articles.splice(count(articles.length + 1), 0, { path, quotes: a.quotes, view: quoteArticle(path, a.quotes) });
        } else articles = [...articles.slice(articles.length >> 1), ...articles.slice(0, articles.length >> 1)]; // another order
        const view = () => quoteView(new Map(articles.map(x => [x.path, x.view])));
        const kept = index.update(view());
        assert.deepEqual(kept, groupUtterances(view()), `step ${step}`);
        grouped += kept.filter(u => u.quotes.length > 1).length;
      }
      assert.ok(grouped > 60, `the changes should make quotes group (${grouped} utterances of two or more quotes over the run)`);
    });
  }
});
