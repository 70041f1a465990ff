// The same utterance quoted by several articles: grouping per speaker, and the word comparison for side by side.
import * as assert from 'node:assert/strict';
import { Corpus } from '../../src/core/corpus';
import { compareWords, groupUtterances, utteranceOf, type Utterance } from '../../src/core/quotes/utterances';
import { quoteView as view, readSample, sampleFiles, seeded, type Q, shippedRecogniser } from './helpers';

/** Each utterance as "path#index" lists, sorted, for comparing groupings. */
const shape = (us: Utterance[]) => us.map(u => u.quotes.map(q => `${q.path}#${q.index}`).join(' ')).sort();

describe('utterances: grouping', () => {
  it('an exact repeat in two articles is one utterance, whatever the case, marks and apostrophes', () => {
    const us = groupUtterances(view({
      a: [['We’ll get it done — believe me, it will be great.', 'person:trump']],
      b: [["we'll get it done, believe me: it will be GREAT", 'person:trump']],
    }));
    assert.deepEqual(shape(us), ['a#0 b#0']);
    assert.deepEqual(us[0].sources, ['a', 'b']);
    assert.equal(us[0].speakerId, 'person:trump');
  });

  it('a fragment groups with the longer quote it comes from', () => {
    const us = groupUtterances(view({
      a: [['I think your country has tremendous economic potential. Unbelievable. Unlimited.', 'person:trump']],
      b: [['tremendous economic potential', 'person:trump']],
    }));
    assert.deepEqual(shape(us), ['a#0 b#0']);
    assert.equal(us[0].text, 'I think your country has tremendous economic potential. Unbelievable. Unlimited.', 'the longest version');
  });

  it('a slightly different rendering groups (translation, transcription)', () => {
    const us = groupUtterances(view({
      a: [['We have been able to overcome all the difficulties and here we are today.', 'person:kim'], ['a lot of thinking, effort and patience', 'person:kim']],
      b: [['We were able to overcome all those difficulties, and here we are today', 'person:kim'], ['efforts and patience', 'person:kim']],
    }));
    assert.deepEqual(shape(us), ['a#0 b#0', 'a#1 b#1']);
  });

  it('another quote of the same speaker stays apart, even sharing a few words; short quotes group only when identical', () => {
    const us = groupUtterances(view({
      a: [['The American people deserve better than this.', 'person:trump'], ['no rush', 'person:trump'], ['great relationship', 'person:trump']],
      b: [['The American people are tired of waiting for a deal.', 'person:trump'], ['no rush at all', 'person:trump'], ['We are in no rush.', 'person:trump']],
      c: [['I have a great relationship with him.', 'person:trump']],
    }));
    assert.equal(us.length, 7, `two-word quotes group only when identical: ${shape(us).join(' | ')}`);
  });

  it('sharing one content word is not enough: “We will see about that” is not “We will see what happens”', () => {
    const us = groupUtterances(view({ a: [['We will see about that.', 'person:trump']], b: [['We will see what happens.', 'person:trump']] }));
    assert.equal(us.length, 2);
  });

  it('words found scattered through a long quote do not make a fragment of it', () => {
    const us = groupUtterances(view({
      a: [['Jobs are coming back, the factories are opening everywhere and people are happy. On trade we are finally being treated fairly by other countries, which never happened before. And the deals, believe me, are coming.', 'person:trump']],
      b: [['jobs, trade and deals', 'person:trump']],
    }));
    assert.equal(us.length, 2);
  });

  it('the same words said by two different people stay apart', () => {
    const us = groupUtterances(view({
      a: [['We made a lot of progress at this summit.', 'person:trump'], ['We’ll see.', 'person:trump']],
      b: [['We made a lot of progress at this summit.', 'person:kim'], ['We’ll see.', 'person:kim']],
    }));
    assert.equal(us.length, 4);
    assert.ok(us.every(u => u.sources.length === 1));
  });

  it('an unattributed quote joins the attributed utterance it matches, and takes its speaker', () => {
    const us = groupUtterances(view({
      a: [['I hope we can provide an outcome that is welcomed by everyone.', 'person:kim']],
      b: [['I hope we can provide an outcome that is welcomed by everyone', 'person:trump'], ['an outcome that is welcomed by everyone', null]],
      c: [['I hope we can provide an outcome that is welcomed by everyone.', null]],
    }));
    assert.equal(us.length, 2);
    const kim = us.find(u => u.speakerId === 'person:kim')!;
    assert.ok(kim.quotes.some(q => q.path === 'c'), 'the unattributed exact copy joins the first speaker');
    assert.equal(kim.id, 'utterance:person:kim:a:0');
    assert.equal(us.reduce((n, u) => n + u.quotes.length, 0), 4, 'every quote in exactly one utterance');
  });

  it('every speech quote is in exactly one utterance, singletons included; scare quotes and titles are left out', () => {
    const v = view({
      b: [['new strategic line', 'person:kim'], ['denuclearize', null, 'scare'], ['Hanoi Summit', null, 'title'], ['We’ll see.', 'person:trump']],
      a: [['we’ll see', 'person:trump'], ['awesome', 'person:trump']],
    });
    const us = groupUtterances(v);
    assert.deepEqual(shape(us), ['a#0 b#3', 'a#1', 'b#0']);
    assert.deepEqual(us[0].quotes.map(q => q.path), ['a', 'b'], 'quotes sorted by path');
    assert.equal(utteranceOf(us, 'b', 3), us[0]);
    assert.equal(utteranceOf(us, 'b', 1), undefined, 'a scare quote has no utterance');
    assert.equal(utteranceOf(us, 'a', 1)!.id, 'utterance:person:trump:a:12');
  });

  it('groups 3,000 quotes, finding every planted repeat and keeping random quotes apart', () => {
    const random = seeded(7);
    const common = 'the a of and to in we that it is will our be have for'.split(' ');
    // Zipf-like: a few content words are everywhere, most are rare, as in real quotes.
    const word = () => (random() < 0.35 ? common[Math.floor(random() * common.length)] : `w${Math.floor(Math.exp(random() * Math.log(3000)))}`);
    const originals: Array<{ words: string[]; speaker: string; at: string }> = [];
    const planted: Array<[string, string]> = [];
    const articles: Record<string, Q[]> = {};
    for (let a = 0; a < 100; a++) {
      const name = `article-${String(a).padStart(3, '0')}`;
      const qs: Q[] = (articles[name] = []);
      for (let i = 0; i < 30; i++) {
        const at = `${name}#${i}`;
        const o = originals.length > 20 && random() < 0.25 ? originals[Math.floor(random() * originals.length)] : undefined;
        // a planted repeat: 10 words or more of an earlier quote, one of them changed, sometimes unattributed
        const from = o ? Math.floor(random() * (o.words.length - 10)) : 0;
        const copy = o?.words.slice(from, from + 10 + Math.floor(random() * (o.words.length - from - 10)));
        if (o && copy && new Set(copy.filter(w => !common.includes(w))).size >= 5) {
          copy[Math.floor(random() * copy.length)] = 'changed';
          qs.push([copy.join(' '), random() < 0.1 ? null : o.speaker]);
          planted.push([o.at, at]);
        } else {
          const words = Array.from({ length: 12 + Math.floor(random() * 30) }, word), speaker = `person:p${Math.floor(random() * 40)}`;
          qs.push([words.join(' '), speaker]);
          originals.push({ words, speaker, at });
        }
      }
    }
    const v = view(articles);
    const us = groupUtterances(v);
    const of = (ref: string) => utteranceOf(us, ref.split('#')[0], Number(ref.split('#')[1]));
    for (const [o, copy] of planted) assert.equal(of(copy), of(o), `${copy} with ${o}`);
    assert.equal(us.reduce((n, u) => n + u.quotes.length, 0), 3000);
    assert.ok(us.length >= 3000 - planted.length, 'random quotes stay apart');
  });
});

