// The CLI on articles nobody vetted, and what `annotations` gives for each status. Offsets are the extension's:
// UTF-16 code units into the text as the editor shows it (CRLF counts two, a byte-order mark does not count,
// mixed line breaks made uniform, bytes that are not UTF-8 one U+FFFD each; src/core/text/decode.ts).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseSidecar } from '../../src/core/annotations/codec';
import { nth, readSample, runCli } from './helpers';

interface Listed { id: string; kind: string; note: string | null; status: string; start: number | null; end: number | null; text: string }
interface Record { path: string; skipped?: string; entities: { start: number; end: number; text: string; type: string }[]; quotes: { start: number; end: number; text: string }[] }

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('CLI on bad input', () => {
  let dir = '';
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'source-annotator-bad-')); });
  afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  const file = (name: string, content: string | Buffer) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, content);
    return p;
  };
  const ok = (...args: string[]) => {
    const run = runCli(...args);
    assert.equal(run.code, 0, run.err);
    return run;
  };
  const analyze = (p: string): Record => JSON.parse(ok('analyze', '--format', 'jsonl', p).out);
  const list = (p: string): Listed[] => JSON.parse(ok('annotations', p, '--format', 'json').out);
  const annotate = (p: string, start: number, end: number) => JSON.parse(ok('annotate', p, '--start', String(start), '--end', String(end), '--kind', 'claim', '--note', 'check', '--author', 'tester').out) as { id: string; start: number; end: number; text: string };

  describe('annotations: each status', () => {
    const TEXT = 'Hanoi, Vietnam - The summit opened on Wednesday.\nNorth Korean leader Kim Jong Un arrived by train after a 60-hour journey.\nTrump flew in on Air Force One.\n';
    let article = '';
    let id = '';
    beforeEach(() => {
      article = file('summit.txt', TEXT);
      id = annotate(article, nth(TEXT, 'Kim Jong Un'), nth(TEXT, 'Kim Jong Un') + 11).id;
    });

    it('needs-review: the words slightly rewritten (and moved) → the best candidate’s offsets and its text now', () => {
      const rewritten = 'UPDATED 10:42\n' + TEXT.replace('Kim Jong Un', 'Kim Jong-un');
      fs.writeFileSync(article, rewritten);
      const at = nth(rewritten, 'Kim Jong-un');
      assert.deepEqual(list(article), [{ id, kind: 'claim', note: 'check', status: 'needs-review', start: at, end: at + 11, text: 'Kim Jong-un' }]);
    });

    it('orphaned: the words gone → start and end null, the text the annotation was made on; the sidecar is kept as it is', () => {
      const sidecar = fs.readFileSync(`${article}.annotations.yaml`);
      fs.writeFileSync(article, TEXT.replace(/North Korean leader.*\n/, ''));
      assert.deepEqual(list(article), [{ id, kind: 'claim', note: 'check', status: 'orphaned', start: null, end: null, text: 'Kim Jong Un' }]);
      assert.ok(sidecar.equals(fs.readFileSync(`${article}.annotations.yaml`)), 'never dropped, never rewritten');
    });
  });

  describe('offsets are the extension’s', () => {
    const lf = readSample('time-kim-trump-handshake-hanoi.txt');
    const crlf = lf.replace(/\n/g, '\r\n');
    const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length - 1;

    it('a CRLF article: analyze, annotate and annotations count each CRLF as two', () => {
      const plain = analyze(file('lf.txt', lf));
      const record = analyze(file('crlf.txt', crlf));
      assert.ok(record.entities.length > 10);
      for (const e of [...record.entities, ...record.quotes]) assert.equal(crlf.slice(e.start, e.end), e.text);
      assert.deepEqual(record.entities.map(e => e.start), plain.entities.map(e => e.start + lineOf(lf, e.start)), 'one more code unit per line break before it');
      const at = crlf.lastIndexOf('Donald Trump');
      assert.ok(lineOf(crlf, at) >= 3);
      const made = annotate(path.join(dir, 'crlf.txt'), at, at + 12);
      assert.deepEqual([made.start, made.end, made.text], [at, at + 12, 'Donald Trump']);
      const saved = parseSidecar(fs.readFileSync(path.join(dir, 'crlf.txt.annotations.yaml'), 'utf8'), 'crlf.txt').sidecar!.annotations[0];
      assert.equal(saved.anchor.prefix, crlf.slice(at - saved.anchor.prefix.length, at));
      assert.deepEqual(list(path.join(dir, 'crlf.txt')).map(a => [a.status, a.start, a.end]), [['anchored', at, at + 12]]);
    });

    it('an article with a byte-order mark (and CRLF): the mark is not counted', () => {
      const withBom = file('bom.txt', Buffer.concat([BOM, Buffer.from(crlf)]));
      assert.deepEqual(analyze(withBom).entities, analyze(file('crlf.txt', crlf)).entities);
      const at = crlf.lastIndexOf('Kim');
      assert.ok(lineOf(crlf, at) >= 3);
      assert.equal(annotate(withBom, at, at + 3).text, 'Kim');
      assert.deepEqual(list(withBom).map(a => [a.status, a.start, a.text]), [['anchored', at, 'Kim']]);
    });

    it('mixed line breaks: offsets into the text as the editor makes it uniform (here LF)', () => {
      const mixed = lf.replace('\n', '\r\n'); // one CRLF among LFs
      assert.deepEqual(analyze(file('mixed.txt', mixed)).entities, analyze(file('lf.txt', lf)).entities);
    });

    it('bytes that are not UTF-8: one U+FFFD each, analysed as the editor shows them', () => {
      const p = file('latin1.txt', Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9, 0xff]), Buffer.from(' talks. Donald Trump met Kim Jong Un in Hanoi.\n')]));
      const record = analyze(p);
      const shown = 'Caf\uFFFD\uFFFD talks. Donald Trump met Kim Jong Un in Hanoi.\n';
      const kim = record.entities.find(e => e.text === 'Kim Jong Un');
      assert.equal(kim?.start, shown.indexOf('Kim Jong Un'));
    });
  });

  describe('articles that are not analysed', () => {
    it('a binary file and one over 2 MB: analyze gives the reason as "skipped", with empty lists, and says so on stderr', () => {
      const binary = file('scan.txt', Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 0, 0x01, 0x4b, 0x69, 0x6d]));
      const huge = file('huge.txt', 'Donald Trump met Kim Jong Un. '.repeat(75_000));
      const run = ok('analyze', '--format', 'jsonl', binary, huge);
      const records = run.out.trim().split('\n').map(l => JSON.parse(l) as Record);
      assert.deepEqual(records.map(r => [path.basename(r.path), r.skipped, r.entities.length, r.quotes.length]), [['scan.txt', 'a binary file', 0, 0], ['huge.txt', 'larger than 2048 KB', 0, 0]]);
      assert.match(run.err, /scan\.txt: not analysed: a binary file/);
      assert.match(run.err, /huge\.txt: not analysed: larger than 2048 KB/);
    });

    it('an empty article: nothing found, no reason, no annotations; annotate refuses any offsets', () => {
      const empty = file('empty.txt', '');
      const t = fs.statSync(empty).mtime;
      const day = `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, '0')}-${String(t.getDate()).padStart(2, '0')}`;
      // no date in the text: the file's day, a guess
      assert.deepEqual(analyze(empty), { path: empty, published: { value: day, source: 'file' }, entities: [], quotes: [], events: [] });
      assert.deepEqual(list(empty), []);
      assert.equal(runCli('annotate', empty, '--start', '0', '--end', '1', '--kind', 'note').code, 2);
      assert.equal(fs.existsSync(`${empty}.annotations.yaml`), false);
    });
  });

  describe('offsets that are not offsets', () => {
    it('annotate refuses offsets in the middle of an emoji or of a CRLF (exit 2), with a message, and writes nothing', () => {
      const text = 'Kim \u{1F600} smiled.\r\nTrump waved.\r\n';
      const p = file('emoji.txt', text);
      const emoji = text.indexOf('\u{1F600}');
      const split = runCli('annotate', p, '--start', String(emoji + 1), '--end', String(emoji + 5), '--kind', 'note');
      assert.equal(split.code, 2);
      assert.match(split.err, new RegExp(`--start ${emoji + 1} is in the middle of a character written with two code units`));
      const crlf = text.indexOf('\r\n');
      const broken = runCli('annotate', p, '--start', '0', '--end', String(crlf + 1), '--kind', 'note');
      assert.equal(broken.code, 2);
      assert.match(broken.err, new RegExp(`--end ${crlf + 1} is in the middle of a CRLF line break`));
      assert.equal(fs.existsSync(`${p}.annotations.yaml`), false);
      assert.equal(annotate(p, emoji, emoji + 2).text, '\u{1F600}', 'the whole emoji is fine');
    });

    it('a sidecar with end: 1e300 is refused at that line, never rewritten as 1e+300', () => {
      const p = file('a.txt', 'Donald Trump met Kim Jong Un in Hanoi.\n');
      annotate(p, 0, 12);
      const sidecar = `${p}.annotations.yaml`;
      const edited = fs.readFileSync(sidecar, 'utf8').replace(/end: 12$/m, 'end: 1e300');
      fs.writeFileSync(sidecar, edited);
      const line = edited.split('\n').findIndex(l => l.includes('1e300')) + 1;
      const listed = runCli('annotations', p, '--format', 'json');
      assert.equal(listed.code, 1);
      assert.match(listed.err, new RegExp(`a\\.txt\\.annotations\\.yaml:${line}:\\d+: .*whole numbers.*not end 1e\\+300`));
      assert.equal(runCli('annotate', p, '--start', '17', '--end', '28', '--kind', 'note').code, 1);
      assert.equal(fs.readFileSync(sidecar, 'utf8'), edited, 'left as written');
    });

    it('annotations says when a sidecar’s offsets are beyond the end of the article, and does not call that anchored', () => {
      const text = 'Donald Trump met Kim Jong Un in Hanoi.\n';
      const p = file('a.txt', text);
      const { id } = annotate(p, text.indexOf('Hanoi'), text.indexOf('Hanoi') + 5);
      const sidecar = `${p}.annotations.yaml`;
      fs.writeFileSync(sidecar, fs.readFileSync(sidecar, 'utf8').replace(/end: \d+$/m, 'end: 5000'));
      const run = ok('annotations', p, '--format', 'json');
      assert.match(run.err, new RegExp(`warning: annotation ${id} says it is at 32–5000, beyond the end of the article \\(${text.length} characters\\)`));
      assert.deepEqual((JSON.parse(run.out) as Listed[]).map(a => [a.status, a.start, a.end]), [['moved', 32, 37]]);
    });
  });
});
