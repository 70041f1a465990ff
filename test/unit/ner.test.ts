import * as assert from 'node:assert/strict';
import type { EntityType, Mention } from '../../src/core/model';
import { recogniseEntities } from '../../src/core/ner/recognise';
import { analyseArticle } from '../../src/core/analysis';
import { readSample, sampleFiles } from './helpers';

const TITLE_WORDS = /(^|\s)(Mr\.?|Mrs\.?|Ms\.?|President|Chairman|Secretary|leader|Minister)(\s|$)/;

const of = (ms: Mention[], type: EntityType) => ms.filter(m => m.type === type);
const named = (ms: Mention[], type: EntityType) => of(ms, type).map(m => m.text);
const find = (ms: Mention[], type: EntityType, text: string) => ms.find(m => m.type === type && m.text === text);

function assertSpansMatchText(text: string, ms: Mention[]): void {
  for (const m of ms) assert.equal(text.slice(m.start, m.end), m.text, `mention ${JSON.stringify(m.text)} at ${m.start}`);
}

describe('ner: recogniseEntities — people and titles', () => {
  it('"President Donald Trump" → PERSON "Donald Trump" with the title "President"', () => {
    const text = 'President Donald Trump arrived in Hanoi.';
    const ms = recogniseEntities(text);
    assertSpansMatchText(text, ms);
    const trump = find(ms, 'PERSON', 'Donald Trump');
    assert.ok(trump, JSON.stringify(ms));
    assert.equal(trump.start, 10);
    assert.equal(trump.end, 22);
    assert.match(trump.title ?? '', /President/);
    assert.equal(trump.origin, 'model');
    assert.deepEqual(named(ms, 'PERSON'), ['Donald Trump']);
  });

  it('"Mr. Kim" → PERSON "Kim" (the title is not in the span)', () => {
    const text = 'Kim Jong Un arrived by train. Mr. Kim waved to the crowd.';
    const ms = recogniseEntities(text);
    const kim = ms.find(m => m.type === 'PERSON' && m.start === text.indexOf('Kim waved'));
    assert.ok(kim, JSON.stringify(ms));
    assert.equal(kim.text, 'Kim');
    assert.match(kim.title ?? '', /Mr\./);
    assert.deepEqual(named(ms, 'PERSON'), ['Kim Jong Un', 'Kim']);
  });

  it('a capitalised sentence-initial word before a title does not join the name ("Later Mr. Trump met")', () => {
    const text = 'Donald Trump arrived on Tuesday. Later Mr. Trump met the press.';
    const ms = recogniseEntities(text);
    assertSpansMatchText(text, ms);
    assert.deepEqual(named(ms, 'PERSON'), ['Donald Trump', 'Trump']);
    assert.deepEqual(of(ms, 'PERSON').filter(m => TITLE_WORDS.test(m.text)).map(m => m.text), []);
  });

  it('excludes the possessive: "Trump’s team" → "Trump"', () => {
    const text = 'Donald Trump landed. Trump’s team arrived first. Kim Jong Un followed; Kim\'s motorcade was late.';
    const ms = recogniseEntities(text);
    assertSpansMatchText(text, ms);
    const trump = ms.find(m => m.type === 'PERSON' && m.start === text.indexOf('Trump’s'));
    assert.ok(trump, JSON.stringify(ms));
    assert.equal(trump.text, 'Trump');
    assert.equal(trump.end, text.indexOf('’s team'));
    const kim = ms.find(m => m.type === 'PERSON' && m.start === text.indexOf("Kim's"));
    assert.equal(kim?.text, 'Kim');
  });

  it('finds Korean names whole: "Kim Jong Un", "Ri Yong Ho", "Moon Jae-in"', () => {
    const text = 'North Korean leader Kim Jong Un met Foreign Minister Ri Yong Ho. South Korean President Moon Jae-in welcomed the talks.';
    const ms = recogniseEntities(text);
    assertSpansMatchText(text, ms);
    assert.deepEqual(named(ms, 'PERSON'), ['Kim Jong Un', 'Ri Yong Ho', 'Moon Jae-in']);
    assert.match(find(ms, 'PERSON', 'Kim Jong Un')?.title ?? '', /leader/);
    assert.match(find(ms, 'PERSON', 'Ri Yong Ho')?.title ?? '', /Minister/);
    assert.match(find(ms, 'PERSON', 'Moon Jae-in')?.title ?? '', /President/);
  });

  it('"U.S. President Donald Trump" gives PLACE "U.S." and PERSON "Donald Trump"', () => {
    const text = 'U.S. President Donald Trump met Kim Jong Un.';
    const ms = recogniseEntities(text);
    assertSpansMatchText(text, ms);
    const us = find(ms, 'PLACE', 'U.S.');
    assert.ok(us, JSON.stringify(ms));
    assert.deepEqual([us.start, us.end], [0, 4]);
    const trump = find(ms, 'PERSON', 'Donald Trump');
    assert.ok(trump);
    assert.deepEqual([trump.start, trump.end], [15, 27]);
    assert.ok(!ms.some(m => m.type === 'PERSON' && /U\.S\.|President/.test(m.text)));
  });

  it('sentence-initial common words are not entities ("The", "When")', () => {
    const text = 'Donald Trump met Kim Jong Un. The meeting began late. When it ended, Trump left Hanoi.';
    const ms = recogniseEntities(text);
    assertSpansMatchText(text, ms);
    assert.ok(!ms.some(m => /\b(The|When)\b/.test(m.text)), JSON.stringify(ms.map(m => m.text)));
    assert.deepEqual(named(ms, 'PERSON'), ['Donald Trump', 'Kim Jong Un', 'Trump']);
    assert.deepEqual(named(ms, 'PLACE'), ['Hanoi']);
  });

  it('a title-case headline gives no junk persons', () => {
    const headline = 'Trump, Kim Begin Second Historic Summit in Hanoi, Vietnam';
    const text = `${headline}\n\nU.S. President Donald Trump and North Korean leader Kim Jong Un met in Hanoi on Wednesday.`;
    const ms = recogniseEntities(text);
    assertSpansMatchText(text, ms);
    const inHeadline = ms.filter(m => m.end <= headline.length);
    assert.deepEqual(named(inHeadline, 'PERSON'), ['Trump', 'Kim']);
    assert.deepEqual(named(inHeadline, 'PLACE'), ['Hanoi', 'Vietnam']);
    assert.ok(!ms.some(m => /Begin|Second|Historic|Summit/.test(m.text) && m.type !== 'MISC'), JSON.stringify(inHeadline));
    assert.ok(!ms.some(m => m.text.includes('Begin')));
  });

  it('finds names inside quotation marks', () => {
    for (const text of ['Donald Trump said, "Kim Jong Un is a great leader."', 'Donald Trump said, “Kim Jong Un is a great leader.”']) {
      const ms = recogniseEntities(text);
      assertSpansMatchText(text, ms);
      assert.deepEqual(named(ms, 'PERSON'), ['Donald Trump', 'Kim Jong Un'], text);
    }
  });

  it('finds places and organisations from the word lists', () => {
    const text = 'The White House said the talks in Pyongyang and Hanoi would go on, Xinhua reported.';
    const ms = recogniseEntities(text);
    assertSpansMatchText(text, ms);
    assert.deepEqual(named(ms, 'PLACE'), ['Pyongyang', 'Hanoi']);
    assert.deepEqual(named(ms, 'ORG'), ['White House', 'Xinhua']);
    assert.deepEqual(named(ms, 'PERSON'), []);
  });
});

