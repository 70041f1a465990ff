// Article files read as the editor shows them (src/core/text/decode.ts): what VS Code makes of a byte-order
// mark, CRLF and mixed line breaks, bytes that are not UTF-8 and UTF-16. Each expectation below is what
// VS Code's editor holds for those bytes (test/integration/badInput.test.ts checks the same in VS Code).
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { analyseArticle } from '../../src/core/analysis';
import { certainlyLongerThan, decodeArticle, uniformLineBreaks } from '../../src/core/text/decode';

const bytes = (...parts: (string | number[])[]): Uint8Array => new Uint8Array(parts.flatMap(p => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));
const BOM = [0xef, 0xbb, 0xbf];

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = [bigEndian ? 0xfe : 0xff, bigEndian ? 0xff : 0xfe];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out.push(...(bigEndian ? [c >> 8, c & 255] : [c & 255, c >> 8]));
  }
  return new Uint8Array(out);
}

describe('article files decoded as the editor shows them', () => {
  it('UTF-8 as it is; an empty file is an empty text', () => {
    assert.equal(decodeArticle(bytes('Kim Jong Un said “yes”.\n')), 'Kim Jong Un said “yes”.\n');
    assert.equal(decodeArticle(new Uint8Array()), '');
  });

  it('a byte-order mark is not part of the text, nor a second one right after it', () => {
    assert.equal(decodeArticle(bytes(BOM, 'Hanoi')), 'Hanoi');
    assert.equal(decodeArticle(bytes(BOM, BOM, 'a\r\nb')), 'a\r\nb');
    assert.equal(decodeArticle(bytes('a\uFEFFb')), 'a\uFEFFb', 'one inside the text stays');
  });

  it('CRLF is kept (offsets count it as two); mixed line breaks become the kind more than half of them hold', () => {
    assert.equal(decodeArticle(bytes('a\r\nb\r\nc')), 'a\r\nb\r\nc');
    assert.equal(decodeArticle(bytes('a\r\nb\nc\nd')), 'a\nb\nc\nd');
    assert.equal(decodeArticle(bytes('a\r\nb\r\nc\nd')), 'a\r\nb\r\nc\r\nd');
    assert.equal(decodeArticle(bytes('a\r\nb\nc\r\nd\ne')), 'a\nb\nc\nd\ne', 'half and half: LF');
    assert.equal(decodeArticle(bytes('a\rb\rc')), 'a\r\nb\r\nc', 'a lone CR holds a CR');
    assert.equal(decodeArticle(bytes('a\rb\nc')), 'a\nb\nc');
    assert.equal(decodeArticle(bytes('a\rb\r\nc\nd')), 'a\r\nb\r\nc\r\nd');
    assert.equal(decodeArticle(bytes(BOM, 'a\r\nb\nc\r\n')), 'a\r\nb\r\nc\r\n');
    assert.equal(decodeArticle(bytes('a\u0085b\u2028c\u2029d\n')), 'a\u0085b\u2028c\u2029d\n', 'NEL, LS and PS are no line breaks here');
  });

  it('bytes that are not UTF-8 become U+FFFD, one per ill-formed sequence', () => {
    assert.equal(decodeArticle(bytes('caf', [0xe9], ' Kim')), 'caf\uFFFD Kim', 'Latin-1 é');
    assert.equal(decodeArticle(bytes([0x61, 0xff, 0x62, 0xe2, 0x82, 0x63, 0xed, 0xa0, 0x80, 0x64, 0xc0, 0xaf, 0x0a])), 'a\uFFFDb\uFFFDc\uFFFD\uFFFD\uFFFDd\uFFFD\uFFFD\n');
  });

  it('UTF-16 with its byte-order mark, either byte order', () => {
    assert.equal(decodeArticle(utf16('Kim said "hi".\r\n', false)), 'Kim said "hi".\r\n');
    assert.equal(decodeArticle(utf16('Kim said "hi".\n', true)), 'Kim said "hi".\n');
  });

  it('uniform text is returned as it is', () => {
    const text = 'a\r\nb\r\n';
    assert.equal(uniformLineBreaks(text), text);
    assert.equal(uniformLineBreaks('no break'), 'no break');
  });

  it('a file over three bytes per code unit of the limit (and two byte-order marks) is certainly too long, whatever its bytes', () => {
    const interesting = fc.constantFrom(0x0d, 0x0a, 0xef, 0xbb, 0xbf, 0xff, 0xfe, 0xe2, 0x82, 0xf0, 0x9f, 0x98, 0xed, 0xa0, 0x80, 0x00, 0x61);
    fc.assert(fc.property(fc.array(fc.oneof(interesting, fc.integer({ min: 0, max: 255 })), { maxLength: 120 }), list => {
      const input = new Uint8Array(list);
      const length = decodeArticle(input).length;
      for (let max = 0; max <= input.length; max++) if (certainlyLongerThan(input.length, max)) assert.ok(length > max, `${length} units from ${input.length} bytes, limit ${max}`);
    }), { numRuns: 2000, seed: 7 });
    assert.equal(certainlyLongerThan(3 * 1024 + 6, 1024), false);
    assert.equal(certainlyLongerThan(3 * 1024 + 7, 1024), true);
  });

  it('an empty article, or only line breaks, is analysed to nothing without error', () => {
    for (const text of ['', '\r\n', '\n\n\n', '\uFFFD']) {
      const a = analyseArticle(text);
      assert.equal(a.skipped, undefined);
      assert.deepEqual([a.mentions, a.quotes, a.events], [[], [], []]);
    }
  });
});
