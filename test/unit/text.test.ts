import * as assert from 'node:assert/strict';
import { contentHash } from '../../src/core/text/hash';
import { paragraphs, sentences } from '../../src/core/text/sentences';
import { isAbbreviation, tokenize, TOKEN_PATTERN } from '../../src/core/text/tokens';
import { readSample, sampleFiles } from './helpers';

const texts = (text: string, spans: readonly { start: number; end: number }[]) => spans.map(s => text.slice(s.start, s.end));

describe('text: tokenize', () => {
  it('gives words and punctuation with their offsets', () => {
    const text = 'Kim met Trump, then left.';
    assert.deepEqual(tokenize(text), [
      { text: 'Kim', start: 0, end: 3 },
      { text: 'met', start: 4, end: 7 },
      { text: 'Trump', start: 8, end: 13 },
      { text: ',', start: 13, end: 14 },
      { text: 'then', start: 15, end: 19 },
      { text: 'left', start: 20, end: 24 },
      { text: '.', start: 24, end: 25 },
    ]);
  });

  it('every token is exactly its stretch of the text, also with an offset', () => {
    const text = readSample('xinhua-kim-trump-meet-hanoi.txt').slice(0, 600);
    const tokens = tokenize(text, 1000);
    assert.ok(tokens.length > 50);
    for (const t of tokens) assert.equal(text.slice(t.start - 1000, t.end - 1000), t.text);
    for (let i = 1; i < tokens.length; i++) assert.ok(tokens[i].start >= tokens[i - 1].end, 'tokens overlap');
  });

  it('keeps the dots of abbreviations: "U.S." and "Mr." are one token each', () => {
    const tokens = tokenize('U.S. President Trump and Mr. Kim met on Feb. 27.');
    const words = tokens.map(t => t.text);
    assert.deepEqual(words, ['U.S.', 'President', 'Trump', 'and', 'Mr.', 'Kim', 'met', 'on', 'Feb.', '27', '.']);
    assert.deepEqual(tokens[0], { text: 'U.S.', start: 0, end: 4 });
    assert.deepEqual(tokens[4], { text: 'Mr.', start: 25, end: 28 });
  });

  it('splits a sentence-final dot from an ordinary word', () => {
    const tokens = tokenize('They met in Hanoi.');
    assert.deepEqual(tokens.slice(-2), [{ text: 'Hanoi', start: 12, end: 17 }, { text: '.', start: 17, end: 18 }]);
  });

  it('keeps possessives, hyphenated names and contractions in one token', () => {
    const words = (s: string) => tokenize(s).map(t => t.text);
    assert.deepEqual(words('Trump’s team'), ['Trump’s', 'team']);
    assert.deepEqual(words("Kim's motorcade"), ["Kim's", 'motorcade']);
    assert.deepEqual(words('the leaders’ aides'), ['the', 'leaders’', 'aides']);
    assert.deepEqual(words('Moon Jae-in didn’t'), ['Moon', 'Jae-in', 'didn’t']);
  });

  it('does not glue a closing single quote to a word that is not a plural', () => {
    assert.deepEqual(tokenize('‘Kim’ said').map(t => t.text), ['‘', 'Kim', '’', 'said']);
  });
});

describe('text: tokenize scans as the pattern matches', () => {
  // the tokens as the global pattern's matches give them, a final dot split off ordinary words
  const reference = (text: string) => Array.from(text.matchAll(TOKEN_PATTERN), m => {
    const start = m.index!;
    const word = m[0];
    if (word.length > 1 && word.endsWith('.') && !isAbbreviation(word)) return [{ text: word.slice(0, -1), start, end: start + word.length - 1 }, { text: '.', start: start + word.length - 1, end: start + word.length }];
    return [{ text: word, start, end: start + word.length }];
  }).flat();

  it('on every sample article and on strings of awkward characters: white space of every kind, surrogates, marks', () => {
    for (const f of sampleFiles()) { const text = readSample(f); assert.deepEqual(tokenize(text), reference(text), f); }
    const alphabet = ['a', 's', 'S', '1', ' ', '\n', '\t', '\u00a0', '\u2003', '\ufeff', '\u3000', '\u2028', '\u0085', '-', "'", '’', '.', '&', ',', '“', 'é', 'e\u0301', 'İ', '中', '٣', '😀', '𝐀', '\ud800', '\udc00', '\u200b', 'Mr.', 'U.S.', "s'", 'n’t', '..', 'Ⅻ', '²'];
    let seed = 7;
    const next = (k: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % k; };
    for (let i = 0; i < 20000; i++) {
      let text = '';
      for (let j = 1 + next(12); j > 0; j--) text += alphabet[next(alphabet.length)];
      assert.deepEqual(tokenize(text, 3), reference(text).map(t => ({ ...t, start: t.start + 3, end: t.end + 3 })), JSON.stringify(text));
    }
  });
});

