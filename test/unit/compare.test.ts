// Compare Quote Across Sources: the versions of one utterance side by side, each marked against the reference.
import * as assert from 'node:assert/strict';
import { Corpus, type ArticleView, type CorpusView, type ResolvedQuote } from '../../src/core/corpus';
import { compareQuote, compareVersions, findQuote, openingWords, outletName, type QuoteVersion } from '../../src/core/quotes/compare';
import { compareWords, groupUtterances, type Utterance } from '../../src/core/quotes/utterances';
import { readSample, sampleFiles, shippedRecogniser } from './helpers';

/** A quote of a synthetic article: its words, and who said it as that outlet attributes it (none: unattributed). */
interface Q {
  words: string;
  by?: { name: string; id?: string };
  cue?: string;
  how?: string;
  kind?: ResolvedQuote['kind'];
}

const KIM = { name: 'Kim Jong Un', id: 'person:kim-jong-un' };
const TRUMP = { name: 'Donald Trump', id: 'person:donald-trump' };

/** A corpus view of synthetic articles, each the given quotes one after another. */
function view(articles: Record<string, Q[]>): CorpusView {
  const map = new Map<string, ArticleView>();
  for (const [p, qs] of Object.entries(articles)) {
    let text = '';
    const quotes = qs.map((q): ResolvedQuote => {
      const start = text.length;
      text += `“${q.words}” `;
      return {
        start, end: start + q.words.length + 2, inner: { start: start + 1, end: start + 1 + q.words.length }, text: q.words, kind: q.kind ?? 'speech',
        speaker: q.by ? { start, end: start, text: q.by.name, name: q.by.name, ...(q.by.id ? { entityId: q.by.id } : {}) } : null,
        cue: q.cue ? { start, end: start, text: q.cue } : null, ...(q.how ? { how: q.how } : {}), confidence: 1, origin: 'model',
      };
    });
    map.set(p, { path: p, text, quotes, mentions: [], annotations: [], analysis: { hash: '', mentions: [], quotes: [], events: [] } });
  }
  return { articles: map, entities: new Map(), events: [], mentionCounts: new Map() };
}

const outlets = (vs: QuoteVersion[]) => vs.map(v => v.outlet);
/** compareWords(version, reference) in the comparison's terms: what the model is expected to hold. */
const expectedChanges = (version: string, reference: string) =>
  compareWords(version, reference).map(d => ({ text: d.text, change: d.in === 'both' ? 'same' : d.in === 'first' ? 'added' : 'missing' }));

