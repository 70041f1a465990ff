// Issue 3's tricky cases, on the shipped model (media/ner-model.bin) as the product uses it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Annotation } from '../../src/core/annotations/model';
import { makeAnchor } from '../../src/core/annotations/anchor';
import { Corpus } from '../../src/core/corpus';
import { modelRecogniser, parseModel } from '../../src/core/ner';

const MODEL = path.join(__dirname, '../../../media/ner-model.bin');
const SAMPLES = path.join(__dirname, '../../../sample-corpus');
const recogniser = modelRecogniser(parseModel(new Uint8Array(fs.readFileSync(MODEL))));
const found = (text: string, type?: string) => recogniser.recognise(text).filter(m => (type ? m.type === type : m.type !== 'DATE'));
const names = (text: string, type: string) => found(text, type).map(m => m.text);

function annotation(text: string, needle: string, kind: Annotation['kind'], links: Annotation['links'] = {}, nth = 0): Annotation {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, needle);
  return { id: `a-${kind}-${at}`, kind, links, author: 't', created: '2026-01-01T00:00:00Z', updated: '2026-01-01T00:00:00Z', anchor: makeAnchor(text, { start: at, end: at + needle.length }) };
}

describe('entity model: titles, honorifics, possessives', () => {
  it('titles stay outside the name and are kept as its title', () => {
    const people = found('U.S. Secretary of State Mike Pompeo and acting White House Chief of Staff Mick Mulvaney joined President Donald Trump.', 'PERSON');
    assert.deepEqual(people.map(m => m.text), ['Mike Pompeo', 'Mick Mulvaney', 'Donald Trump']);
    assert.equal(people[0].title, 'U.S. Secretary of State');
    assert.match(people[1].title ?? '', /Chief of Staff/);
    assert.match(people[2].title ?? '', /President/);
  });

  it('an honorific makes a person: "Mr. Kim", "Chairman Kim"', () => {
    assert.deepEqual(names('Mr. Kim will sign a joint statement.', 'PERSON'), ['Kim']);
    assert.deepEqual(names('“It’s an honor to be with Chairman Kim,” he replied.', 'PERSON'), ['Kim']);
  });

  it('a name made a modifier ("Clinton-run", "U.S.-backed") is not part of the name after it', () => {
    const text = 'Months before the attack, the Hilary Clinton-run State Department was told that troops were ready. The U.S.-backed Syrian Democratic Forces advanced.';
    const orgs = names(text, 'ORG');
    assert.ok(orgs.includes('State Department'), orgs.join(', '));
    assert.ok(orgs.includes('Syrian Democratic Forces'), orgs.join(', '));
    assert.ok(found(text).every(m => !/-(?:run|backed)\b/.test(m.text)), found(text).map(m => m.text).join(', '));
  });

  it('a person whose name is made a modifier is the person: "John Kerry-led", "the Donald Trump-led Republican field"', () => {
    const text = 'Officials at the John Kerry-led State Department said the deal would hold. The Donald Trump-led Republican field grew. The German-born Chancellor Angela Merkel spoke.';
    const people = names(text, 'PERSON');
    assert.deepEqual(people, ['John Kerry', 'Donald Trump', 'Angela Merkel']);
    assert.ok(names(text, 'ORG').includes('State Department'));
  });

  it('the possessive is not part of the name, curly or straight', () => {
    assert.deepEqual(names('Kim Jong Un arrived. Kim’s motorcade pulled in. Kim\'s aides followed.', 'PERSON'), ['Kim Jong Un', 'Kim', 'Kim']);
  });
});

