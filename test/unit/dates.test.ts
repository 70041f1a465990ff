import * as assert from 'node:assert/strict';
import { normaliseDates } from '../../src/core/dates';

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