describe('analysis: DATE mentions with their values', () => {
  const dated = (text: string) => of(analyseArticle(text).mentions, 'DATE').map(m => [m.text, m.value]);

  it('"Feb. 27, 2019" → 2019-02-27', () => {
    assert.deepEqual(dated('The leaders met in Hanoi on Feb. 27, 2019.'), [['Feb. 27, 2019', '2019-02-27']]);
  });

  it('"June 2018" → 2018-06 and "2017" → 2017', () => {
    assert.deepEqual(dated('They first met in June 2018, after the tests in 2017.'), [['June 2018', '2018-06'], ['2017', '2017']]);
  });

  it('"Thursday" in an article dated Feb. 27, 2019 (a Wednesday) → 2019-02-28', () => {
    const text = 'HANOI, Feb. 27, 2019 -- The leaders met on Wednesday. The talks will continue Thursday.';
    assert.deepEqual(dated(text), [['Feb. 27, 2019', '2019-02-27'], ['Wednesday', '2019-02-27'], ['Thursday', '2019-02-28']]);
  });

  it('relative dates follow the article date: "last June" → 2018-06, "tomorrow" → the next day', () => {
    const text = 'Hanoi, February 27, 2019. Talks stalled last June and resume tomorrow.';
    assert.deepEqual(dated(text), [['February 27, 2019', '2019-02-27'], ['last June', '2018-06'], ['tomorrow', '2019-02-28']]);
  });

  it('a month name at the end of a sentence does not take the full stop ("… last June." → "last June")', () => {
    // the optional dot belongs to abbreviations ("Feb. 27"), not to "June" or "September"
    const text = 'Hanoi, February 27, 2019. Talks stalled last June. The first test was in September. The next is due Feb. 28.';
    assert.deepEqual(dated(text).map(([t]) => t), ['February 27, 2019', 'last June', 'September', 'Feb. 28']);
  });

  it('a weekday without a publication date stays undated (null), a written year keeps its value', () => {
    assert.deepEqual(dated('The summit continues Thursday, as it did in 2018.'), [['Thursday', null], ['2018', '2018']]);
  });

  it('a date that overlaps a name gives way to it, and the recognisers’ own date mentions are replaced', () => {
    const ms = analyseArticle('HANOI, Feb. 27, 2019 -- Kim met Trump on Wednesday.').mentions;
    assert.deepEqual(of(ms, 'DATE').map(m => m.text), ['Feb. 27, 2019', 'Wednesday']);
    for (const m of of(ms, 'DATE')) assert.ok(m.how && m.how.startsWith(m.text), m.how);
  });

  it('"May" alone (the verb) is no date', () => {
    assert.deepEqual(dated('Trump May decide later. They may meet again.'), []);
  });
});

