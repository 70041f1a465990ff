import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { recogniseEntities } from '../../src/core/ner/recognise';
import { findQuotes, quotedStretches } from '../../src/core/quotes';
import { quoteMarks } from '../../src/core/quotes/marks';

// Every quotation convention of English news, written for these tests (not taken from any corpus).

const quoted = (text: string) => quotedStretches(text).map(s => ({ whole: text.slice(s.start, s.end), inner: text.slice(s.inner.start, s.inner.end) }));
const speakers = (text: string) => findQuotes(text, recogniseEntities(text)).map(q => [q.text, q.kind, q.speaker?.text ?? null]);

describe('quotes: every convention of English news', () => {
  it("two apostrophes (NYT style): ''…'' is a quotation, the marks in its span, the words inside", () => {
    const text = "''The plant will close in June,'' said Maria Ortega, the union's president. She added, ''we were not told.''";
    assert.deepEqual(quoted(text), [
      { whole: "''The plant will close in June,''", inner: 'The plant will close in June,' },
      { whole: "''we were not told.''", inner: 'we were not told.' },
    ]);
    const found = speakers(text);
    assert.deepEqual(found.map(f => f[2]), ['Maria Ortega', 'She']);
    assert.ok(found.every(f => f[1] === 'speech'));
  });

  it("an article quoting only with two apostrophes has its quotations (ten of them, not none)", () => {
    const paragraph = (n: number) => `''Point number ${n} is the one that matters most to the council,'' said Dana Whitfield, a council member.`;
    const text = Array.from({ length: 10 }, (_, i) => paragraph(i + 1)).join('\n\n');
    const found = speakers(text);
    assert.equal(found.length, 10);
    assert.ok(found.every(f => f[1] === 'speech' && f[2] === 'Dana Whitfield'));
  });

  it("backticks (``…'') open, two apostrophes close", () => {
    assert.deepEqual(quoted("``We will not stop here,'' the mayor said."), [{ whole: "``We will not stop here,''", inner: 'We will not stop here,' }]);
  });

  it('guillemets and low-high marks, for quoted foreign sources', () => {
    assert.deepEqual(quoted('The minister said « we shall not give way » on Tuesday.').map(q => q.inner), ['we shall not give way']);
    assert.deepEqual(quoted('Merkel said „we can do this“ in 2015, and „never again” in 2016.').map(q => q.inner), ['we can do this', 'never again']);
    assert.deepEqual(quoted('She called it «the ‹real› test» of the alliance.').map(q => q.inner), ['the ‹real› test']);
  });

  it('single quotes in a headline are its quotations; an apostrophe is not', () => {
    const text = "Mayor on budget: 'We have no money left'\n\nThe mayor's office said it's Kim's 'plan' that failed.";
    assert.deepEqual(quoted(text).map(q => q.inner), ['We have no money left']);
  });

  it("a quotation over several paragraphs, in two apostrophes: open at each paragraph, closed at the last", () => {
    const text = "''The first part of the statement runs on,\n\n''and the second part ends it,'' said Lee Morgan.";
    const ss = quotedStretches(text);
    assert.equal(ss.length, 2);
    assert.ok(ss[0].continues);
    assert.equal(text.slice(ss[1].inner.start, ss[1].inner.end), 'and the second part ends it,');
  });

  it('inches and possessives are not quotation marks', () => {
    assert.deepEqual(quoted("He is 6'2'' tall. The players' union agreed."), []);
  });

  it('keeps every offset: the brought text is as long as the article', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom("''", '``', '«', '»', '‹', '›', '„', '“', '”', "'", '‘', '’', 'word', ' ', '\n\n', '.', ','), { maxLength: 60 }), pieces => {
      const text = pieces.join('');
      const marks = quoteMarks(text);
      assert.equal(marks.text.length, text.length);
      for (const s of quotedStretches(text)) assert.ok(s.start <= s.inner.start && s.inner.start <= s.inner.end && s.inner.end <= s.end && s.end <= text.length);
    }), { numRuns: 500 });
  });
});
