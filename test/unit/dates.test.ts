import * as assert from 'node:assert/strict';
import { normaliseDates } from '../../src/core/dates';
import { analyseArticle } from '../../src/core/analysis';
import { chronoPieces } from '../../src/core/dates/chrono';

// Wednesday 27 February 2019, the day of the Hanoi summit's first dinner
const REF = '2019-02-27';
const values = (text: string, ref = REF) => normaliseDates(text, ref).map(d => [d.text, d.value]);
const valueOf = (text: string, words: string, ref = REF) => normaliseDates(text, ref).find(d => d.text.includes(words))?.value;

describe('dates: normalised against the publication date', () => {
  it('keeps the precision the text gives', () => {
    assert.equal(valueOf('The summit was held on February 27, 2019.', 'February'), '2019-02-27');
    assert.equal(valueOf('They met in Singapore in June 2018.', 'June'), '2018-06');
    assert.equal(valueOf('The talks collapsed in 2018.', '2018'), '2018');
    assert.equal(valueOf('Sales fell in the first quarter of 2019.', 'quarter'), '2019-Q1');
    assert.equal(valueOf('Prices rose in the 2010s.', '2010s'), '201');
    assert.equal(valueOf('Talks continue this week.', 'week'), '2019-W09');
  });

  it('a bare month is the nearest one before, unless the clause looks ahead', () => {
    assert.equal(valueOf('The first summit took place in June.', 'June'), '2018-06');
    assert.equal(valueOf('The leaders will meet again in June.', 'June'), '2019-06');
  });

  it('a weekday follows the tense: "said Friday" is the Friday before, "will meet Thursday" the one after', () => {
    assert.equal(valueOf('Trump said Friday that talks went well.', 'Friday'), '2019-02-22');
    assert.equal(valueOf('The two leaders will meet Thursday in Hanoi.', 'Thursday'), '2019-02-28');
    assert.equal(valueOf('He arrived on Wednesday.', 'Wednesday'), '2019-02-27');
    assert.equal(valueOf('They met last Monday.', 'Monday'), '2019-02-25');
  });

  it('resolves relative years and months', () => {
    assert.equal(valueOf('Last year, in April, the leaders met.', 'April'), '2018-04');
    assert.equal(valueOf('They met in June last year.', 'June'), '2018-06');
    assert.equal(valueOf('The deal was signed a decade ago.', 'decade'), '200');
    assert.equal(valueOf('The talks began two years ago.', 'years'), '2017');
    assert.equal(valueOf('It was announced earlier this month.', 'month'), '2019-02');
    assert.equal(valueOf('Exports grew last year.', 'last year'), '2018');
    assert.equal(valueOf('Exports will grow next year.', 'next year'), '2020');
    assert.equal(valueOf('He spoke yesterday.', 'yesterday'), '2019-02-26');
    assert.equal(valueOf('Seoul expects a deal this spring.', 'spring'), '2019-SP');
  });

  it('gives the present, the past and the future when there is no date', () => {
    assert.equal(valueOf('The two sides are now talking.', 'now'), 'PRESENT_REF');
    assert.equal(valueOf('The envoy currently lives in Seoul.', 'currently'), 'PRESENT_REF');
    assert.equal(valueOf('The envoy recently visited Seoul.', 'recently'), 'PAST_REF');
    assert.equal(valueOf('The envoy formerly lived in Seoul.', 'formerly'), 'PAST_REF');
    assert.equal(valueOf('Sanctions may be lifted in the future.', 'future'), 'FUTURE_REF');
  });

  it('a page’s buttons and headings ("Give Now", "Recent Features") are no time; a sentence’s "Now" is', () => {
    const text = 'Support our newsroom.\n\nGive Now\n\nRecent Features\n\nNow the two sides are talking.';
    assert.deepEqual(values(text), [['Now', 'PRESENT_REF']]);
  });

  it('a range keeps both ends', () => {
    const [d] = normaliseDates('He served from 2001 to 2009.', REF);
    assert.deepEqual([d.text, d.value, d.endValue], ['from 2001 to 2009', '2001', '2009']);
    const [e] = normaliseDates('During 1990-95 the economy grew.', REF);
    assert.deepEqual([e.value, e.endValue], ['1990', '1995']);
  });
});

