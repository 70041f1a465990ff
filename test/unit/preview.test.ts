import * as assert from 'node:assert/strict';
import { analyseArticle } from '../../src/core/analysis';
import { placePreview, PREVIEW_FROM, previewSpan } from '../../src/core/preview';

describe('preview: the shown part of a long article first', () => {
  const paragraph = (i: number) => `Paragraph ${i}: Maria Lopez met Ahmed Haddad in Lisbon. "We will build it," Lopez said.`;
  const text = Array.from({ length: 3000 }, (_, i) => paragraph(i)).join('\n\n');

  it('reaches past what is shown and cuts at paragraph breaks', () => {
    assert.ok(text.length > PREVIEW_FROM);
    const shown = { start: 100_000, end: 104_000 };
    const span = previewSpan(text, shown);
    assert.ok(span.start < shown.start && span.end > shown.end, JSON.stringify(span));
    assert.ok(span.end - span.start < 48 * 1024, 'a few tens of kilobytes, not the article');
    assert.equal(text.slice(span.start - 2, span.start), '\n\n', 'starts a paragraph');
    assert.equal(text.slice(span.end, span.end + 2), '\n\n', 'ends one');
  });

  it('stays inside the text at either end', () => {
    assert.equal(previewSpan(text, { start: 0, end: 10 }).start, 0);
    assert.equal(previewSpan(text, { start: text.length - 10, end: text.length }).end, text.length);
  });

  it('gives the highlights the whole analysis gives there, at the article’s offsets', () => {
    const span = previewSpan(text, { start: 50_000, end: 52_000 });
    const preview = placePreview(analyseArticle(text.slice(span.start, span.end)), span.start);
    const whole = analyseArticle(text);
    const key = (x: { start: number; end: number }) => `${x.start}:${x.end}`;
    const wholeMentions = new Set(whole.mentions.map(m => `${key(m)}:${m.type}`));
    assert.ok(preview.mentions.length > 10);
    for (const m of preview.mentions) {
      assert.equal(text.slice(m.start, m.end), m.text, 'offsets moved to the article');
      assert.ok(wholeMentions.has(`${key(m)}:${m.type}`), `${m.text} at ${m.start}`);
    }
    const wholeQuotes = new Set(whole.quotes.map(q => `${key(q)}:${key(q.inner)}`));
    assert.ok(preview.quotes.length > 5);
    for (const q of preview.quotes) assert.ok(wholeQuotes.has(`${key(q)}:${key(q.inner)}`), q.text);
  });
});