describe('text: sentences', () => {
  it('splits after ordinary periods, question and exclamation marks', () => {
    const text = 'They talked. Then they left! Was it good? Yes.';
    assert.deepEqual(texts(text, sentences(text)), ['They talked.', 'Then they left!', 'Was it good?', 'Yes.']);
  });

  it('does not split after "U.S. President", "Mr. Kim" or "Feb. 27"', () => {
    const text = 'U.S. President Donald Trump met Mr. Kim on Feb. 27 in Hanoi. They shook hands.';
    assert.deepEqual(texts(text, sentences(text)), ['U.S. President Donald Trump met Mr. Kim on Feb. 27 in Hanoi.', 'They shook hands.']);
  });

  it('keeps closing quote marks with the sentence they end', () => {
    const text = 'Trump said, “We’ll see.” Kim smiled.';
    assert.deepEqual(texts(text, sentences(text)), ['Trump said, “We’ll see.”', 'Kim smiled.']);
  });

  it('splits before a sentence that opens with a quote mark', () => {
    const text = 'Kim spoke first. “We are here,” he said.';
    assert.deepEqual(texts(text, sentences(text)), ['Kim spoke first.', '“We are here,” he said.']);
  });

  it('does not split inside a number or before a lower-case word', () => {
    const text = 'The summit cost 2.5 million dollars. it was e.g. costly';
    assert.deepEqual(texts(text, sentences(text)), ['The summit cost 2.5 million dollars. it was e.g. costly']);
  });

  it('splits before a bracketed sentence ("… Thursday. [Copyright 2019 NPR]")', () => {
    // the NPR sample ends this way; analyseArticle drops copyright sentences, but only when they are sentences of their own
    const text = 'The summit continues Thursday. [Copyright 2019 NPR]';
    assert.deepEqual(texts(text, sentences(text)), ['The summit continues Thursday.', '[Copyright 2019 NPR]']);
  });

  it('never lets a sentence cross a paragraph', () => {
    const text = 'Kim arrived\nTrump followed.\n\nThey met';
    assert.deepEqual(texts(text, sentences(text)), ['Kim arrived', 'Trump followed.', 'They met']);
  });

  it('covers every sample article with non-overlapping, trimmed sentences', () => {
    for (const f of sampleFiles()) {
      const text = readSample(f);
      const ss = sentences(text);
      assert.ok(ss.length > 10, f);
      for (let i = 0; i < ss.length; i++) {
        const s = text.slice(ss[i].start, ss[i].end);
        assert.equal(s, s.trim(), `${f}: untrimmed sentence ${JSON.stringify(s)}`);
        assert.ok(!/[\r\n]/.test(s), `${f}: sentence crosses a line: ${JSON.stringify(s)}`);
        if (i) assert.ok(ss[i].start >= ss[i - 1].end, `${f}: sentences overlap`);
      }
    }
  });
});

describe('text: paragraphs', () => {
  it('splits at LF and CRLF; offsets count \\r\\n as two characters', () => {
    const text = 'First line.\r\nSecond line.\r\n\r\n  Third, indented.  \r\nLast';
    const ps = paragraphs(text);
    assert.deepEqual(texts(text, ps), ['First line.', 'Second line.', 'Third, indented.', 'Last']);
    assert.deepEqual(ps, [
      { start: 0, end: 11 },
      { start: 13, end: 25 },
      { start: 31, end: 47 },
      { start: 51, end: 55 },
    ]);
  });

  it('gives the same paragraph texts for the CRLF and LF forms of an article', () => {
    const lf = readSample('time-kim-trump-handshake-hanoi.txt');
    const crlf = lf.replace(/\n/g, '\r\n');
    assert.notEqual(lf, crlf);
    assert.deepEqual(texts(crlf, paragraphs(crlf)), texts(lf, paragraphs(lf)));
    assert.deepEqual(texts(crlf, sentences(crlf)), texts(lf, sentences(lf)));
  });

  it('has no paragraphs in blank text', () => {
    assert.deepEqual(paragraphs(''), []);
    assert.deepEqual(paragraphs('\r\n  \n\t\r\n'), []);
  });
});

describe('text: contentHash', () => {
  it('is stable: the same text gives the same hash', () => {
    const text = readSample('npr-kuow-second-trump-kim-summit-hanoi.txt');
    assert.equal(contentHash(text), contentHash(text.slice()));
    assert.equal(contentHash(text), contentHash([...text].join('')));
    assert.match(contentHash(text), /^cyrb53:[0-9a-f]{14}$/);
  });

  it('differs for different texts, also for small edits', () => {
    const text = readSample('npr-kuow-second-trump-kim-summit-hanoi.txt');
    const variants = [
      text,
      text + ' ',
      text.replace('Trump', 'Trunp'),
      text.replace(/\n/g, '\r\n'),
      text.slice(1),
      text.slice(0, -1) + '#',
      '#' + text.slice(1),
      text.slice(0, 1000) + text.slice(1001),
      '',
      'ab',
      'ba',
      ...sampleFiles().map(readSample),
    ];
    const hashes = new Set(variants.map(contentHash));
    assert.equal(hashes.size, new Set(variants).size);
  });
});
