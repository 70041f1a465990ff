// Saving sidecars on the disk (the CLI, and the extension for a local folder): the lock against other
// processes, the size limit, links, permissions, temporary files and long names, with the CLI's exit codes.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseSidecar } from '../../src/core/annotations/codec';
import { sidecarFileNames } from '../../src/core/annotations/sidecarLock';
import { REPO_ROOT, runCli as cli } from './helpers';

const TEXT = 'Donald Trump met Kim Jong Un in Hanoi on Wednesday.\n';
const CLI = path.join(REPO_ROOT, 'out', 'src', 'cli.js');

/** A process id that no longer runs. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

describe('sidecars on disk: the lock, limits, links and permissions', () => {
  let dir = '';
  let article = '';
  let sidecar = '';
  const annotate = (...more: string[]) => cli('annotate', article, '--start', '17', '--end', '28', '--kind', 'person', ...more);
  const ids = () => parseSidecar(fs.readFileSync(sidecar, 'utf8'), path.basename(article)).sidecar!.annotations.map(a => a.id);
  const lockOf = (file: string) => path.join(path.dirname(file), sidecarFileNames(path.basename(file), 0).lock);

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'source-annotator-disk-'));
    article = path.join(dir, 'a.txt');
    sidecar = `${article}.annotations.yaml`;
    fs.writeFileSync(article, TEXT);
  });

  afterEach(() => {
    if (dir) { fs.chmodSync(dir, 0o755); fs.rmSync(dir, { recursive: true, force: true }); }
  });

  it('concurrent annotate processes: every annotation that exited 0 is in the sidecar, the others exited non-zero', async function () {
    this.timeout(120_000);
    const calls = Array.from({ length: 4 }, (_, writer) => Array.from({ length: 2 }, (_, i) => `w${writer}-${i}`));
    const outcomes = await Promise.all(calls.map(async notes => {
      const results: { note: string; code: number | null }[] = [];
      for (const note of notes) {
        const child = spawn(process.execPath, [CLI, 'annotate', article, '--start', '0', '--end', '6', '--kind', 'note', '--note', note], { stdio: 'ignore' });
        results.push({ note, code: await new Promise<number | null>(resolve => child.on('close', resolve)) });
      }
      return results;
    }));
    const saved = new Set(parseSidecar(fs.readFileSync(sidecar, 'utf8'), 'a.txt').sidecar!.annotations.map(a => a.note));
    assert.ok(saved.size > 0);
    for (const { note, code } of outcomes.flat()) assert.equal(saved.has(note), code === 0, `${note}: exit ${code}, ${saved.has(note) ? '' : 'not '}in the sidecar`);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['a.txt', 'a.txt.annotations.yaml'], 'no lock or temporary file left');
  });

  it('annotate waits for a save in progress, then exits 1 saying so and leaves the sidecar as it was', () => {
    assert.equal(annotate().code, 0);
    const before = fs.readFileSync(sidecar);
    fs.writeFileSync(lockOf(sidecar), JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString(), token: 't' }));
    const run = annotate('--wait-seconds', '0.3');
    assert.equal(run.code, 1);
    assert.match(run.err, /cannot save the annotations of a\.txt: another save in this program is saving them and did not finish within 0.3 s; nothing was written — try again/);
    assert.ok(fs.readFileSync(sidecar).equals(before));
  });

  it('the lock of a process that died is taken over: annotate succeeds and removes it', () => {
    fs.writeFileSync(lockOf(sidecar), JSON.stringify({ pid: deadPid(), host: os.hostname(), since: new Date().toISOString(), token: 't' }));
    const run = annotate('--wait-seconds', '0');
    assert.equal(run.code, 0, run.err);
    assert.equal(ids().length, 1);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['a.txt', 'a.txt.annotations.yaml']);
  });

  it('temporary files of saves that died are removed by the next save', () => {
    const names = sidecarFileNames('a.txt.annotations.yaml', deadPid());
    fs.writeFileSync(path.join(dir, names.temp), 'a killed save’s copy');
    const legacy = path.join(dir, '.a.txt.annotations.yaml.lwq3ab.tmp');
    fs.writeFileSync(legacy, 'an earlier version’s copy');
    fs.utimesSync(legacy, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    assert.equal(annotate().code, 0);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['a.txt', 'a.txt.annotations.yaml']);
  });

  it('a save that would pass --max-sidecar-kb is refused with exit 1, and the sidecar stays readable', () => {
    let run = annotate('--max-sidecar-kb', '1');
    for (let i = 0; run.code === 0 && i < 20; i++) run = annotate('--max-sidecar-kb', '1', '--note', 'x'.repeat(100));
    assert.equal(run.code, 1);
    assert.match(run.err, /would be 1\.\d KB, over the limit of 1 KB.*raise the setting sourceAnnotator\.maxSidecarSizeKB \(--max-sidecar-kb on the command line\)/);
    assert.ok(fs.statSync(sidecar).size <= 1024);
    assert.equal(cli('annotations', article, '--max-sidecar-kb', '1').code, 0, 'still read under the same limit');
    assert.equal(cli('annotations', article, '--max-sidecar-kb', 'lots').code, 2);
  });

  it('a linked sidecar is written through to its file; a link to nothing is refused', () => {
    fs.mkdirSync(path.join(dir, 'shared'));
    const target = path.join(dir, 'shared', 'kim.annotations.yaml');
    assert.equal(annotate().code, 0);
    fs.renameSync(sidecar, target);
    fs.symlinkSync(path.join('shared', 'kim.annotations.yaml'), sidecar);
    assert.equal(annotate().code, 0);
    assert.ok(fs.lstatSync(sidecar).isSymbolicLink(), 'still a link');
    assert.equal(parseSidecar(fs.readFileSync(target, 'utf8'), 'a.txt').sidecar!.annotations.length, 2, 'the shared file has both');
    assert.deepEqual(fs.readdirSync(path.join(dir, 'shared')), ['kim.annotations.yaml']);

    fs.rmSync(target);
    const run = annotate();
    assert.equal(run.code, 1);
    // refused when it is read, before the save: the reader names the link's target
    assert.match(run.err, /a\.txt\.annotations\.yaml:1:1: The annotations file cannot be read: a symbolic link to shared\/kim\.annotations\.yaml, which does not exist/);
    assert.match(run.err, /left untouched/);
    assert.ok(fs.lstatSync(sidecar).isSymbolicLink(), 'the link is left as it is');
    assert.ok(!fs.existsSync(target));
  });

  it('keeps the sidecar’s permissions (0600 stays 0600) and never replaces a read-only one', function () {
    if (process.platform === 'win32') this.skip();
    assert.equal(annotate().code, 0);
    fs.chmodSync(sidecar, 0o600);
    assert.equal(annotate().code, 0);
    assert.equal(fs.statSync(sidecar).mode & 0o777, 0o600);

    fs.chmodSync(sidecar, 0o444);
    const before = fs.readFileSync(sidecar);
    const run = annotate();
    assert.equal(run.code, 1);
    assert.match(run.err, /cannot write the annotations of a\.txt: a\.txt\.annotations\.yaml is read-only; nothing was written — make it writable/);
    assert.ok(fs.readFileSync(sidecar).equals(before));
    assert.equal(fs.statSync(sidecar).mode & 0o777, 0o444);
  });

  it('a read-only folder is said in words, not as errno text naming a temporary file', function () {
    if (process.platform === 'win32' || process.getuid?.() === 0) this.skip(); // root writes anyway
    fs.chmodSync(dir, 0o555);
    const run = annotate();
    assert.equal(run.code, 1);
    assert.match(run.err, /^source-annotator: cannot write the annotations of a\.txt: the folder is read-only/);
    assert.doesNotMatch(run.err, /EACCES|\.tmp/);
  });

  it('an article whose name has 236 characters (its sidecar has 253) can be annotated', () => {
    article = path.join(dir, `${'x'.repeat(232)}.txt`);
    sidecar = `${article}.annotations.yaml`;
    fs.writeFileSync(article, TEXT);
    const run = annotate();
    assert.equal(run.code, 0, run.err);
    assert.equal(ids().length, 1);
    assert.equal(fs.readdirSync(dir).length, 3, 'the two articles and one sidecar: nothing left beside them');
  });
});
