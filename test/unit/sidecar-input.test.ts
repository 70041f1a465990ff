// Sidecars are untrusted input (a git pull, a hand edit, a file from someone else): whatever is in them is
// read without harm, and what cannot be used is reported with its place, never silently changed.
import * as assert from 'node:assert/strict';
import { makeAnchor } from '../../src/core/annotations/anchor';
import { decodeSidecar, MAX_SIDECAR_BYTES, parseSidecar, serializeSidecar, sidecarTooLarge } from '../../src/core/annotations/codec';
import type { Sidecar } from '../../src/core/annotations/model';
import { firstInvalidUtf8 } from '../../src/core/text/utf8';

const TEXT = 'Donald Trump met Kim Jong Un in Hanoi.';
const bytes = (s: string) => new TextEncoder().encode(s);

function sidecar(): Sidecar {
  return {
    version: 1, article: 'a.txt', contentHash: 'cyrb53:00000000000001', annotations: [{
      id: 'a-1', kind: 'person', label: 'Kim Jong Un', links: {}, author: 'Reporter', created: '2019-02-27T09:00:00.000Z', updated: '2019-02-27T09:00:00.000Z',
      anchor: makeAnchor(TEXT, { start: 17, end: 28 }),
    }],
  };
}

const where = (p: { line: number; column: number } | undefined) => p && { line: p.line, column: p.column };

/** Broken sidecars and where their (first) problem is, in a file with LF line ends. */
const BROKEN: [string, string, { line: number; column: number }][] = [
  ['a YAML syntax error', 'version: 1\nannotations:\n  - id: a-1\n    kind: note\n    kind: place\n    anchor: {text: x, start: 0, end: 1}\n', { line: 5, column: 5 }],
  ['an unknown kind', 'version: 1\nannotations:\n  - id: a-1\n    kind: bogus\n    anchor: {text: x, start: 0, end: 1}\n', { line: 4, column: 11 }],
  ['a duplicate id', 'version: 1\nannotations:\n  - id: a-1\n    kind: note\n    anchor: {text: x, start: 0, end: 1}\n  - id: a-1\n    kind: place\n    anchor: {text: y, start: 2, end: 3}\n', { line: 6, column: 9 }],
  ['an unclosed flow sequence', 'version: 1\nannotations:\n  - id: x\n    kind: [unclosed\n', { line: 5, column: 1 }],
];

describe('sidecar input: limits', () => {
  it('a few YAML aliases in a hand-written file are fine', () => {
    const source = 'version: 1\nannotations:\n  - id: a-1\n    kind: note\n    author: &me Reporter\n    anchor: {text: x, start: 0, end: 1}\n  - id: a-2\n    kind: note\n    author: *me\n    anchor: {text: y, start: 2, end: 3}\n';
    const parsed = parseSidecar(source, 'a.txt');
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.sidecar?.annotations.map(a => a.author), ['Reporter', 'Reporter']);
  });

  it('an alias bomb is refused: aliases of aliases of lists, in an annotation', () => {
    let source = 'version: 1\nannotations:\n  - id: a-1\n    kind: note\n    note: &n0 [x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i <= 12; i++) source += `    n${i}: &n${i} [${Array(8).fill(`*n${i - 1}`).join(', ')}]\n`;
    source += '    anchor: {text: x, start: 0, end: 1}\n';
    const parsed = parseSidecar(source, 'a.txt');
    assert.equal(parsed.sidecar, null);
    assert.match(parsed.problems[0].message, /alias/i);
  });

  it('a sidecar over 5 MB is refused before it is parsed, as bytes and as text', () => {
    const big = serializeSidecar(sidecar()) + `# ${'x'.repeat(MAX_SIDECAR_BYTES)}\n`;
    for (const parsed of [decodeSidecar(bytes(big), 'a.txt'), parseSidecar(big, 'a.txt'), sidecarTooLarge(big.length)]) {
      assert.equal(parsed.sidecar, null);
      assert.match(parsed.problems[0].message, /larger than 5 MB/);
      assert.deepEqual(where(parsed.problems[0]), { line: 1, column: 1 });
    }
    assert.ok(decodeSidecar(bytes(serializeSidecar(sidecar())), 'a.txt').sidecar, 'an ordinary one is read');
  });
});

