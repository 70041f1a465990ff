// The CLI writes sidecars as the extension does: merged with a concurrent write, never over a file it
// cannot read, only beside the article whatever the sidecar says.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { saveSidecarFile } from '../../src/cli';
import { makeAnchor } from '../../src/core/annotations/anchor';
import { MAX_SIDECAR_BYTES, parseSidecar, serializeSidecar } from '../../src/core/annotations/codec';
import type { Annotation, Sidecar } from '../../src/core/annotations/model';
import { runCli as cli } from './helpers';

const TEXT = 'Donald Trump met Kim Jong Un in Hanoi on Wednesday.\n';

function note(id: string, start: number, end: number): Annotation {
  return { id, kind: 'note', links: {}, author: 'someone', created: '2019-02-27T09:00:00.000Z', updated: '2019-02-27T09:00:00.000Z', anchor: makeAnchor(TEXT, { start, end }) };
}

describe('CLI: sidecars written safely', () => {
  let dir = '';
  let article = '';
  let sidecar = '';
  const sidecarOf = (...annotations: Annotation[]): Sidecar => ({ version: 1, article: 'a.txt', contentHash: '', annotations });
  const onDisk = () => parseSidecar(fs.readFileSync(sidecar, 'utf8'), 'a.txt');

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'source-annotator-cli-'));
    fs.mkdirSync(path.join(dir, 'articles'));
    article = path.join(dir, 'articles', 'a.txt');
    sidecar = `${article}.annotations.yaml`;
    fs.writeFileSync(article, TEXT);
  });

  afterEach(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a write by another program between our read and our rename is merged, not overwritten', () => {
    fs.writeFileSync(sidecar, serializeSidecar(sidecarOf(note('a-old', 0, 6))));
    const saved = saveSidecarFile(article, TEXT, list => [...list, note('a-ours', 7, 12)], {}, {
      afterTempWritten: attempt => { if (attempt === 1) fs.writeFileSync(sidecar, serializeSidecar(sidecarOf(note('a-old', 0, 6), note('a-theirs', 17, 28)))); },
    });
    assert.equal(saved.merges, 1);
    assert.deepEqual(onDisk().sidecar?.annotations.map(a => a.id), ['a-old', 'a-ours', 'a-theirs']);
    assert.deepEqual(fs.readdirSync(path.dirname(article)).sort(), ['a.txt', 'a.txt.annotations.yaml'], 'no temporary file left');
  });

  it('annotate ignores an `article` field naming a file elsewhere, warns, and writes only beside the article', () => {
    const outside = path.join(dir, 'outside.txt');
    fs.writeFileSync(outside, 'not an article');
    fs.writeFileSync(sidecar, serializeSidecar(sidecarOf(note('a-old', 0, 6))).replace('article: a.txt', 'article: ../outside.txt'));
    const run = cli('annotate', article, '--start', '17', '--end', '28', '--kind', 'person', '--author', 'tester');
    assert.equal(run.code, 0, run.err);
    assert.match(run.err, /a\.txt\.annotations\.yaml:4:10: warning: `article` says "\.\.\/outside\.txt"/);
    assert.equal(fs.readFileSync(outside, 'utf8'), 'not an article');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['articles', 'outside.txt'], 'no sidecar for the named file');
    assert.deepEqual(fs.readdirSync(path.dirname(article)).sort(), ['a.txt', 'a.txt.annotations.yaml']);
    assert.equal(onDisk().sidecar?.article, 'a.txt');
    assert.match(fs.readFileSync(sidecar, 'utf8'), /^article: a\.txt$/m, 'corrected when written');
    assert.deepEqual(onDisk().sidecar?.annotations.map(a => a.anchor.text), ['Donald', 'Kim Jong Un']);
  });

  it('annotate refuses an oversized sidecar (exit 1) and leaves it untouched', () => {
    const big = serializeSidecar(sidecarOf(note('a-old', 0, 6))) + `# ${'x'.repeat(MAX_SIDECAR_BYTES)}\n`;
    fs.writeFileSync(sidecar, big);
    const run = cli('annotate', article, '--start', '17', '--end', '28', '--kind', 'person');
    assert.equal(run.code, 1);
    assert.match(run.err, /larger than 5 MB/);
    assert.ok(fs.readFileSync(sidecar).equals(Buffer.from(big)));
    assert.equal(cli('annotations', article, '--format', 'json').code, 1, 'and will not list it');
  });

  it('annotate refuses a sidecar that is not UTF-8, saying where, and leaves it untouched', () => {
    const [head, tail] = serializeSidecar(sidecarOf(note('a-old', 0, 6))).split('author: someone');
    const latin1 = Buffer.concat([Buffer.from(`${head}author: Jos`), Buffer.from([0xe9]), Buffer.from(tail)]); // José in Latin-1
    fs.writeFileSync(sidecar, latin1);
    const run = cli('annotate', article, '--start', '17', '--end', '28', '--kind', 'person');
    assert.equal(run.code, 1);
    assert.match(run.err, /a\.txt\.annotations\.yaml:\d+:16: The annotations file is not valid UTF-8/);
    assert.ok(fs.readFileSync(sidecar).equals(latin1));
  });

  it('a sidecar with a byte-order mark and CRLF line ends is read and written', () => {
    fs.writeFileSync(sidecar, '\uFEFF' + serializeSidecar(sidecarOf(note('a-old', 0, 6))).replace(/\n/g, '\r\n'));
    const listed = cli('annotations', article, '--format', 'json');
    assert.equal(listed.code, 0, listed.err);
    assert.deepEqual(JSON.parse(listed.out).map((a: { id: string; status: string }) => [a.id, a.status]), [['a-old', 'anchored']]);
    const run = cli('annotate', article, '--start', '17', '--end', '28', '--kind', 'person');
    assert.equal(run.code, 0, run.err);
    assert.equal(onDisk().sidecar?.annotations.length, 2);
  });

  it('annotate records look-alikes (a caption repeating the sentence), and annotations then asks rather than moves', () => {
    const sentence = 'The new bridge opened on Monday.';
    const story = `Residents gathered early. ${sentence} Cars crossed within minutes.\n`;
    fs.writeFileSync(article, `Photo: ${sentence} (City of Elm River)\n\n${story}`);
    const start = fs.readFileSync(article, 'utf8').lastIndexOf('bridge opened');
    const run = cli('annotate', article, '--start', String(start), '--end', String(start + 'bridge opened on Monday'.length), '--kind', 'note');
    assert.equal(run.code, 0, run.err);
    assert.match(fs.readFileSync(sidecar, 'utf8'), /\n {6}repeats: 1\n {6}repeatContext: 11\n/);
    fs.writeFileSync(article, `Photo: ${sentence} (City of Elm River)\n\n${story.replace(` ${sentence}`, '')}`);
    const listed = cli('annotations', article, '--format', 'json');
    assert.equal(listed.code, 0, listed.err);
    assert.deepEqual(JSON.parse(listed.out).map((a: { status: string; start: number }) => [a.status, a.start]), [['needs-review', 'Photo: The new '.length]]);
  });
});