describe('entity model: names of every shape', () => {
  it('Korean and hyphenated names stay whole', () => {
    assert.deepEqual(names('South Korean President Moon Jae-in met Kim Jong Un and Ri Yong Ho in Pyongyang.', 'PERSON'), ['Moon Jae-in', 'Kim Jong Un', 'Ri Yong Ho']);
  });

  it('all-caps headlines', () => {
    const m = found("NORTH KOREA'S KIM ARRIVES IN HANOI FOR SUMMIT\n\nKim Jong Un arrived in Hanoi on Tuesday.");
    assert.deepEqual(m.map(x => `${x.type}:${x.text}`), ['PLACE:NORTH KOREA', 'PERSON:KIM', 'PLACE:HANOI', 'PERSON:Kim Jong Un', 'PLACE:Hanoi']);
  });

  it('sentence-initial common words are not names', () => {
    const all = found('Calling Kim "a great leader" Trump said North Korea has potential. Despite the optimism, experts doubted it.').map(m => m.text);
    assert.ok(!all.some(t => /Calling|Despite/.test(t)), all.join(', '));
    assert.ok(all.includes('Kim') && all.includes('North Korea'), all.join(', '));
  });

  it('names inside quotations are found', () => {
    assert.ok(names('“I look forward to meeting Angela Merkel in Berlin,” he said.', 'PERSON').includes('Angela Merkel'));
  });

  it('every person of the sample articles is found, without title words', () => {
    const expected: Record<string, string[]> = {
      'xinhua-kim-trump-meet-hanoi.txt': ['Kim Jong Un', 'Donald Trump', 'Mike Pompeo', 'Mick Mulvaney', 'Kim Yong Chol', 'Ri Yong Ho', 'Wu Xiaochu'],
      'npr-kuow-second-trump-kim-summit-hanoi.txt': ['Kim Jong Un', 'Trump', 'Michael Cohen', 'Mick Mulvaney', 'Mike Pompeo', 'Kim Yong Chol', 'Ri Yong Ho'],
      'time-kim-trump-handshake-hanoi.txt': ['Kim Jong Un', 'Donald Trump', 'Trump', 'Kim', 'Laignee Barron'],
      'vietnamese-press-trump-kim-optimism-hanoi.txt': ['Donald Trump', 'Kim Jong Un', 'Mike Pompeo', 'Mick Mulvaney', 'Kim Yong Chol', 'Ri Yong Ho', 'Moon Jae-in'],
      'the-diplomat-trump-kim-second-summit-hanoi.txt': ['Donald J. Trump', 'Kim Jong Un', 'Trump', 'Kim', 'Moon Jae-in'],
    };
    for (const [file, people] of Object.entries(expected)) {
      const got = names(fs.readFileSync(path.join(SAMPLES, file), 'utf8'), 'PERSON');
      for (const p of people) assert.ok(got.includes(p), `${p} in ${file}: ${[...new Set(got)].join(', ')}`);
      assert.ok(!got.some(t => /\b(Mr|President|Chairman|Secretary|leader)\b/.test(t)), `a title inside a name in ${file}: ${got.join(', ')}`);
    }
  });
});