describe('compare: the versions of a quote across sources', () => {
  const kim = view({
    'file:///news/time-kim-trump-handshake-hanoi.txt': [{ words: 'a lot of thinking, effort and patience', by: KIM, cue: 'said', how: 'cue “said”, before the quote' }],
    'file:///news/xinhua-kim-trump-meet-hanoi.txt': [
      { words: 'successful', by: KIM, cue: 'said', how: 'cue “said”, after the quote' },
      { words: 'efforts and patience', by: KIM, cue: 'Noting', how: 'cue “Noting”, before the quote' },
    ],
    'file:///news/vietnamese-press-trump-kim-optimism-hanoi.txt': [{ words: 'the efforts we made and our patience, (tested) more than any other time', how: 'no speaker found' }],
  });
  const utterances = groupUtterances(kim);
  const XINHUA = 'file:///news/xinhua-kim-trump-meet-hanoi.txt';

  it('the reference is the version the comparison starts from; the other sources follow in path order', () => {
    const c = compareQuote(kim, utterances, XINHUA, 1)!;
    assert.ok(c, 'Xinhua’s “efforts and patience” is in an utterance');
    assert.deepEqual(outlets(c.versions), ['xinhua-kim-trump-meet-hanoi', 'time-kim-trump-handshake-hanoi', 'vietnamese-press-trump-kim-optimism-hanoi']);
    assert.equal(c.reference, c.versions[0]);
    assert.deepEqual(c.versions.map(v => v.isReference), [true, false, false]);
    assert.equal(c.speakerName, 'Kim Jong Un');
    assert.equal(c.speakerId, 'person:kim-jong-un');
    const ref = c.reference;
    assert.equal(ref.text, 'efforts and patience');
    assert.deepEqual([ref.start, ref.end], [kim.articles.get(XINHUA)!.quotes[1].start, kim.articles.get(XINHUA)!.quotes[1].end]);
    assert.deepEqual(ref.changes, [{ text: 'efforts and patience', change: 'same' }]);
    assert.equal(ref.sameAsReference, true);
  });

  it('Time’s “a lot of thinking, effort and patience” against Xinhua’s “efforts and patience”: words added and left out', () => {
    const time = compareQuote(kim, utterances, XINHUA, 1)!.versions[1];
    assert.deepEqual(time.changes, [
      { text: 'a lot of thinking, effort', change: 'added' },
      { text: 'efforts', change: 'missing' },
      { text: 'and patience', change: 'same' },
    ]);
    assert.deepEqual(time.changes, expectedChanges(time.text, 'efforts and patience'), 'what compareWords gives');
    assert.equal(time.added, 5);
    assert.equal(time.missing, 1);
    assert.equal(time.sameAsReference, false);
  });

  it('started from Time, Xinhua’s version leaves words out instead', () => {
    const c = compareQuote(kim, utterances, 'file:///news/time-kim-trump-handshake-hanoi.txt', 0)!;
    const xinhua = c.versions.find(v => v.outlet.startsWith('xinhua'))!;
    assert.deepEqual(xinhua.changes, [{ text: 'efforts', change: 'added' }, { text: 'a lot of thinking, effort', change: 'missing' }, { text: 'and patience', change: 'same' }]);
    assert.deepEqual([xinhua.added, xinhua.missing], [1, 5]);
  });

  it('each version keeps its own outlet’s attribution: speaker, cue and how it was found', () => {
    const [xinhua, time, vietnamese] = compareQuote(kim, utterances, XINHUA, 1)!.versions;
    assert.deepEqual([xinhua.speakerName, xinhua.cue, xinhua.how], ['Kim Jong Un', 'Noting', 'cue “Noting”, before the quote']);
    assert.deepEqual([time.speakerName, time.cue, time.how], ['Kim Jong Un', 'said', 'cue “said”, before the quote']);
    assert.equal(vietnamese.speakerName, undefined, 'the Vietnamese press names no speaker for it');
    assert.equal(vietnamese.how, 'no speaker found');
  });

  it('outlets that name different speakers for the same words are shown as each names them', () => {
    const v = view({
      'a/reuters.txt': [{ words: 'The talks were productive and we will meet again soon', by: KIM, cue: 'said', how: 'cue “said”, after the quote' }],
      'a/kcna.txt': [{ words: 'the talks were productive and we will meet again', by: { name: 'Kim Yong Chol', id: 'person:kim-yong-chol' }, cue: 'told', how: 'cue “told”, before the quote' }],
    });
    const [reuters, kcna] = [...v.articles.values()];
    const refs = [reuters, kcna].map(a => ({ path: a.path, index: 0, start: a.quotes[0].start, end: a.quotes[0].end, text: a.quotes[0].text }));
    const utterance: Utterance = { id: 'utterance:test', speakerId: KIM.id, speakerName: KIM.name, text: reuters.quotes[0].text, quotes: refs, sources: ['a/kcna.txt', 'a/reuters.txt'] };
    const c = compareVersions(v, utterance, { path: 'a/reuters.txt', index: 0 });
    assert.deepEqual(c.versions.map(x => [x.outlet, x.speakerName, x.speakerId, x.cue]), [
      ['reuters', 'Kim Jong Un', 'person:kim-jong-un', 'said'],
      ['kcna', 'Kim Yong Chol', 'person:kim-yong-chol', 'told'],
    ]);
    assert.deepEqual(c.versions[1].changes, [{ text: 'the talks were productive and we will meet again', change: 'same' }, { text: 'soon', change: 'missing' }]);
  });

  it('versions word for word the same as the reference say so, each in its own spelling', () => {
    const v = view({
      'the-diplomat.txt': [{ words: 'we’ll see.', by: TRUMP }],
      'time.txt': [{ words: 'We’ll see.', by: TRUMP }],
      'vietnamese-press.txt': [{ words: "We'll see,", by: TRUMP }],
    });
    const c = compareQuote(v, groupUtterances(v), 'time.txt', 0)!;
    assert.deepEqual(outlets(c.versions), ['time', 'the-diplomat', 'vietnamese-press']);
    assert.ok(c.versions.every(x => x.sameAsReference && x.added === 0 && x.missing === 0));
    assert.deepEqual(c.versions[2].changes, [{ text: "We'll see,", change: 'same' }]);
  });

  it('an article quoting the utterance in two passages is one version, the passages joined in reading order', () => {
    const v = view({
      npr: [
        { words: 'However, we have been able to overcome all those obstacles and here we are today,', by: KIM, cue: 'said', how: 'cue “said”, after the quote' },
        { words: 'And I hope that we can provide an outcome that is welcome to everyone and I am sure that we can do this.', by: KIM, how: 'continues the previous speaker' },
      ],
      time: [{ words: 'We have been able to overcome all the obstacles and here we are today. I hope we can provide an outcome that is welcomed by everyone, and I’m sure that we can do this.', by: KIM }],
      xinhua: [{ words: 'outcome that everybody will welcome', by: KIM, cue: 'said' }],
    });
    const c = compareQuote(v, groupUtterances(v), 'npr', 1)!;
    assert.deepEqual(outlets(c.versions), ['npr', 'time', 'xinhua']);
    const npr = c.reference;
    assert.equal(npr.passages.length, 2);
    assert.equal(npr.text, `${v.articles.get('npr')!.quotes[0].text}… ${v.articles.get('npr')!.quotes[1].text}`);
    assert.equal(npr.changes.map(x => x.text).join(' '), npr.text, 'the passage break survives the comparison');
    assert.deepEqual([npr.start, npr.end], [v.articles.get('npr')!.quotes[1].start, v.articles.get('npr')!.quotes[1].end], 'the passage started from');
    assert.deepEqual([npr.cue, npr.how], ['said', 'cue “said”, after the quote'], 'the first attributed passage’s attribution');
    for (const other of c.versions.slice(1)) assert.deepEqual(other.changes, expectedChanges(other.text, npr.text), other.outlet);
    const xinhua = c.versions[2];
    assert.deepEqual(xinhua.changes.filter(x => x.change === 'added').map(x => x.text), ['everybody will'], 'Xinhua’s own words');
  });

  it('a fragment an article repeats from its own longer quote is left out of the version’s text, not of its passages', () => {
    const v = view({
      npr: [{ words: 'I think you will have a tremendous future with your country, you’re a great leader.', by: TRUMP }, { words: 'a great leader', by: TRUMP }],
      time: [{ words: 'you’re a great leader', by: TRUMP }],
    });
    const c = compareQuote(v, groupUtterances(v), 'time', 0)!;
    const npr = c.versions[1];
    assert.deepEqual(npr.passages.map(p => !!p.repeat), [false, true]);
    assert.equal(npr.text, 'I think you will have a tremendous future with your country, you’re a great leader.');
  });

  it('a quote quoted by one source only is a comparison of one version; a scare quote has none', () => {
    const v = view({ xinhua: [{ words: 'a very successful summit, I think', by: KIM }, { words: 'denuclearize', kind: 'scare' }], time: [{ words: 'no rush', by: TRUMP }] });
    const us = groupUtterances(v);
    const c = compareQuote(v, us, 'xinhua', 0)!;
    assert.equal(c.versions.length, 1);
    assert.equal(compareQuote(v, us, 'xinhua', 1), undefined);
  });

  it('finds the quote again after an edit: the same words nearest the old place, else the quote around it', () => {
    const v = view({ a: [{ words: 'No.', by: TRUMP }, { words: 'We’ll see.', by: TRUMP }, { words: 'No.', by: TRUMP }] });
    const a = v.articles.get('a')!;
    assert.equal(findQuote(a, { start: a.quotes[2].start + 7, text: 'No.' }), 2, 'moved by an insertion');
    assert.equal(findQuote(a, { start: a.quotes[0].start, text: 'No.' }), 0);
    assert.equal(findQuote(a, { start: a.quotes[1].start + 3, text: 'We will see.' }), 1, 'reworded: the quote around the place');
    assert.equal(findQuote(a, { start: a.quotes[1].start + 3 }), 1, 'a place only (the cursor)');
    assert.equal(findQuote(a, { start: a.text.length + 5, text: 'Gone' }), -1);
  });

  it('outlet names and title words', () => {
    assert.equal(outletName('vscode-remote://127.0.0.1:8080/work/corpus/npr-kuow-second-trump-kim-summit-hanoi.txt'), 'npr-kuow-second-trump-kim-summit-hanoi');
    assert.equal(outletName('file:///news/Le%20Monde%20%C3%A9dito.md'), 'Le Monde édito');
    assert.equal(outletName('file:///news/100%.txt'), '100%', 'a stray % stays as written');
    assert.equal(outletName('xinhua'), 'xinhua');
    assert.equal(openingWords('outcome that everybody will welcome'), 'outcome that everybody will welcome');
    assert.equal(openingWords('We have been able to overcome, all the obstacles'), 'We have been able to…');
    assert.equal(openingWords('a lot of thinking, effort and patience', 4), 'a lot of thinking…');
  });
});