/** People named in each sample article, read by hand: every written form that occurs in the article body. */
const PEOPLE: Record<string, string[]> = {
  'npr-kuow-second-trump-kim-summit-hanoi.txt': ['Trump', 'Kim Jong Un', 'Kim', 'Michael Cohen', 'Mick Mulvaney', 'Mike Pompeo', 'Kim Yong Chol', 'Ri Yong Ho'],
  'the-diplomat-trump-kim-second-summit-hanoi.txt': ['Donald J. Trump', 'Trump', 'Kim Jong Un', 'Kim', 'Moon Jae-in'],
  'time-kim-trump-handshake-hanoi.txt': ['Kim Jong Un', 'Donald Trump', 'Trump', 'Kim', 'Laignee Barron'],
  'vietnamese-press-trump-kim-optimism-hanoi.txt': ['Donald Trump', 'Trump', 'Kim Jong Un', 'Kim', 'Mike Pompeo', 'Mick Mulvaney', 'Kim Yong Chol', 'Ri Yong Ho', 'Moon Jae-in'],
  'xinhua-kim-trump-meet-hanoi.txt': ['Kim Jong Un', 'Donald Trump', 'Kim', 'Trump', 'Wu Xiaochu', 'Mike Pompeo', 'Mick Mulvaney', 'Kim Yong Chol', 'Ri Yong Ho'],
};

/** The part of an article the checks cover: TIME's page ends with a list of links to other stories. */
function body(file: string, text: string): string {
  const links = text.indexOf('More Must-Reads from TIME');
  return file.startsWith('time-') && links > 0 ? text.slice(0, links) : text;
}

describe('ner: the sample corpus', () => {
  it('has the five sample articles with a hand-written people list each', () => {
    assert.deepEqual(sampleFiles(), Object.keys(PEOPLE).sort());
  });

  for (const [file, people] of Object.entries(PEOPLE)) {
    describe(file, () => {
      const text = readSample(file);
      let ms: Mention[] = [];
      let persons: Mention[] = [];
      before(() => {
        ms = recogniseEntities(text);
        persons = of(ms, 'PERSON');
      });

      it('every mention is exactly its stretch of the text', () => assertSpansMatchText(text, ms));

      it('finds every person of the list as PERSON', () => {
        const found = new Set(persons.map(m => m.text));
        assert.deepEqual(people.filter(p => !found.has(p)), []);
      });

      it('covers every occurrence of those names in the article with a PERSON mention', () => {
        const b = body(file, text);
        const missed: string[] = [];
        for (const name of people) {
          const re = new RegExp(`(?<![\\w.@])${name.replace(/[.]/g, '\\.')}(?![\\w@-]|\\.\\w)`, 'g');
          for (const m of b.matchAll(re)) {
            const s = m.index!;
            if (!persons.some(p => p.start <= s && p.end >= s + name.length)) missed.push(`${name}@${s}: …${b.slice(Math.max(0, s - 25), s + name.length + 10)}…`);
          }
        }
        assert.deepEqual(missed, []);
      });

      it('no PERSON span contains a title word (Mr, Mr., President, Chairman, Secretary, leader)', () => {
        assert.deepEqual(persons.filter(m => TITLE_WORDS.test(m.text)).map(m => m.text), []);
      });

      it('no PERSON is a place, a nationality or a common word', () => {
        const junk = persons.filter(m => /^(Hanoi|Vietnam|Singapore|Pyongyang|North Korea|Korean|American|The|When|Summit|Historic|White House)$/.test(m.text));
        assert.deepEqual(junk.map(m => m.text), []);
      });
    });
  }
});
