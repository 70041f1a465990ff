import * as assert from 'node:assert/strict';
import type { CorpusView } from '../../src/core/corpus';
import type { Mention, Quote } from '../../src/core/model';
import { recogniseEntities } from '../../src/core/ner/recognise';
import { findQuotes, quotedStretches } from '../../src/core/quotes';
import { sampleCorpus, sampleFiles } from './helpers';

const inners = (text: string) => quotedStretches(text).map(s => text.slice(s.inner.start, s.inner.end));

function analyse(text: string): { ms: Mention[]; qs: Quote[] } {
  const ms = recogniseEntities(text);
  return { ms, qs: findQuotes(text, ms) };
}

/** The mention a quote's speaker resolves to, as written in the text ("he" → "Donald Trump"). */
function speakerName(ms: Mention[], q: Quote): string | undefined {
  const i = q.speaker?.mentionIndex;
  return i === undefined ? undefined : ms[i]?.text;
}

function quoteStarting(qs: Quote[], prefix: string): Quote {
  const q = qs.find(x => x.text.startsWith(prefix));
  assert.ok(q, `no quote starting ${JSON.stringify(prefix)} among ${JSON.stringify(qs.map(x => x.text))}`);
  return q;
}

describe('quotes: quotedStretches', () => {
  it('finds straight and curly double quotes; span includes the marks, inner excludes them', () => {
    const text = 'Trump said "we will see." Kim said “that is right.”';
    const ss = quotedStretches(text);
    assert.equal(ss.length, 2);
    assert.equal(text.slice(ss[0].start, ss[0].end), '"we will see."');
    assert.equal(text.slice(ss[0].inner.start, ss[0].inner.end), 'we will see.');
    assert.equal(text.slice(ss[1].start, ss[1].end), '“that is right.”');
    assert.equal(text.slice(ss[1].inner.start, ss[1].inner.end), 'that is right.');
    assert.deepEqual(ss.map(s => s.continues), [false, false]);
  });

  it('ignores inch marks and apostrophes', () => {
    const text = 'The 65" screen showed Kim’s arrival. Trump said "it\'s great."';
    assert.deepEqual(inners(text), ["it's great."]);
  });

  it('a multi-paragraph quote: a paragraph that opens without closing continues when the next opens again', () => {
    const p1 = '“We made a lot of progress in the first summit and we will make more.';
    const p2 = '“And I think our relationship is really a very good one,” Trump said.';
    const text = `Donald Trump spoke first.\n\n${p1}\n\n${p2}\n\nThe talks continued.`;
    const ss = quotedStretches(text);
    assert.equal(ss.length, 2);
    assert.equal(ss[0].continues, true);
    assert.equal(ss[0].start, text.indexOf(p1));
    assert.equal(ss[0].end, text.indexOf(p1) + p1.length, 'the open stretch ends at its paragraph end');
    assert.equal(text.slice(ss[0].inner.start, ss[0].inner.end), p1.slice(1));
    assert.equal(ss[1].continues, false);
    assert.equal(text.slice(ss[1].inner.start, ss[1].inner.end), 'And I think our relationship is really a very good one,');
  });

  it('a stray opening mark does not swallow the following paragraphs', () => {
    const text = [
      'Donald Trump said “no and left the room.',
      'Kim Jong Un said “we will see the results soon.”',
      'The talks continued, Kim said, “with great success.”',
    ].join('\n\n');
    assert.deepEqual(inners(text), ['we will see the results soon.', 'with great success.']);
    for (const s of quotedStretches(text)) assert.ok(!text.slice(s.start, s.end).includes('\n'), 'a stretch crosses a paragraph');
  });

  it('a stray curly opener before a real quote in the same paragraph is dropped', () => {
    const text = 'Trump said “no. Kim then said “we will see the results soon.” They left.';
    assert.deepEqual(inners(text), ['we will see the results soon.']);
  });

  it('a stray straight opener before a real quote in the same paragraph is dropped, as a curly one is', () => {
    // " after a space and before a letter can only open a quote: two openers in a row, the first was stray
    const text = 'Trump said "no. Kim then said "we will see the results soon." They left.';
    assert.deepEqual(inners(text), ['we will see the results soon.']);
  });

  it('a single quotation inside a double one is part of it, not a quote of its own', () => {
    const text = 'Trump said, “Kim told me ‘we will denuclearize’ and I believe him.”';
    assert.deepEqual(inners(text), ['Kim told me ‘we will denuclearize’ and I believe him.']);
  });
});

