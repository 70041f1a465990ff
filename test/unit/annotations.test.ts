import * as assert from 'node:assert/strict';
import { makeAnchor, resolveAnchor } from '../../src/core/annotations/anchor';
import { parseSidecar, serializeSidecar } from '../../src/core/annotations/codec';
import { moveSpan } from '../../src/core/annotations/edits';
import type { Annotation, Sidecar } from '../../src/core/annotations/model';
import { nth } from './helpers';

const ARTICLE = 'Donald Trump met Kim Jong Un in Hanoi on Wednesday.\nKim said: "We have overcome all the obstacles."\n';

function sidecar(): Sidecar {
  const a1: Annotation = {
    id: 'a-2', kind: 'quote', note: 'Said through an interpreter.\nSecond line: with a colon', links: { speaker: 'person:kim-jong-un' },
    author: 'Reporter', created: '2019-02-27T10:00:00.000Z', updated: '2019-02-28T08:30:00.000Z',
    anchor: makeAnchor(ARTICLE, { start: nth(ARTICLE, 'We have'), end: nth(ARTICLE, 'obstacles.') + 'obstacles.'.length }),
  };
  const a2: Annotation = {
    id: 'a-1', kind: 'person', label: 'Donald Trump', links: { entityId: 'person:donald-trump' },
    author: 'Reporter', created: '2019-02-27T09:00:00.000Z', updated: '2019-02-27T09:00:00.000Z',
    anchor: makeAnchor(ARTICLE, { start: 0, end: 12 }),
  };
  const a3: Annotation = {
    // values YAML would otherwise read as null, booleans, numbers or comments
    id: 'a-3', kind: 'event', label: 'null', note: '# not a comment', date: '2019-02-27', links: { eventId: 'event:2019-02-27:1' },
    author: 'yes', created: '2019', updated: '~',
    anchor: { text: ': - "quoted" \t ‘curly’ 😀', prefix: '  leading spaces\r\n', suffix: 'trailing spaces  ', start: 60, end: 80 },
  };
  return { version: 1, article: 'article.txt', contentHash: 'cyrb53:00000000000001', annotations: [a1, a2, a3] };
}

/** The sidecar as parse gives it back: annotations in document order (by start, then id). */
function sorted(s: Sidecar): Sidecar {
  return { ...s, annotations: [...s.annotations].sort((a, b) => a.anchor.start - b.anchor.start || a.id.localeCompare(b.id)) };
}