describe('sidecar input: bytes and line ends', () => {
  it('invalid UTF-8 is refused with the line and column of the first bad byte', () => {
    const good = bytes('version: 1\nannotations:\n  - id: a-1\n    note: “caf');
    const source = new Uint8Array([...good, 0xe9, ...bytes('”\n')]); // a Latin-1 é
    const parsed = decodeSidecar(source, 'a.txt');
    assert.equal(parsed.sidecar, null);
    assert.match(parsed.problems[0].message, /not valid UTF-8.*0xe9/);
    assert.deepEqual(where(parsed.problems[0]), { line: 4, column: 15 });
    // the column counts characters as the editor does, not bytes, and a byte-order mark is not one of them
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('note: “'), 0xff]);
    assert.deepEqual(where(decodeSidecar(withBom, 'a.txt').problems[0]), { line: 1, column: 8 });
  });

  it('the UTF-8 check refuses overlong forms, surrogates, truncated sequences and accepts all of Unicode', () => {
    assert.equal(firstInvalidUtf8(bytes('ascii, é, “”, 漢字, 😀')), -1);
    assert.equal(firstInvalidUtf8(new Uint8Array([0x41, 0xc0, 0xaf])), 1, 'overlong /');
    assert.equal(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80])), 0, 'a UTF-16 surrogate');
    assert.equal(firstInvalidUtf8(new Uint8Array([0x41, 0x42, 0xe2, 0x80])), 2, 'cut off at the end');
    assert.equal(firstInvalidUtf8(new Uint8Array([0xf4, 0x90, 0x80, 0x80])), 0, 'above U+10FFFF');
  });

  it('a byte-order mark is skipped, in bytes and in text', () => {
    const text = serializeSidecar(sidecar());
    assert.deepEqual(decodeSidecar(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(text)]), 'a.txt').sidecar, sidecar());
    assert.deepEqual(parseSidecar('\uFEFF' + text, 'a.txt').sidecar, sidecar());
    assert.deepEqual(where(parseSidecar('\uFEFFversion: 2\n', 'a.txt').problems[0]), { line: 1, column: 10 }, 'columns do not count it');
  });

  it('CRLF line ends: read alike, and every problem is at the same line and column as with LF', () => {
    assert.deepEqual(decodeSidecar(bytes(serializeSidecar(sidecar()).replace(/\n/g, '\r\n')), 'a.txt').sidecar, sidecar());
    for (const [what, source, at] of BROKEN) {
      const lf = parseSidecar(source, 'a.txt');
      const crlf = parseSidecar(source.replace(/\n/g, '\r\n'), 'a.txt');
      assert.equal(crlf.sidecar, null, what);
      assert.deepEqual(where(lf.problems[0]), at, `${what} (LF)`);
      assert.deepEqual(where(crlf.problems[0]), at, `${what} (CRLF)`);
    }
  });
});

describe('sidecar input: what it says about itself', () => {
  it('an `article` naming another file or a path elsewhere is ignored and reported, and corrected when written', () => {
    for (const other of ['../../outside/secret.txt', '/etc/passwd', 'C:\\\\Windows\\\\win.ini', 'b.txt']) {
      const source = serializeSidecar(sidecar()).replace('article: a.txt', `article: ${JSON.stringify(other)}`);
      const parsed = parseSidecar(source, 'a.txt');
      assert.deepEqual(parsed.problems, []);
      assert.equal(parsed.sidecar?.article, 'a.txt', other);
      assert.equal(parsed.warnings.length, 1, other);
      assert.match(parsed.warnings[0].message, /belongs to "a\.txt"/);
      assert.deepEqual(where(parsed.warnings[0]), { line: 4, column: 10 });
      assert.match(serializeSidecar(parsed.sidecar!), /^article: a\.txt$/m);
    }
    assert.deepEqual(parseSidecar(serializeSidecar(sidecar()), 'a.txt').warnings, [], 'the right name, no warning');
    assert.deepEqual(parseSidecar('version: 1\nannotations: []\n', 'a.txt').warnings, [], 'no name, no warning');
  });

  it('unknown keys are reported where they are (and nothing reaches Object.prototype)', () => {
    const source = 'version: 1\nannotations:\n  - id: a-1\n    kind: note\n    __proto__: {polluted: true}\n    anchor: {text: x, start: 0, end: 1, length: 1}\n';
    const parsed = parseSidecar(source, 'a.txt');
    assert.ok(parsed.sidecar);
    assert.deepEqual(parsed.warnings.map(w => [w.message.match(/`(\w+)`/)?.[1], w.line, w.column]), [['__proto__', 5, 5], ['length', 6, 41]]);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(parsed.sidecar.annotations[0]), Object.prototype);
  });
});

describe('sidecar input: look-alikes (anchor.repeats, anchor.repeatContext)', () => {
  const withCounts = (): Sidecar => {
    const s = sidecar();
    s.annotations[0].anchor = { ...s.annotations[0].anchor, repeats: 2, repeatContext: 0 };
    return s;
  };

  it('are written after the offsets, read back, and left out when there are none', () => {
    const written = serializeSidecar(withCounts());
    assert.match(written, /\n {6}end: 28\n {6}repeats: 2\n {6}repeatContext: 0\n/, 'a look-alike may share no context: 0 is written');
    const parsed = parseSidecar(written, 'a.txt');
    assert.deepEqual([parsed.problems, parsed.warnings], [[], []]);
    assert.deepEqual(parsed.sidecar, withCounts());
    assert.doesNotMatch(serializeSidecar(sidecar()), /repeat/, 'a unique text: no field, so sidecars and diffs stay as they were');
    const zero = serializeSidecar(sidecar()).replace('end: 28', 'end: 28\n      repeats: 0');
    assert.deepEqual(parseSidecar(zero, 'a.txt').warnings, []);
    assert.doesNotMatch(serializeSidecar(parseSidecar(zero, 'a.txt').sidecar!), /repeats/, '0 is none');
  });

  it('a count that is not a whole number ≥ 0 is reported where it is, read as none, and left out of a sidecar written afresh', () => {
    for (const bad of ['-1', '1.5', 'two', 'true', '[1]']) {
      const source = serializeSidecar(withCounts()).replace('repeatContext: 0', `repeatContext: ${bad}`);
      const parsed = parseSidecar(source, 'a.txt');
      assert.deepEqual(parsed.problems, [], bad);
      assert.equal(parsed.warnings.length, 1, bad);
      assert.match(parsed.warnings[0].message, /`anchor\.repeatContext` must be a whole number/);
      const line = source.split('\n').findIndex(l => l.includes('repeatContext:')) + 1;
      assert.deepEqual(where(parsed.warnings[0]), { line, column: 22 }, bad);
      assert.equal(parsed.sidecar?.annotations[0].anchor.repeats, 2, 'the other count is kept');
      assert.ok(!('repeatContext' in parsed.sidecar!.annotations[0].anchor), bad);
      assert.doesNotMatch(serializeSidecar(parsed.sidecar!), /repeatContext/, bad);
    }
  });
});
