import * as assert from 'node:assert/strict';
import { AnalysisCache, analyseArticle } from '../../src/core/analysis';
import { findPublished, resolvePublished } from '../../src/core/dates/published';
import { parseSidecar, serializeSidecar } from '../../src/core/annotations/codec';
import { editSidecarText } from '../../src/core/annotations/sidecarEdit';
import type { Sidecar } from '../../src/core/annotations/model';

// datelines, bylines and publication lines written for these tests, in the styles of wire services and news sites
describe('publication date: found in the text', () => {
  const value = (text: string, near?: string) => findPublished(text, near ? { value: near, words: 'the file' } : undefined)?.value;

  it('a wire dateline with the year, or with the year written in full nearby', () => {
    assert.equal(value('GENEVA, March 3, 2021 (AFP) - Negotiators resumed talks on Wednesday.'), '2021-03-03');
    assert.equal(value('A photo taken in Nairobi, Kenya, on Oct. 9, 2022.\nNAIROBI, Oct. 9 (Xinhua) -- Kenya said on Sunday that rains had eased.'), '2022-10-09');
    assert.equal(value('SÃO PAULO, 14 November 2020 — Brazil’s central bank held rates.'), '2020-11-14');
    assert.equal(value('Lyon, January 5, 2023. The mayor announced a new tram line.'), '2023-01-05');
  });

  it('a dateline without its year takes the year that puts it on or before the fallback date', () => {
    assert.equal(value('SEOUL, Dec. 30 (Yonhap) -- North Korea fired a missile.', '2024-01-02'), '2023-12-30');
    assert.equal(value('SEOUL, Dec. 30 (Yonhap) -- North Korea fired a missile.'), undefined);
    assert.match(findPublished('SEOUL, Dec. 30 (Yonhap) -- x', { value: '2024-01-02', words: 'the day the file was last changed' })!.how, /dateline “SEOUL, Dec\. 30 \(Yonhap\)”, its year from the day the file was last changed/);
  });

  it('"Published" and "Updated" lines: the first publication wins over the update', () => {
    assert.equal(value('Ministers agree budget\nUpdated 11:02 a.m. ET, Fri March 8, 2024\nPublished 6:15 a.m. ET, Thu March 7, 2024\nThe cabinet agreed…'), '2024-03-07');
    assert.equal(value('Ministers agree budget\nLast updated: 8 March 2024\nThe cabinet agreed…'), '2024-03-08');
    assert.equal(value('Headline\nPosted on 2023-07-19 at 14:05\nBody.'), '2023-07-19');
  });

  it('a byline or a date line near the top; ISO dates in front matter', () => {
    assert.equal(value('Flood defences fail\nBy Amina Okafor | July 2, 2021\nThe river rose overnight.'), '2021-07-02');
    assert.equal(value('WASHINGTON (Reuters) -\nSeptember 14, 2020 4:06 PM EDT\nThe Senate voted on Monday.'), '2020-09-14');
    assert.equal(value('---\ntitle: Vote count\npublished: "2022-11-09T08:00:00Z"\n---\nThe count went on.'), '2022-11-09');
  });

  it('no date, background dates in the body, a day the calendar lacks: none', () => {
    assert.equal(value('The council met and voted. Nothing was decided.'), undefined);
    assert.equal(value('The council met and voted.\nThe war ended with the armistice the council recalled in its statement, signed long ago on November 11, 1918, in a railway carriage at Compiègne.'), undefined);
    assert.equal(value('LONDON, Feb. 30, 2019 (Reuters) - A date that never was.'), undefined);
  });

  it('precedence: the user, then the text, then the command line, then the file (a guess)', () => {
    const dated = 'PARIS, June 4, 2022 (AFP) - Talks ended.';
    assert.deepEqual(resolvePublished(dated, { user: '2022-06-05', option: '2022-06-06', file: '2022-06-07' }).source, 'user');
    assert.deepEqual([resolvePublished(dated, { option: '2022-06-06', file: '2022-06-07' }).value, resolvePublished(dated, { option: '2022-06-06' }).source], ['2022-06-04', 'text']);
    assert.deepEqual(resolvePublished('Talks ended.', { option: '2022-06-06', file: '2022-06-07' }), { value: '2022-06-06', source: 'option', how: 'given on the command line (--published)' });
    assert.deepEqual(resolvePublished('Talks ended.', { file: '2022-06-07' }).source, 'file');
    assert.deepEqual(resolvePublished('Talks ended.'), { value: null, source: 'file', how: 'no date found in the text, and none given' });
    assert.equal(resolvePublished('Talks ended.', { user: '2022-02-30', option: 'soon' }).value, null, 'hints that are no dates are ignored');
  });
});

