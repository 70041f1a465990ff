import * as assert from 'node:assert/strict';
import * as chrono from 'chrono-node';
import { normaliseDates, scanDates } from '../../src/core/dates';
import { rereadingChrono } from '../../src/core/dates/chronoMatches';
import { sharingTokens, tokensIn } from '../../src/core/text/articleTokens';
import { tokenize } from '../../src/core/text/tokens';

// What the analysis reads once and shares (the article's tokens, a text's date matches) must give exactly
// what reading afresh gives.

const TEXT = 'Mr. Kim met Trump in Hanoi on Wednesday. “We’ll see,” he said.\nThe U.S. delegation left—two days later—for Washington.';

describe('shared readings: the same results as reading afresh', () => {
  it('a stretch of the article has the tokens tokenize gives it, whether its ends fall between tokens or cut one', () => {
    const stretches: [number, number][] = [[0, TEXT.length], [0, 40], [4, 40], [41, 63], [64, TEXT.length], [2, 9], [70, 75], [100, 100], [5, 3]];
    sharingTokens(TEXT, () => {
      for (const [start, end] of stretches) assert.deepEqual(tokensIn(TEXT, start, end), tokenize(TEXT.slice(start, end), start), `${start}–${end}`);
    });
  });

  it('reads another text afresh, and nothing is shared once the analysis is over', () => {
    const other = 'Another text, never shared.';
    sharingTokens(TEXT, () => assert.deepEqual(tokensIn(other, 8, 12), tokenize(other.slice(8, 12), 8)));
    assert.deepEqual(tokensIn(TEXT, 0, 10), tokenize(TEXT.slice(0, 10), 0));
  });

  it("chrono reading a text again against another day gives chrono's own results", () => {
    const text = 'On Friday they met; talks resume next week, three days after the March 3 vote, from January to March 2018.';
    const reader = rereadingChrono();
    for (const day of [new Date(1901, 0, 1, 12), new Date(2098, 6, 1, 12), new Date(2019, 1, 27, 12)]) {
      const plain = chrono.parse(text, day).map(r => [r.index, r.text, r.start.date().toISOString(), r.end?.date().toISOString()]);
      const again = reader.parse(text, day).map(r => [r.index, r.text, r.start.date().toISOString(), r.end?.date().toISOString()]);
      assert.deepEqual(again, plain, String(day));
    }
  });

  it('the dates of a text read from one scan against two days are those read afresh', () => {
    const text = 'The talks ended on Thursday. In the third quarter sales rose, as they did last weekend and in the 1990s; nineteen ninety-six was a year ago.';
    const scan = scanDates(text);
    for (const day of ['1901-01-01', '2098-07-01']) assert.deepEqual(normaliseDates(text, day, scan), normaliseDates(text, day), day);
  });
});