describe('dates: bad input', () => {
  it('February 30 gets no calendar date', () => {
    for (const d of normaliseDates('The vote was held on February 30, 2019.', REF)) assert.ok(d.value === null || !/^2019-02-30/.test(d.value), JSON.stringify(d));
  });

  it('years far back and far ahead are fine', () => {
    assert.deepEqual(values('The Normans landed in 1066.'), [['1066', '1066']]);
    assert.deepEqual(values('A capsule to be opened in 2999.'), [['2999', '2999']]);
    assert.equal(valueOf('Harold died on October 14, 1066.', 'October'), '1066-10-14');
  });

  it('no dates, empty text, a bad reference date: an empty list, never a throw', () => {
    assert.deepEqual(normaliseDates('No date here at all.', REF), []);
    assert.deepEqual(normaliseDates('', REF), []);
    assert.deepEqual(normaliseDates('Friday', 'not a date'), []);
    assert.deepEqual(normaliseDates('Friday', '2019-02-30'), []);
    assert.doesNotThrow(() => normaliseDates('Friday Monday 1999 June 2018 the 1990s '.repeat(200), REF));
  });

  it('prices and counts are not years', () => {
    assert.deepEqual(values('It cost $1999 and 2000 percent more; 1,500 troops.'), []);
    assert.deepEqual(values('Net was $1.35 a share; the stock rose 3/4 to 12 3/4; up 4 to 15.'), []);
  });

  it('a postcode or a longer number is not a year in its first four digits', () => {
    assert.deepEqual(values('Send it to 100 Haven Avenue, New York, NY, 10032. Call 20191 or 1776'), [['1776', '1776']]);
  });

  it('numbered things, street numbers and counts are not years; a year long past is one after a word that makes it one', () => {
    assert.deepEqual(values('Section 1001 of the code and House Bill 1523 passed; HB 2017 too. He works at Suite 2000.'), []);
    assert.deepEqual(values('The road to 1600 Pennsylvania Avenue runs past 2000 Main Street.'), []);
    assert.deepEqual(values('That brings the total to nearly 1000. The Normans landed in 1066.'), [['1066', '1066']]);
    assert.deepEqual(values('In 2016 the bill passed.'), [['2016', '2016']]);
  });
});

describe('dates: a long article', () => {
  it('is read by chrono in pieces that end at a line’s end and cover it all; a line longer than a piece is cut after a sentence', () => {
    const para = 'The council met on Tuesday, March 5, 2019, and again on April 2.\n';
    const text = para.repeat(200) + 'A very long line. '.repeat(400) + '\n' + 'x'.repeat(9000);
    const pieces = chronoPieces(text);
    assert.equal(pieces[0].start, 0);
    assert.equal(pieces[pieces.length - 1].end, text.length);
    pieces.slice(1).forEach((p, i) => assert.equal(p.start, pieces[i].end, 'no gap, no overlap'));
    assert.ok(pieces.every(p => p.end - p.start <= 4096), 'no piece is longer than chrono is given at once');
    const cuts = pieces.slice(0, -1).map(p => text.slice(p.end - 2, p.end));
    assert.ok(cuts.every(c => c.endsWith('\n') || c.endsWith('.') || c === 'xx'), `cut at a line, a sentence or (no other way) anywhere: ${[...new Set(cuts)].join(' | ')}`);
  });

  it('gives every date of every paragraph, at its own offsets, as a short article does', () => {
    const para = 'The council met on Tuesday, March 5, 2019, and again on April 2.\n';
    const text = para.repeat(300);
    const one = normaliseDates(para, REF).map(d => [d.start, d.end, d.value]);
    const all = normaliseDates(text, REF).map(d => [d.start, d.end, d.value]);
    assert.deepEqual(all, Array.from({ length: 300 }, (_, k) => one.map(([s, e, v]) => [(s as number) + k * para.length, (e as number) + k * para.length, v])).flat());
  });
});

describe('dates: offsets', () => {
  it('are UTF-16 offsets, with an emoji before the date', () => {
    const text = '🎉 Signed on June 12, 2018 in Singapore.';
    const [d] = normaliseDates(text, REF);
    assert.equal(text.slice(d.start, d.end), 'June 12, 2018');
    assert.equal(d.start, 13); // the emoji is two UTF-16 units, then ' Signed on '
    assert.equal(d.value, '2018-06-12');
  });
});