describe('utterances: the sample corpus', () => {
  const recogniser = shippedRecogniser();
  const corpus = new Corpus({ recogniser });
  for (const f of sampleFiles()) corpus.setArticle(f, readSample(f));
  const v = corpus.resolve();
  const us = groupUtterances(v);
  const short = (p: string) => p.replace(/^the-/, '').split('-')[0];
  /** The utterance of the speech quote of `file` holding `words`. */
  function of(file: string, words: string): Utterance {
    const a = [...v.articles.values()].find(x => short(x.path) === file)!;
    const i = a.quotes.findIndex(q => q.text.includes(words));
    assert.ok(i >= 0 && a.quotes[i].kind === 'speech', `${file}: “${words}” should be a speech quote (quote detection), is ${a.quotes[i]?.kind}`);
    return utteranceOf(us, a.path, i)!;
  }
  const sources = (u: Utterance) => u.sources.map(short).join(' ');

  it('Kim’s “a lot of thinking, effort and patience” is one utterance across Time, the Vietnamese press and Xinhua', () => {
    const u = of('time', 'a lot of thinking, effort and patience');
    assert.equal(of('xinhua', 'efforts and patience'), u);
    assert.equal(of('vietnamese', 'the efforts we made and our patience'), u, 'the longer rendering, through Xinhua’s fragment');
    assert.equal(u.speakerId, 'person:kim-jong-un');
    assert.equal(sources(u), 'time vietnamese xinhua');
  });

  it('Kim’s “overcome all the obstacles”: NPR’s two pieces, Time’s whole and Xinhua’s “outcome that everybody will welcome”', () => {
    const u = of('time', 'overcome all the obstacles');
    assert.equal(of('npr', 'overcome all those obstacles'), u);
    assert.equal(of('npr', 'an outcome that is welcome to everyone'), u);
    assert.equal(of('xinhua', 'outcome that everybody will welcome'), u);
    assert.equal(u.speakerId, 'person:kim-jong-un');
    assert.equal(u.quotes.length, 4);
    assert.notEqual(of('vietnamese', 'we have overcome distrust'), u, 'another remark of the same meeting');
  });

  it('Trump’s “We’ll see”, “No”, “very special relationship” and the rest group with their counterparts', () => {
    const expected: Array<[string, string, string]> = [
      ['diplomat', 'we’ll see', 'diplomat time vietnamese'],
      ['npr', 'no.', 'npr time vietnamese'],
      ['time', 'Our relationship is a very special relationship', 'time vietnamese'],
      ['npr', 'We made a lot of progress', 'npr xinhua'],
      ['npr', 'tremendous economic potential', 'npr time vietnamese'],
      ['npr', 'a great leader', 'npr time'],
    ];
    for (const [file, words, from] of expected) {
      const u = of(file, words);
      assert.equal(sources(u), from, words);
      assert.equal(u.speakerId, 'person:donald-trump', words);
    }
    assert.equal(of('npr', 'we will help it happen'), of('time', 'you’re a great leader'));
    assert.equal(of('diplomat', 'no rush').quotes.length, 1, '“no rush” has no counterpart');
    assert.equal(of('time', 'great relationship').quotes.length, 1, '“great relationship” is not “a very special relationship”');
    assert.equal(of('xinhua', 'successful').quotes.length, 1, 'a successful first meeting is not a very successful summit');
  });

  it('eight utterances are quoted by two or more articles', () => {
    const shared = us.filter(u => u.sources.length >= 2);
    assert.equal(shared.length, 8, shared.map(u => u.text).join(' | '));
  });
});

describe('utterances: compareWords', () => {
  it('marks the words only one version has, in reading order', () => {
    assert.deepEqual(compareWords('a lot of thinking, effort and patience', 'efforts and patience'), [
      { text: 'a lot of thinking, effort', in: 'first' },
      { text: 'efforts', in: 'second' },
      { text: 'and patience', in: 'both' },
    ]);
    assert.deepEqual(compareWords('We have been able to overcome all the obstacles', 'we have been able to overcome all those obstacles and more'), [
      { text: 'We have been able to overcome all', in: 'both' },
      { text: 'the', in: 'first' },
      { text: 'those', in: 'second' },
      { text: 'obstacles', in: 'both' },
      { text: 'and more', in: 'second' },
    ]);
  });

  it('case, quotation marks, apostrophes and punctuation are no difference', () => {
    assert.deepEqual(compareWords('“We’ll see.”', "we'll SEE"), [{ text: '“We’ll see.”', in: 'both' }]);
    assert.deepEqual(compareWords('', 'No.'), [{ text: 'No.', in: 'second' }]);
    assert.deepEqual(compareWords('', ''), []);
  });
});