describe('publication date: the analysis is made against it', () => {
  it('relative dates follow it, and the cache keeps one analysis per publication date', () => {
    const text = 'The ministers met on Wednesday and will meet again next week.';
    const cache = new AnalysisCache();
    const at = (file: string) => cache.get(text, { published: { file } }).mentions.filter(m => m.type === 'DATE').map(m => m.value);
    assert.deepEqual(at('2019-02-27'), ['2019-02-27', '2019-W10']);
    assert.deepEqual(at('2021-06-18'), ['2021-06-16', '2021-W25']);
    assert.deepEqual(at('2019-02-27'), ['2019-02-27', '2019-W10']);
  });

  it('says how each value was found, in words, with the publication date it was counted from', () => {
    const a = analyseArticle('BERLIN, March 3, 2021 (dpa) - The chancellor spoke on Monday.');
    const monday = a.mentions.find(m => m.text === 'Monday')!;
    assert.equal(monday.value, '2021-03-01');
    assert.equal(monday.entityId, undefined, 'ids come with corpus resolution');
    assert.match(monday.how!, /^Monday → 2021-03-01, the Monday before the publication date, Wednesday 3 March 2021 \(from the dateline “BERLIN, March 3, 2021 \(dpa\)”\)$/);
    assert.deepEqual(a.published, { value: '2021-03-03', source: 'text', how: 'from the dateline “BERLIN, March 3, 2021 (dpa)”' });
  });
});

describe('publication date: the sidecar field `published`', () => {
  const sidecar = (published?: string): Sidecar => ({ version: 1, article: 'a.txt', contentHash: 'cyrb53:1', ...(published ? { published } : {}), annotations: [] });

  it('is read, written after contentHash, and round-trips', () => {
    const text = serializeSidecar(sidecar('2019-02-27'));
    assert.match(text, /contentHash: cyrb53:1\npublished: 2019-02-27\nannotations: \[\]/);
    assert.equal(parseSidecar(text, 'a.txt').sidecar?.published, '2019-02-27');
  });

  it('a value that is no date is reported, ignored and kept as written', () => {
    const parsed = parseSidecar('version: 1\npublished: 2019-02-30 # typo\nannotations: []\n', 'a.txt');
    assert.equal(parsed.sidecar?.published, undefined);
    assert.match(parsed.warnings[0].message, /`published` should be the article's publication date written YYYY-MM-DD/);
    const edited = editSidecarText('version: 1\npublished: 2019-02-30 # typo\nannotations: []\n', { ...sidecar(), contentHash: '' });
    assert.match(edited, /published: 2019-02-30 # typo/);
  });

  it('is set, changed and removed in place: comments and the rest of a hand-edited file stay as they are', () => {
    const hand = '# my notes on this article\nversion: 1\narticle: a.txt\ncontentHash: cyrb53:1\n\n# checked with the editor\nannotations: []\n';
    const set = editSidecarText(hand, sidecar('2019-02-27'));
    assert.equal(set, '# my notes on this article\nversion: 1\narticle: a.txt\ncontentHash: cyrb53:1\npublished: 2019-02-27\n\n# checked with the editor\nannotations: []\n');
    const changed = editSidecarText(set.replace('published: 2019-02-27', 'published: 2019-02-27 # from the print edition'), sidecar('2019-02-28'));
    assert.match(changed, /published: 2019-02-28 # from the print edition/);
    assert.equal(editSidecarText(set, sidecar()), hand);
  });
});