describe('quotes: findQuotes — kinds', () => {
  it('a scare quote: “denuclearize” → scare, no speaker', () => {
    const text = 'North Korean leader Kim Jong Un met Donald Trump. Nobody clarified what the thorny wording “denuclearize” entails.';
    const q = quoteStarting(analyse(text).qs, 'denuclearize');
    assert.equal(q.kind, 'scare');
    assert.equal(q.speaker, null);
  });

  it('a short phrase without a cue is a scare quote; an attributed one is speech', () => {
    const text = 'Donald Trump met Kim Jong Un. Experts doubt the "complete denuclearization" pledge. Trump said he was in “no rush” for it.';
    const { qs } = analyse(text);
    assert.equal(quoteStarting(qs, 'complete denuclearization').kind, 'scare');
    assert.equal(quoteStarting(qs, 'no rush').kind, 'speech');
  });

  it('a title: a banner read "Hanoi Summit" → title', () => {
    const text = 'Kim Jong Un and Donald Trump shook hands. A banner hanging above the flags read "Hanoi Summit" in English.';
    const q = quoteStarting(analyse(text).qs, 'Hanoi Summit');
    assert.equal(q.kind, 'title');
    assert.equal(q.speaker, null);
  });

  it('every quote is exactly its stretch of the text', () => {
    const text = 'Donald Trump said "we will see." Kim Jong Un said “a lot of thinking, effort and patience” was needed.';
    for (const q of analyse(text).qs) {
      assert.equal(text.slice(q.inner.start, q.inner.end), q.text);
      assert.equal(q.start, q.inner.start - 1);
      assert.equal(q.end, q.inner.end + 1);
      assert.equal(q.origin, 'model');
    }
  });
});

describe('quotes: findQuotes — speakers', () => {
  it('a split quote (“…,” he said. “…”) gives two speech quotes with the same speaker', () => {
    const text = 'Donald Trump arrived in Hanoi. “We made a lot of progress,” he said. “I think our relationship is really a good one.”';
    const { ms, qs } = analyse(text);
    assert.equal(qs.length, 2);
    assert.deepEqual(qs.map(q => q.kind), ['speech', 'speech']);
    assert.deepEqual(qs.map(q => speakerName(ms, q)), ['Donald Trump', 'Donald Trump']);
    assert.equal(qs[0].speaker?.text, 'he');
    assert.equal(qs[0].cue?.text, 'said');
  });

  it('a split quote around the cue (“…,” Trump said, “…”) gives both parts the speaker', () => {
    const text = 'Donald Trump arrived. “We made a lot of progress,” Trump said, “and we will make more next time.”';
    const { ms, qs } = analyse(text);
    assert.equal(qs.length, 2);
    assert.deepEqual(qs.map(q => speakerName(ms, q)), ['Trump', 'Trump']);
  });

  it('a multi-paragraph quote keeps the speaker named in its first paragraph', () => {
    const text = 'Donald Trump spoke to reporters. “We made a lot of progress,” Trump said, “and we will make more.\n\n“And I think our relationship is really a good one.”\n\nThe talks continued.';
    const { ms, qs } = analyse(text);
    assert.equal(qs.length, 3);
    assert.deepEqual(qs.map(q => speakerName(ms, q)), ['Trump', 'Trump', 'Trump']);
  });

  it('the pronoun in "he said" resolves to the most recent person', () => {
    const kimLast = analyse('Donald Trump met Kim Jong Un. “We have overcome all the obstacles,” he said.');
    assert.equal(speakerName(kimLast.ms, kimLast.qs[0]), 'Kim Jong Un');
    const trumpLast = analyse('Kim Jong Un met Donald Trump. “We will see what happens next time,” he said.');
    assert.equal(speakerName(trumpLast.ms, trumpLast.qs[0]), 'Donald Trump');
  });

  it('a name inside the quote is not the speaker', () => {
    const { ms, qs } = analyse('Kim Jong Un met Donald Trump. “Kim is a great leader with a great future,” he said.');
    assert.equal(speakerName(ms, qs[0]), 'Donald Trump');
  });

  it('"the North Korean leader said" resolves to Kim Jong Un, named earlier as "North Korean leader Kim Jong Un"', () => {
    const text = 'North Korean leader Kim Jong Un met U.S. President Donald Trump in Hanoi. “We have overcome many obstacles to be here today,” the North Korean leader said.';
    const { ms, qs } = analyse(text);
    assert.equal(qs.length, 1);
    assert.equal(qs[0].speaker?.text, 'the North Korean leader');
    assert.equal(speakerName(ms, qs[0]), 'Kim Jong Un');
  });

  it('"said Trump": the speaker after the cue', () => {
    const { ms, qs } = analyse('Kim Jong Un met Donald Trump. “We will have a tremendous future together,” said Trump.');
    assert.equal(speakerName(ms, qs[0]), 'Trump');
    assert.equal(qs[0].cue?.text, 'said');
  });

  it('a colon-introduced quote: Trump tweeted: "…"', () => {
    const { ms, qs } = analyse('Donald Trump met Kim Jong Un. Before the summit, Trump tweeted: "Vietnam is thriving. North Korea can be the same, very quickly."');
    assert.equal(qs.length, 1);
    assert.equal(qs[0].kind, 'speech');
    assert.equal(speakerName(ms, qs[0]), 'Trump');
    assert.equal(qs[0].cue?.text, 'tweeted');
  });

  it('"Kim, through an interpreter, said …" attributes to Kim', () => {
    const text = 'Donald Trump met Kim Jong Un. Kim, through an interpreter, said there had been “a lot of thinking, effort and patience” in the months since.';
    const { ms, qs } = analyse(text);
    assert.equal(speakerName(ms, qs[0]), 'Kim');
    const colon = analyse('Donald Trump met Kim Jong Un. Kim, through an interpreter, said: “We have overcome all the obstacles and here we are today.”');
    assert.equal(speakerName(colon.ms, colon.qs[0]), 'Kim');
  });

  it('a continuation paragraph without a cue keeps the previous speaker', () => {
    const text = 'Donald Trump met Kim Jong Un. “We have been able to overcome all the obstacles,” Kim said.\n\n“I hope we can provide an outcome that is welcomed by everyone.”';
    const { ms, qs } = analyse(text);
    assert.equal(qs.length, 2);
    assert.deepEqual(qs.map(q => speakerName(ms, q)), ['Kim', 'Kim']);
  });

  it('…but a quote after an unrelated paragraph does not inherit a speaker', () => {
    const text = 'Donald Trump met Kim Jong Un. “The relationship is very good and getting better all the time,” Trump said.\n\nKim Jong Un smiled and said nothing at all.\n\n“Nobody knows what the outcome of this historic meeting will be.”';
    const { qs } = analyse(text);
    assert.equal(qs.length, 2);
    assert.equal(qs[1].speaker, null);
  });
});