describe('entity model: across the corpus', () => {
  function corpus(articles: Record<string, string>, annotations: Record<string, Annotation[]> = {}) {
    const c = new Corpus({ recogniser });
    for (const [p, text] of Object.entries(articles)) c.setArticle(p, text, annotations[p] ?? []);
    return c.resolve();
  }
  const idsOf = (view: ReturnType<typeof corpus>, p: string, text: string) => view.articles.get(p)!.mentions.filter(m => m.text === text).map(m => m.entityId);

  it('"Kim" alone is Kim Jong Un, never Kim Yong Chol', () => {
    const view = corpus({ a: 'Kim Jong Un met Donald Trump in Hanoi. Kim Yong Chol joined them. Later, Kim smiled.' });
    assert.deepEqual(idsOf(view, 'a', 'Kim'), ['person:kim-jong-un']);
  });

  it('aliases resolve across two articles', () => {
    const view = corpus({
      a: 'President Donald Trump met the leader of the DPRK in Hanoi on Wednesday.',
      b: 'Donald J. Trump said North Korea could prosper. Mr. Trump smiled at the Metropole Hotel.',
      c: 'They met at the Sofitel Legend Metropole Hotel in Hanoi.',
    });
    assert.equal(idsOf(view, 'a', 'Donald Trump')[0], idsOf(view, 'b', 'Donald J. Trump')[0]);
    assert.equal(idsOf(view, 'b', 'Trump')[0], idsOf(view, 'a', 'Donald Trump')[0]);
    assert.equal(idsOf(view, 'a', 'DPRK')[0], idsOf(view, 'b', 'North Korea')[0]);
    assert.equal(view.entities.get(idsOf(view, 'a', 'Donald Trump')[0]!)!.name, 'Donald J. Trump', 'the longest full form names the entity');
  });

  it('the user overrides the model, and is learned from in every article', () => {
    const a = 'Trump Tower rose over Fifth Avenue. Analysts at Trump said profits rose.';
    const b = 'Executives of Trump said in New York that profits rose.';
    const view = corpus({ a, b }, { a: [annotation(a, 'Trump', 'organisation', {}, 1)] });
    const inB = view.articles.get('b')!.mentions.filter(m => m.text === 'Trump');
    assert.ok(inB.length > 0 && inB.every(m => m.type === 'ORG'), JSON.stringify(inB));
    assert.ok(inB.every(m => m.learnedFrom === 'a-organisation-' + a.indexOf('Trump', 1)));
  });

  it('a mention the user rejects stays rejected, here and in other articles', () => {
    const a = 'Analysts at Goldman Sachs met Kim Jong Un. Goldman Sachs declined to comment.';
    const b = 'Goldman Sachs said the summit was a success.';
    const view = corpus({ a, b }, { a: [annotation(a, 'Goldman Sachs', 'not-entity')] });
    for (const p of ['a', 'b']) assert.deepEqual(view.articles.get(p)!.mentions.filter(m => m.text === 'Goldman Sachs'), [], p);
    assert.ok(view.articles.get('a')!.mentions.some(m => m.text === 'Kim Jong Un'), 'other mentions are kept');
  });

  it('every speech quote of Trump and Kim in the sample corpus goes to the right person', () => {
    const files = fs.readdirSync(SAMPLES).filter(f => f.endsWith('.txt'));
    const view = corpus(Object.fromEntries(files.map(f => [f, fs.readFileSync(path.join(SAMPLES, f), 'utf8')])));
    const speakers: Record<string, string> = {
      'We’ll see': 'person:donald-trump', 'great relationship': 'person:donald-trump', 'a lot of thinking': 'person:kim-jong-un',
      'We have been able to overcome': 'person:kim-jong-un', 'It’s an honor': 'person:donald-trump', 'Our relationship is': 'person:donald-trump',
      'very successful': 'person:donald-trump', 'We made a lot of progress': 'person:donald-trump', 'However, we have been able': 'person:kim-jong-un',
      'And I hope that we': 'person:kim-jong-un', 'we have overcome distrust': 'person:kim-jong-un', 'That period tested': 'person:kim-jong-un',
      'Vietnam is one of the few': 'person:donald-trump', 'outcome that everybody': 'person:kim-jong-un', 'equal or greater': 'person:donald-trump',
      'no rush': 'person:donald-trump', 'new strategic line': 'person:kim-jong-un',
    };
    let checked = 0;
    for (const a of view.articles.values()) {
      for (const q of a.quotes.filter(x => x.kind === 'speech')) {
        const key = Object.keys(speakers).find(k => q.text.startsWith(k) || q.text.includes(k));
        if (!key) continue;
        checked++;
        assert.equal(q.speaker?.entityId, speakers[key], `${a.path}: “${q.text.slice(0, 40)}”`);
      }
    }
    assert.ok(checked >= 17, `${checked} quotes checked`);
  });
});

describe('entity model: backstops and events', () => {
  it('a country name the tagger leaves alone is still a place', () => {
    assert.ok(names('Talks stalled, according to senior US administration officials.', 'PLACE').includes('US'));
  });

  it('list items of links and headlines date no event', async () => {
    const { analyseArticle } = await import('../../src/core/analysis');
    const text = 'Kim Jong Un met Donald Trump in Hanoi on Feb. 27, 2019.\nMore Must-Reads\n- The Best Inventions of 2024 by Microsoft\n- How Donald Trump Won in 2016\n';
    const dated = analyseArticle(text, { recogniser }).events.map(d => d.date);
    assert.deepEqual(dated, ['2019-02-27']);
  });
});