describe('annotations: sidecar codec', () => {
  it('round-trips: parse(serialize(s)) equals s', () => {
    const s = sidecar();
    const parsed = parseSidecar(serializeSidecar(s), 'article.txt');
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.sidecar, sorted(s));
  });

  it('is stable: serializing twice, or again after a round trip, gives identical output', () => {
    const s = sidecar();
    const once = serializeSidecar(s);
    assert.equal(serializeSidecar(sidecar()), once);
    assert.equal(serializeSidecar(parseSidecar(once, 'article.txt').sidecar!), once);
  });

  it('writes keys in a stable order (id, kind, …, anchor) whatever the order in memory', () => {
    const s = sidecar();
    const shuffled: Sidecar = {
      annotations: s.annotations.map(a => {
        const reversed: Record<string, unknown> = {};
        for (const k of Object.keys(a).reverse()) reversed[k] = (a as unknown as Record<string, unknown>)[k];
        return reversed as unknown as Annotation;
      }),
      contentHash: s.contentHash, article: s.article, version: 1,
    };
    const text = serializeSidecar(shuffled);
    assert.equal(text, serializeSidecar(s));
    const blocks = text.split(/^ {2}- /m).slice(1);
    assert.equal(blocks.length, 3);
    for (const block of blocks) {
      const at = (key: string) => block.search(new RegExp(`^(?: {4})?${key}:`, 'm'));
      assert.equal(at('id'), 0, block);
      assert.ok(at('kind') > at('id'), block);
      assert.ok(at('anchor') > at('kind'), block);
    }
    const top = (key: string) => text.search(new RegExp(`^${key}:`, 'm'));
    assert.ok(top('version') < top('article') && top('article') < top('contentHash') && top('contentHash') < top('annotations'));
  });

  it('reports a YAML syntax problem with its line and column', () => {
    const source = 'version: 1\nannotations:\n  - id: a-1\n    kind: note\n    kind: place\n    anchor: {text: x, start: 0, end: 1}\n';
    const parsed = parseSidecar(source, 'a.txt');
    assert.equal(parsed.sidecar, null);
    assert.ok(parsed.problems.length >= 1);
    assert.deepEqual({ line: parsed.problems[0].line, column: parsed.problems[0].column }, { line: 5, column: 5 });
  });

  it('reports an unknown kind at its value', () => {
    const source = 'version: 1\nannotations:\n  - id: a-1\n    kind: bogus\n    anchor: {text: x, start: 0, end: 1}\n';
    const parsed = parseSidecar(source, 'a.txt');
    assert.equal(parsed.sidecar, null);
    assert.equal(parsed.problems.length, 1);
    assert.match(parsed.problems[0].message, /bogus/);
    assert.deepEqual({ line: parsed.problems[0].line, column: parsed.problems[0].column }, { line: 4, column: 11 });
  });

  it('reports a missing anchor at its annotation', () => {
    const source = 'version: 1\nannotations:\n  - id: a-1\n    kind: note\n    anchor: {text: x, start: 0, end: 1}\n  - id: a-2\n    kind: note\n';
    const parsed = parseSidecar(source, 'a.txt');
    assert.equal(parsed.sidecar, null);
    assert.equal(parsed.problems.length, 1);
    assert.match(parsed.problems[0].message, /anchor/);
    assert.equal(parsed.problems[0].line, 6);
  });

  it('reports a duplicate id at the second one', () => {
    const source = 'version: 1\nannotations:\n  - id: a-1\n    kind: note\n    anchor: {text: x, start: 0, end: 1}\n  - id: a-1\n    kind: place\n    anchor: {text: y, start: 2, end: 3}\n';
    const parsed = parseSidecar(source, 'a.txt');
    assert.equal(parsed.sidecar, null);
    assert.equal(parsed.problems.length, 1);
    assert.match(parsed.problems[0].message, /a-1/);
    assert.deepEqual({ line: parsed.problems[0].line, column: parsed.problems[0].column }, { line: 6, column: 9 });
  });

  it('refuses other shapes with a problem instead of throwing', () => {
    for (const source of ['version: 2\nannotations: []\n', 'version: 1\nannotations: {}\n', '- just\n- a list\n', 'version: 1\nannotations:\n  - id: a\n    kind: note\n    anchor: {text: x, start: 5, end: 1}\n', 'version: 1\nannotations:\n  - 42\n']) {
      const parsed = parseSidecar(source, 'a.txt');
      assert.equal(parsed.sidecar, null, source);
      assert.ok(parsed.problems.length > 0, source);
      for (const p of parsed.problems) assert.ok(p.line >= 1 && p.column >= 1, JSON.stringify(p));
    }
  });

  it('refuses an alias bomb (billion laughs) without hanging', () => {
    let bomb = 'version: 1\nlol0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n';
    for (let i = 1; i <= 9; i++) bomb += `lol${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
    bomb += 'annotations: []\n';
    // 9^10 strings if expanded: the alias limit refuses it long before (mocha's timeout guards against a hang)
    const parsed = parseSidecar(bomb, 'a.txt');
    assert.equal(parsed.sidecar, null);
    assert.match(parsed.problems[0]?.message ?? '', /alias/i);
  });

  it('reads an empty (or blank) file as an empty sidecar', () => {
    for (const source of ['', '\n', '   \n\n']) {
      const parsed = parseSidecar(source, 'a.txt');
      assert.deepEqual(parsed.problems, []);
      assert.deepEqual(parsed.sidecar?.annotations, []);
      assert.equal(parsed.sidecar?.article, 'a.txt');
    }
  });

  it('tolerates a byte-order mark', () => {
    const s = sidecar();
    const parsed = parseSidecar('\uFEFF' + serializeSidecar(s), 'article.txt');
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.sidecar, sorted(s));
  });

  it('reads a file with CRLF line ends', () => {
    const s = sidecar();
    const parsed = parseSidecar(serializeSidecar(s).replace(/\n/g, '\r\n'), 'article.txt');
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.sidecar, sorted(s));
  });
});

describe('annotations: makeAnchor / resolveAnchor', () => {
  const text = 'Donald Trump met Kim Jong Un in Hanoi. Later, Trump met the press. Trump left on Thursday.';
  const second = nth(text, 'Trump', 1);
  const anchor = makeAnchor(text, { start: second, end: second + 5 });

  it('keeps the text, its offsets and some context either side', () => {
    assert.equal(anchor.text, 'Trump');
    assert.equal(anchor.start, second);
    assert.equal(anchor.end, second + 5);
    assert.ok(anchor.prefix.length > 0 && text.slice(0, second).endsWith(anchor.prefix));
    assert.ok(anchor.suffix.length > 0 && text.slice(second + 5).startsWith(anchor.suffix));
  });

  it('unchanged text → anchored where it was', () => {
    assert.deepEqual(resolveAnchor(text, anchor), { status: 'anchored', span: { start: second, end: second + 5 } });
  });

  it('text inserted before → moved by the inserted length', () => {
    const inserted = 'BREAKING NEWS FROM HANOI: ';
    const edited = inserted + text;
    assert.deepEqual(resolveAnchor(edited, anchor), { status: 'moved', span: { start: second + inserted.length, end: second + inserted.length + 5 } });
  });

  it('duplicate strings are decided by context, not by nearness to the old offset', () => {
    // after the edit the first "Trump" sits right next to the old offset; the annotated one is far away
    const edited = 'x'.repeat(second - 10) + text;
    const result = resolveAnchor(edited, anchor);
    assert.equal(result.status, 'moved');
    assert.equal(result.span?.start, second - 10 + second);
    assert.equal(edited.slice(result.span!.start - 7, result.span!.end), 'Later, Trump');
  });

  it('the same words at the old offset are not enough when their context is another occurrence\'s', () => {
    // a new sentence starting with the annotated word is typed right at the annotation
    const paragraph = 'Trump spoke first. Trump left early.';
    const a = makeAnchor(paragraph, { start: 0, end: 5 });
    const edited = 'Trump arrived late. ' + paragraph;
    const result = resolveAnchor(edited, a);
    assert.equal(result.span?.start, 'Trump arrived late. '.length, JSON.stringify(result));
    assert.equal(result.status, 'moved');
  });

  it('whitespace changed inside the text → needs-review, at the changed words', () => {
    const start = nth(text, 'Kim Jong Un');
    const a = makeAnchor(text, { start, end: start + 'Kim Jong Un'.length });
    const edited = text.replace('Kim Jong Un', 'Kim  Jong\nUn');
    const result = resolveAnchor(edited, a);
    assert.equal(result.status, 'needs-review');
    assert.equal(edited.slice(result.span!.start, result.span!.end), 'Kim  Jong\nUn');
  });

  it('text deleted → orphaned (never dropped, never pointed elsewhere)', () => {
    const start = nth(text, 'Kim Jong Un');
    const a = makeAnchor(text, { start, end: start + 'Kim Jong Un'.length });
    assert.deepEqual(resolveAnchor(text.replace('Kim Jong Un ', ''), a), { status: 'orphaned' });
    assert.deepEqual(resolveAnchor('', a), { status: 'orphaned' });
  });

  it('an anchor with no text is orphaned', () => {
    assert.equal(resolveAnchor(text, { text: '', prefix: '', suffix: '', start: 0, end: 0 }).status, 'orphaned');
  });

  it('CRLF text: offsets count \\r\\n as two and resolve exactly', () => {
    const crlf = text.replace(/\. /g, '.\r\n');
    const start = nth(crlf, 'Trump', 2);
    const a = makeAnchor(crlf, { start, end: start + 5 });
    assert.ok(a.prefix.includes('\r\n'));
    assert.deepEqual(resolveAnchor(crlf, a), { status: 'anchored', span: { start, end: start + 5 } });
    const edited = 'Headline\r\n\r\n' + crlf;
    const moved = resolveAnchor(edited, a);
    assert.deepEqual(moved, { status: 'moved', span: { start: start + 12, end: start + 17 } });
    assert.equal(edited.slice(moved.span!.start, moved.span!.end), 'Trump');
  });

  it('an anchor made on LF text finds the same occurrence after the file was converted to CRLF', () => {
    const lf = 'Donald Trump met Kim Jong Un in Hanoi.\nKim smiled.\nLater, Kim spoke.\n\nKim left.\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    for (let k = 1; k < 4; k++) {
      const s = nth(lf, 'Kim', k);
      const result = resolveAnchor(crlf, makeAnchor(lf, { start: s, end: s + 3 }));
      assert.equal(result.span?.start, nth(crlf, 'Kim', k), `occurrence ${k}`);
    }
  });
});

describe('annotations: moveSpan', () => {
  const span = { start: 10, end: 20 };
  const change = (start: number, end: number, insertedLength: number) => ({ start, end, insertedLength });

  it('an insertion before shifts the span', () => {
    assert.deepEqual(moveSpan(span, change(0, 0, 5)), { start: 15, end: 25 });
    assert.deepEqual(moveSpan(span, change(10, 10, 3)), { start: 13, end: 23 }, 'typing at the start goes before the annotation');
  });

  it('a deletion before shifts the span back', () => {
    assert.deepEqual(moveSpan(span, change(0, 5, 0)), { start: 5, end: 15 });
    assert.deepEqual(moveSpan(span, change(8, 10, 0)), { start: 8, end: 18 });
  });

  it('an insertion inside grows the span', () => {
    assert.deepEqual(moveSpan(span, change(15, 15, 4)), { start: 10, end: 24 });
    assert.deepEqual(moveSpan(span, change(12, 14, 6)), { start: 10, end: 24 });
  });

  it('a deletion inside shrinks the span', () => {
    assert.deepEqual(moveSpan(span, change(12, 14, 0)), { start: 10, end: 18 });
    assert.deepEqual(moveSpan(span, change(10, 12, 0)), { start: 10, end: 18 });
    assert.deepEqual(moveSpan(span, change(18, 20, 0)), { start: 10, end: 18 });
  });

  it('an edit after (or typing at the end) leaves the span alone', () => {
    assert.deepEqual(moveSpan(span, change(20, 20, 4)), { start: 10, end: 20 });
    assert.deepEqual(moveSpan(span, change(25, 30, 0)), { start: 10, end: 20 });
  });

  it('deleting all of it → null', () => {
    assert.equal(moveSpan(span, change(10, 20, 0)), null);
    assert.equal(moveSpan(span, change(5, 25, 2)), null);
    assert.equal(moveSpan(span, change(10, 20, 7)), null, 'replaced wholesale: the annotated words are gone');
  });

  it('a deletion overlapping the start keeps the rest, moved to where the deletion was', () => {
    assert.deepEqual(moveSpan(span, change(5, 15, 0)), { start: 5, end: 10 });
    assert.deepEqual(moveSpan(span, change(5, 15, 3)), { start: 8, end: 13 });
  });

  it('a deletion overlapping the end keeps the front', () => {
    assert.deepEqual(moveSpan(span, change(15, 25, 0)), { start: 10, end: 15 });
    assert.deepEqual(moveSpan(span, change(15, 25, 3)), { start: 10, end: 15 });
  });

  it('agrees with the text: the moved span still reads the surviving words', () => {
    const text = 'Donald Trump met Kim Jong Un in Hanoi.';
    const s = { start: nth(text, 'Kim Jong Un'), end: nth(text, 'Kim Jong Un') + 11 };
    const edits: [number, number, string][] = [[0, 7, ''], [0, 0, 'U.S. President '], [s.start + 3, s.start + 8, ''], [s.end, s.end, ' himself'], [s.start - 4, s.start + 4, 'with ']];
    const expected = ['Kim Jong Un', 'Kim Jong Un', 'Kim Un', 'Kim Jong Un', 'Jong Un'];
    edits.forEach(([from, to, insert], i) => {
      const edited = text.slice(0, from) + insert + text.slice(to);
      const moved = moveSpan(s, { start: from, end: to, insertedLength: insert.length });
      assert.ok(moved);
      assert.equal(edited.slice(moved.start, moved.end), expected[i], `edit ${i}`);
    });
  });
});