/** Speech quotes of the sample articles whose speaker is known from reading them: file, start of the quoted words, speaker. */
const KNOWN_SPEAKERS: [string, string, 'trump' | 'kim'][] = [
  ['npr-kuow-second-trump-kim-summit-hanoi.txt', 'very successful', 'trump'],
  ['npr-kuow-second-trump-kim-summit-hanoi.txt', 'We made a lot of progress', 'trump'],
  ['npr-kuow-second-trump-kim-summit-hanoi.txt', 'no.', 'trump'],
  ['npr-kuow-second-trump-kim-summit-hanoi.txt', 'a great leader', 'trump'],
  ['npr-kuow-second-trump-kim-summit-hanoi.txt', 'tremendous economic potential', 'trump'],
  ['npr-kuow-second-trump-kim-summit-hanoi.txt', 'we will help it happen', 'trump'],
  ['npr-kuow-second-trump-kim-summit-hanoi.txt', 'However, we have been able to overcome', 'kim'],
  ['npr-kuow-second-trump-kim-summit-hanoi.txt', 'And I hope that we can provide an outcome', 'kim'],
  ['the-diplomat-trump-kim-second-summit-hanoi.txt', 'new strategic line', 'kim'],
  ['the-diplomat-trump-kim-second-summit-hanoi.txt', 'we’ll see.', 'trump'],
  ['the-diplomat-trump-kim-second-summit-hanoi.txt', 'no rush', 'trump'],
  ['time-kim-trump-handshake-hanoi.txt', 'We’ll see.', 'trump'],
  ['time-kim-trump-handshake-hanoi.txt', 'great relationship', 'trump'],
  ['time-kim-trump-handshake-hanoi.txt', 'No,', 'trump'],
  ['time-kim-trump-handshake-hanoi.txt', 'a lot of thinking, effort and patience', 'kim'],
  ['time-kim-trump-handshake-hanoi.txt', 'We have been able to overcome all the obstacles', 'kim'],
  ['time-kim-trump-handshake-hanoi.txt', 'It’s an honor to be with Chairman Kim', 'trump'],
  ['time-kim-trump-handshake-hanoi.txt', 'I think your country has tremendous economic potential', 'trump'],
  ['time-kim-trump-handshake-hanoi.txt', 'I think you will have a tremendous future', 'trump'],
  ['time-kim-trump-handshake-hanoi.txt', 'Our relationship is a very special relationship', 'trump'],
  ['time-kim-trump-handshake-hanoi.txt', 'awesome.', 'trump'],
  ['vietnamese-press-trump-kim-optimism-hanoi.txt', 'No.', 'trump'],
  ['vietnamese-press-trump-kim-optimism-hanoi.txt', 'will work out', 'trump'],
  ['vietnamese-press-trump-kim-optimism-hanoi.txt', 'our relationship is a very special relationship', 'trump'],
  ['vietnamese-press-trump-kim-optimism-hanoi.txt', 'we have overcome distrust', 'kim'],
  ['vietnamese-press-trump-kim-optimism-hanoi.txt', 'That period tested our interest', 'kim'],
  ['vietnamese-press-trump-kim-optimism-hanoi.txt', "We'll see.", 'trump'],
  ['vietnamese-press-trump-kim-optimism-hanoi.txt', 'I think your country has tremendous, unbelievable', 'trump'],
  ['vietnamese-press-trump-kim-optimism-hanoi.txt', 'very, very beautiful friendship', 'trump'],
  ['vietnamese-press-trump-kim-optimism-hanoi.txt', 'Vietnam is one of the few places in the world', 'trump'],
  ['xinhua-kim-trump-meet-hanoi.txt', 'efforts and patience', 'kim'],
  ['xinhua-kim-trump-meet-hanoi.txt', 'outcome that everybody will welcome', 'kim'],
  ['xinhua-kim-trump-meet-hanoi.txt', 'equal or greater', 'trump'],
  ['xinhua-kim-trump-meet-hanoi.txt', 'successful', 'trump'],
  ['xinhua-kim-trump-meet-hanoi.txt', 'a lot of progress', 'trump'],
];