describe('compare: the sample corpus', () => {
  const recogniser = shippedRecogniser();
  const corpus = new Corpus({ recogniser });
  for (const f of sampleFiles()) corpus.setArticle(f, readSample(f));
  const v = corpus.resolve();
  const us = groupUtterances(v);
  const XINHUA = 'xinhua-kim-trump-meet-hanoi.txt';

  it('Kim’s “outcome that everybody will welcome” from Xinhua: three versions, NPR’s two passages as one', () => {
    const index = v.articles.get(XINHUA)!.quotes.findIndex(q => q.text.includes('outcome that everybody will welcome'));
    const c = compareQuote(v, us, XINHUA, index)!;
    assert.deepEqual(outlets(c.versions), ['xinhua-kim-trump-meet-hanoi', 'npr-kuow-second-trump-kim-summit-hanoi', 'time-kim-trump-handshake-hanoi']);
    assert.equal(c.speakerName, 'Kim Jong Un');
    assert.equal(c.reference.text, 'outcome that everybody will welcome');
    assert.equal(c.versions[1].passages.length, 2);
    for (const other of c.versions.slice(1)) {
      assert.deepEqual(other.changes, expectedChanges(other.text, c.reference.text), other.outlet);
      assert.ok(other.added > 10 && other.missing >= 1, `${other.outlet}: ${other.added} added, ${other.missing} missing`);
      assert.equal(other.speakerName, 'Kim Jong Un');
    }
  });
});
