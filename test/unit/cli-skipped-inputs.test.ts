// One bad file never stops the rest: the CLI skips what is not a readable file (named pipes, sockets,
// devices, links to nothing, link loops, files and folders it may not read) with one line each on stderr,
// never opens a named pipe for reading (it would wait forever), does its work on the rest and exits 3.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { SOME_LEFT_OUT } from '../../src/cli';
import { readSample, runCli } from './helpers';

const ARTICLE = readSample('time-kim-trump-handshake-hanoi.txt');
const COMPILED_CLI = path.join(__dirname, '../../src/cli.js');
const IS_ROOT = process.getuid?.() === 0;

/**
 * The compiled CLI in a process of its own: a named pipe that were opened would stop this process, not the
 * test run (the timeout is a guard that turns such a regression into a failure, not a measure).
 */
function runCliProcess(args: string[]): { code: number | null; out: string; err: string } {
  const run = spawnSync(process.execPath, [COMPILED_CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

/**
 * Runs `f` with node's fs refusing, as the kernel does for a user who is not root, to open or list what has
 * no read permission (mode 000): as root nothing is unreadable, and running the CLI as another user needs a
 * checkout that user can read, which a test cannot count on.
 */
function asUnprivileged<T>(f: () => T): T {
  const real = require('node:fs') as typeof fs & Record<string, unknown>;
  const unreadable = (p: unknown) => {
    if (typeof p !== 'string') return false;
    try { return (real.statSync(p).mode & 0o444) === 0; } catch { return false; }
  };
  const denied = (p: string) => Object.assign(new Error(`EACCES: permission denied, open '${p}'`), { code: 'EACCES', errno: -13, path: p });
  const saved = new Map<string, unknown>();
  for (const name of ['openSync', 'readdirSync', 'readFileSync']) {
    const original = real[name] as (...a: unknown[]) => unknown;
    saved.set(name, original);
    real[name] = (...a: unknown[]) => { if (unreadable(a[0])) throw denied(a[0] as string); return original.apply(real, a); };
  }
  try {
    return f();
  } finally {
    for (const [name, original] of saved) real[name] = original;
  }
}

const paths = (out: string) => out.trim().split('\n').filter(Boolean).map(l => path.basename((JSON.parse(l) as { path: string }).path));
const skippedLines = (err: string) => err.split('\n').filter(l => l.startsWith('skipped ')).sort();

describe('CLI: skipped inputs and the exit status', () => {
  let dir = '';
  let socket: net.Server | undefined;
  const at = (name: string) => path.join(dir, name);
  const article = (name: string, text = ARTICLE) => { fs.writeFileSync(at(name), text); return at(name); };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'source-annotator-skip-'));
  });
  afterEach(() => {
    socket?.close();
    socket = undefined;
    for (const locked of ['locked', 'locked.txt']) if (fs.existsSync(at(locked))) fs.chmodSync(at(locked), 0o755);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('analyze: a named pipe, a device, a link to nothing, a link loop and a link to its own folder are skipped, one line each; the articles are analysed; exit 3', () => {
    article('a.txt');
    article('b.txt');
    spawnSync('mkfifo', [at('pipe.txt')]);
    assert.ok(fs.statSync(at('pipe.txt')).isFIFO(), 'test setup: mkfifo made a named pipe');
    fs.symlinkSync('/dev/null', at('device.txt'));
    fs.symlinkSync('missing.txt', at('dangling.txt'));
    fs.symlinkSync('loop.txt', at('loop.txt'));
    fs.symlinkSync('.', at('again'));
    const run = runCliProcess(['analyze', '--format', 'jsonl', '--rules', dir]);
    assert.equal(run.code, SOME_LEFT_OUT, run.err);
    assert.equal(SOME_LEFT_OUT, 3, 'the status the README documents');
    assert.deepEqual(paths(run.out), ['a.txt', 'b.txt']);
    assert.deepEqual(skippedLines(run.err), [
      `skipped ${at('again')}: a symbolic link loop (a link to a folder it is in)`,
      `skipped ${at('dangling.txt')}: a symbolic link to missing.txt, which does not exist`,
      `skipped ${at('device.txt')}: a device, not a file`,
      `skipped ${at('loop.txt')}: a symbolic link loop`,
      `skipped ${at('pipe.txt')}: a named pipe, not a file`,
    ]);
  });

  it('analyze: a socket with an article’s name is skipped', async () => {
    article('a.txt');
    socket = net.createServer();
    await new Promise<void>(resolve => socket!.listen(at('socket.txt'), resolve));
    const run = runCli('analyze', '--format', 'jsonl', '--rules', dir);
    assert.equal(run.code, SOME_LEFT_OUT, run.err);
    assert.deepEqual(paths(run.out), ['a.txt']);
    assert.deepEqual(skippedLines(run.err), [`skipped ${at('socket.txt')}: a socket, not a file`]);
  });

  it('analyze: a named pipe, or a link to nothing, named on the command line is skipped too; a mistyped name is still a usage error (exit 2)', () => {
    const good = article('a.txt');
    spawnSync('mkfifo', [at('pipe.txt')]);
    fs.symlinkSync('missing.txt', at('dangling.txt'));
    const run = runCliProcess(['analyze', '--format', 'jsonl', '--rules', at('pipe.txt'), good, at('dangling.txt')]);
    assert.equal(run.code, SOME_LEFT_OUT, run.err);
    assert.deepEqual(paths(run.out), ['a.txt']);
    assert.equal(skippedLines(run.err).length, 2);
    assert.equal(runCli('analyze', '--format', 'jsonl', good, at('typo.txt')).code, 2);
  });

  it('nothing skipped: exit 0 and no "skipped" line (an entry that is not an article, such as a named pipe called notes.fifo, is not read nor mentioned)', () => {
    article('a.txt');
    spawnSync('mkfifo', [at('notes.fifo')]);
    const run = runCliProcess(['analyze', '--format', 'jsonl', '--rules', dir]);
    assert.equal(run.code, 0, run.err);
    assert.deepEqual(skippedLines(run.err), []);
  });

  it('export: skips the named pipe and the link loop, writes the rest, exits 3', () => {
    article('a.txt');
    spawnSync('mkfifo', [at('pipe.txt')]);
    fs.symlinkSync('loop.txt', at('loop.txt'));
    const out = path.join(os.tmpdir(), `source-annotator-skip-${process.pid}.csv`);
    try {
      const run = runCliProcess(['export', dir, '--format', 'csv', '--out', out, '--rules']);
      assert.equal(run.code, SOME_LEFT_OUT, run.err);
      assert.equal(skippedLines(run.err).length, 2);
      assert.match(fs.readFileSync(out, 'utf8'), /a\.txt/);
    } finally {
      fs.rmSync(out, { force: true });
    }
  });

  it('annotate and annotations on a named pipe or a link loop: refused in words (exit 1), never waited on, nothing written', () => {
    spawnSync('mkfifo', [at('pipe.txt')]);
    fs.symlinkSync('loop.txt', at('loop.txt'));
    const annotated = runCliProcess(['annotate', at('pipe.txt'), '--start', '0', '--end', '1', '--kind', 'note']);
    assert.equal(annotated.code, 1);
    assert.match(annotated.err, /pipe\.txt: a named pipe, not a file/);
    const listed = runCliProcess(['annotations', at('loop.txt'), '--format', 'json']);
    assert.equal(listed.code, 1);
    assert.match(listed.err, /loop\.txt: a symbolic link loop/);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['loop.txt', 'pipe.txt'], 'no sidecar, no temporary file');
  });

  it('analyze: a refused sidecar (here a named pipe with the sidecar’s name) is said, the articles are all printed, exit 3', () => {
    article('a.txt');
    article('b.txt');
    spawnSync('mkfifo', [at('a.txt.annotations.yaml')]);
    const run = runCliProcess(['analyze', '--format', 'jsonl', '--rules', dir]);
    assert.equal(run.code, SOME_LEFT_OUT, run.err);
    assert.deepEqual(paths(run.out), ['a.txt', 'b.txt']);
    assert.match(run.err, /a\.txt\.annotations\.yaml:1:1: The annotations file is a named pipe, not a file\./);
  });

  it('analyze: a broken sidecar is refused, the articles are all printed, exit 3', () => {
    article('a.txt');
    article('b.txt');
    fs.writeFileSync(at('b.txt.annotations.yaml'), 'version: 1\nannotations: [oops\n');
    const run = runCli('analyze', '--format', 'jsonl', '--rules', dir);
    assert.equal(run.code, SOME_LEFT_OUT, run.err);
    assert.deepEqual(paths(run.out), ['a.txt', 'b.txt']);
    assert.match(run.err, /b\.txt\.annotations\.yaml:\d+:\d+: /);
  });

  describe('files and folders the user may not read', () => {
    const setUp = () => {
      article('a.txt');
      fs.writeFileSync(at('a.txt.annotations.yaml'), 'version: 1\nannotations: []\n', { mode: 0o000 });
      article('locked.txt');
      fs.chmodSync(at('locked.txt'), 0o000);
      fs.mkdirSync(at('locked'));
      article('locked/inside.txt');
      fs.chmodSync(at('locked'), 0o000);
    };
    const expected = () => [`skipped ${at('locked')}: permission denied`, `skipped ${at('locked.txt')}: permission denied`].sort();

    it('skipped as "permission denied", the rest analysed, an unreadable sidecar refused, exit 3 (as root, the refusal is simulated)', () => {
      setUp();
      const analyze = () => runCli('analyze', '--format', 'jsonl', '--rules', dir);
      const run = IS_ROOT ? asUnprivileged(analyze) : analyze();
      assert.equal(run.code, SOME_LEFT_OUT, run.err);
      assert.deepEqual(paths(run.out), ['a.txt']);
      assert.deepEqual(skippedLines(run.err), expected());
      assert.match(run.err, /a\.txt\.annotations\.yaml:1:1: The annotations file cannot be read: permission denied/, 'its sidecar refused, in words');
    });
  });
});