const ENTITY = { trump: 'person:donald-trump', kim: 'person:kim-jong-un' } as const;

describe('quotes: the sample corpus through Corpus', () => {
  let view: CorpusView;
  before(() => { view = sampleCorpus().resolve(); });

  it('loads all five articles', () => {
    assert.deepEqual([...view.articles.keys()].sort(), sampleFiles());
  });

  it('attributes every quote known to be Trump’s to person:donald-trump and Kim’s to person:kim-jong-un', () => {
    const wrong: string[] = [];
    for (const [file, prefix, who] of KNOWN_SPEAKERS) {
      const article = view.articles.get(file)!;
      const q = article.quotes.find(x => x.text.startsWith(prefix));
      if (!q) { wrong.push(`${file}: no quote “${prefix}…”`); continue; }
      if (q.kind !== 'speech') wrong.push(`${file}: “${prefix}…” is ${q.kind}, not speech`);
      if (q.speaker?.entityId !== ENTITY[who]) wrong.push(`${file}: “${prefix}…” → ${q.speaker?.entityId ?? 'no speaker'} (${q.speaker?.text ?? ''}), expected ${ENTITY[who]}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('names the resolved speakers canonically', () => {
    const names = new Set<string>();
    for (const a of view.articles.values()) for (const q of a.quotes) if (q.speaker?.entityId === ENTITY.kim) names.add(q.speaker.name);
    assert.deepEqual([...names], ['Kim Jong Un']);
  });

  it('classifies the scare quote “denuclearize” and the banner title “Hanoi Summit”', () => {
    const time = view.articles.get('time-kim-trump-handshake-hanoi.txt')!;
    assert.equal(time.quotes.find(q => q.text === 'denuclearize')?.kind, 'scare');
    const xinhua = view.articles.get('xinhua-kim-trump-meet-hanoi.txt')!;
    assert.equal(xinhua.quotes.find(q => q.text === 'Hanoi Summit')?.kind, 'title');
  });

  it('every quote of the corpus is exactly its stretch of its article', () => {
    for (const a of view.articles.values()) {
      assert.ok(a.quotes.length > 0, a.path);
      for (const q of a.quotes) assert.equal(a.text.slice(q.inner.start, q.inner.end), q.text);
    }
  });
});
