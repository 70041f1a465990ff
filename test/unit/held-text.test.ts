import * as assert from 'node:assert/strict';
import { CompactText, hold, sameText, searchable, textOf } from '../../src/core/text/heldText';
import { detached, keptStretch } from '../../src/core/text/memo';
import { Corpus } from '../../src/core/corpus';
import { readSample, sampleFiles } from './helpers';

describe('an article’s text as the corpus holds it (heldText)', () => {
  it('a text of Latin-1 characters only is held as it is', () => {
    const text = 'Kim Jong Un met Donald Trump in Hanoi. "We will see," he said. Café, naïve — no: that dash is wide.'.replace('—', '-');
    assert.equal(hold(text), text);
  });

  it('a text with a few wide characters is held compact and made again exactly: curly quotes, dashes, emoji, CRLF, the mark itself', () => {
    const text = '“We’ll see,” Trump said — 👋\r\nKim\x1aJong Un… said “no”.\n' + 'plain words '.repeat(20);
    const held = hold(text);
    assert.ok(held instanceof CompactText);
    assert.equal(held.length, text.length);
    assert.equal(textOf(held), text);
    assert.ok(sameText(held, text));
    assert.ok(!sameText(held, text.replace('Kim', 'Kin')));
    assert.ok(!sameText(held, text + ' '));
  });

  it('a text mostly of wide characters (another script) is held as it is', () => {
    const text = '김정은 위원장이 하노이에서 트럼프 대통령을 만났다. '.repeat(5);
    assert.equal(hold(text), text);
  });

  it('every sample article comes back exactly, and a narrow word is found where the text has it', () => {
    for (const file of sampleFiles()) {
      const text = readSample(file);
      const held = hold(text);
      assert.equal(textOf(held), text, file);
      for (const word of ['Kim', 'Trump', 'Hanoi', 'summit', 'said', 'Xinhua', 'Moon']) {
        const where = searchable(held, word);
        const found: number[] = [], expected: number[] = [];
        for (let at = where.indexOf(word); at >= 0; at = where.indexOf(word, at + 1)) found.push(at);
        for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) expected.push(at);
        assert.deepEqual(found, expected, `${file}: ${word}`);
      }
      assert.equal(searchable(held, 'Kim’s'), text, 'a wide word is looked for in the whole text');
    }
  });

  it('random texts: made again exactly, and every narrow word found at the same places', () => {
    let seed = 11;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const alphabet = ['a', 'b', 'K', ' ', '\n', '’', '“', '”', '—', '\x1a', 'é', '😀'];
    for (let round = 0; round < 200; round++) {
      const text = Array.from({ length: 50 + random(400) }, () => alphabet[random(random(4) ? 7 : alphabet.length)]).join('');
      const held = hold(text);
      assert.equal(textOf(held), text);
      const word = ['ab', 'K a', 'ba', 'a\nb'][random(4)];
      assert.equal(searchable(held, word).indexOf(word), text.indexOf(word));
    }
  });
});

describe('strings kept out of a text (detached, keptStretch)', () => {
  it('are equal to the stretch, short ones one shared string', () => {
    const text = '“We will see what happens, we will see,” said the president of the United States.';
    const long = text.slice(1, 70);
    assert.equal(detached(long), long);
    assert.equal(keptStretch(long), long);
    const name = text.slice(text.indexOf('United States'), text.indexOf('United States') + 13);
    assert.equal(keptStretch(name), 'United States');
  });
});

describe('the corpus holds texts compact and gives them back whole', () => {
  it('a view’s text and textOf are the text given, through an edit and a resolve', () => {
    const corpus = new Corpus();
    const text = '“We’ll see,” Donald Trump said in Hanoi on Wednesday — after meeting Kim Jong Un.\n' + 'Mr. Trump left Vietnam on Thursday. '.repeat(10);
    corpus.setArticle('file:///a.txt', text, []);
    let view = corpus.resolve();
    assert.equal(view.articles.get('file:///a.txt')!.text, text);
    assert.equal(corpus.textOf('file:///a.txt'), text);
    const edited = text.replace('Hanoi', 'Hà Nội');
    corpus.setArticle('file:///a.txt', edited, []);
    view = corpus.resolve();
    assert.equal(view.articles.get('file:///a.txt')!.text, edited);
    assert.equal(corpus.textOf('file:///a.txt'), edited);
    assert.ok(view.articles.get('file:///a.txt')!.mentions.some(m => m.text === 'Donald Trump'));
  });
});