describe('dates: counted from another date of the story', () => {
  it('"the day before", "the next day": from the date before them in the text, else from the publication date', () => {
    assert.equal(valueOf('They met on June 12, 2018. The day before, aides argued.', 'day before'), '2018-06-11');
    assert.equal(valueOf('They met on June 12, 2018. The next day, aides argued.', 'next day'), '2018-06-13');
    assert.equal(valueOf('Aides argued the day before.', 'day before'), '2019-02-26');
    assert.equal(valueOf('The vote was held in 2016. The next day, protests began.', 'next day'), null, 'a year gives no day');
  });

  it('"eight months after", "two weeks later": at the precision of the date counted from', () => {
    assert.equal(valueOf('The first summit was in June 2018. Eight months after, they met in Hanoi.', 'months'), '2019-02');
    assert.equal(valueOf('The talks began on March 3, 2021. Two weeks later, they collapsed.', 'weeks'), '2021-03-17');
    assert.equal(valueOf('Profit rose in the third quarter of 2018. A year earlier, it fell.', 'year earlier'), '2017-Q3');
    assert.equal(valueOf('The summit came eight months after the first meeting in June last year.', 'months'), '2019-02', 'from the date later in the sentence');
    const [, later] = normaliseDates('They met on June 12, 2018. Two days later they parted.', REF);
    assert.deepEqual(later.from, { start: 12, end: 25, text: 'June 12, 2018', value: '2018-06-12' });
  });

  it('"earlier this month", "a decade ago", "in June last year", weekends', () => {
    assert.equal(valueOf('It was announced earlier this month.', 'month'), '2019-02');
    assert.equal(valueOf('The plant closed a decade ago.', 'decade'), '200');
    assert.equal(valueOf('They met in June last year.', 'June'), '2018-06');
    assert.equal(valueOf('Officials met last weekend.', 'weekend'), '2019-W08-WE');
    assert.equal(valueOf('Officials said over the weekend that talks failed.', 'weekend'), '2019-W08-WE');
    assert.equal(valueOf('Officials will meet this weekend.', 'weekend'), '2019-W09-WE');
  });

  it('ranges keep both ends, the year given once at the end', () => {
    const [d] = normaliseDates('Prices rose from January to March 2018.', REF);
    assert.deepEqual([d.value, d.endValue], ['2018-01', '2018-03']);
  });

  it('lengths of time and a date split over two lines are no dates', () => {
    assert.deepEqual(values('They talked for 20 minutes; it took 260 days.'), []);
    assert.deepEqual(values('They meet tomorrow.\nThis second round'), [['tomorrow', '2019-02-28']]);
  });
});

describe('dates: bad input through the analysis', () => {
  const dates = (text: string, published = {}) => analyseArticle(text, { published }).mentions.filter(m => m.type === 'DATE').map(m => [m.text, m.value]);

  it('an article with no date at all: no DATE mention, and a publication date only if given', () => {
    const a = analyseArticle('The council met and voted. Nothing was decided.');
    assert.deepEqual(a.mentions.filter(m => m.type === 'DATE'), []);
    assert.deepEqual(a.published, { value: null, source: 'file', how: 'no date found in the text, and none given' });
    assert.ok(a.events.every(e => e.date === null), 'no event of it is dated');
  });

  it('dates in 1066 and 2999 keep their values; February 30 gets none, never March 2', () => {
    assert.deepEqual(dates('Harold died on October 14, 1066. A capsule opens in 2999.'), [['October 14, 1066', '1066-10-14'], ['2999', '2999']]);
    assert.deepEqual(dates('The vote was held on February 30, 2019.', { option: '2019-03-05' }), [['February 30, 2019', null]]);
    assert.deepEqual(dates('HANOI, Feb. 30 (Xinhua) -- Nothing.'), [['Feb. 30', null]]);
  });

  it('an article of only dates: each valued or null', () => {
    const text = 'Wednesday.\n2019.\nlast week\nFebruary 30\nthe 1990s\n';
    assert.deepEqual(dates(text), [['Wednesday', null], ['2019', '2019'], ['last week', null], ['February 30', null], ['the 1990s', '199']]);
    assert.deepEqual(dates(text, { file: '2019-02-27' }).map(d => d[1]), ['2019-02-27', '2019', '2019-W08', null, '199']);
    // a line that is only a full date, at the top, is taken for the publication date
    const dated = analyseArticle(`June 12, 2018.\n${text}`);
    assert.deepEqual(dated.published?.value, '2018-06-12');
    assert.deepEqual(dated.mentions.filter(m => m.type === 'DATE').map(m => m.value), ['2018-06-12', '2018-06-06', '2019', '2018-W23', null, '199']);
    assert.doesNotThrow(() => analyseArticle('Monday Tuesday 1066 2999 February 30 '.repeat(500), { published: { user: '2999-12-31' } }));
    assert.doesNotThrow(() => analyseArticle('Friday', { published: { user: '0001-01-01' } }));
  });
});
