// One save of a sidecar at a time, whichever program makes it: the lock, the limits checked before writing,
// the file's permissions and links, the temporary files, and the errors said in words (the core's rules,
// against a file system in memory; sidecar-disk.test.ts has them on the disk).
import * as assert from 'node:assert/strict';
import { serializeSidecar } from '../../src/core/annotations/codec';
import type { Annotation, Sidecar } from '../../src/core/annotations/model';
import { runSave, saveSidecarSteps, type SaveOptions, type SaveStep, type SidecarTarget } from '../../src/core/annotations/save';
import { SidecarNotSavedError } from '../../src/core/annotations/saveErrors';
import { LOCK_WAIT_MS, SidecarBusyError, sidecarFileNames, STALE_LOCK_MS, type LockFileRead, type TempFile } from '../../src/core/annotations/sidecarLock';

function note(id: string): Annotation {
  return { id, kind: 'note', links: {}, author: 'Reporter', created: '2019-02-27T09:00:00.000Z', updated: '2019-02-27T09:00:00.000Z', anchor: { text: id, prefix: '', suffix: '', start: 0, end: id.length } };
}
const add = (a: Annotation) => (list: Annotation[]) => [...list, a];
const file = (...annotations: Annotation[]): Sidecar => ({ version: 1, article: 'a.txt', contentHash: '', annotations });
const ME = { pid: 100, host: 'desk' };

/** A folder in memory: the sidecar, its lock, temporary files, the processes that run, and a clock moved by `sleep`. */
class Folder {
  sidecar: Uint8Array | undefined;
  lock: { content: string; ageMs: number } | undefined;
  temps = new Map<string, { content: string; ageMs: number; mode?: number }>();
  running = new Set<number>([ME.pid]);
  target: SidecarTarget | undefined;
  slept = 0;
  ops: string[] = [];
  fail: Partial<Record<SaveStep['op'], string>> = {};

  constructor(sidecar?: Sidecar) {
    if (sidecar) this.sidecar = new TextEncoder().encode(serializeSidecar(sidecar));
  }

  readonly io = (step: SaveStep): unknown => {
    this.ops.push(step.op);
    const code = this.fail[step.op];
    if (code) throw Object.assign(new Error(`${code}: something, '/tmp/x/.a.txt.annotations.yaml.100.tmp'`), { code });
    switch (step.op) {
      case 'inspect': return this.target;
      case 'read': return this.sidecar?.slice();
      case 'write-temp': this.temps.set(step.name, { content: step.content, ageMs: 0, mode: step.mode }); return;
      case 'commit': this.sidecar = new TextEncoder().encode(this.temps.get(step.name)!.content); this.temps.delete(step.name); return;
      case 'discard': case 'remove-temp': this.temps.delete(step.name); return;
      case 'lock-create': if (this.lock) return false; this.lock = { content: step.content, ageMs: 0 }; return true;
      case 'lock-read': return this.lock satisfies LockFileRead | undefined;
      case 'lock-remove': if (this.lock?.content === step.content) this.lock = undefined; return;
      case 'alive': return this.running.has(step.pid);
      case 'sleep': this.slept += step.ms; if (this.lock) this.lock.ageMs += step.ms; return;
      case 'list-temps': return [...this.temps].filter(([name]) => step.prefixes.some(p => name.startsWith(p))).map(([name, t]): TempFile => ({ name, ageMs: t.ageMs }));
    }
  };

  save(options: SaveOptions = {}) {
    return runSave(saveSidecarSteps('a.txt', '', add(note('ours')), { saver: ME, ...options }), this.io);
  }

  held(by: { pid: number; host: string }, ageMs = 0): this {
    this.lock = { content: JSON.stringify({ ...by, since: '2019-02-27T09:00:00.000Z', token: 'x' }), ageMs };
    return this;
  }
}

describe('sidecar lock: one save at a time', () => {
  it('the lock is taken before the first read and released after the rename', () => {
    const folder = new Folder(file(note('old')));
    folder.save();
    const ops = folder.ops.filter(op => op !== 'list-temps');
    assert.deepEqual(ops, ['inspect', 'lock-create', 'read', 'write-temp', 'read', 'commit', 'lock-remove']);
    assert.equal(folder.lock, undefined);
    assert.equal(folder.temps.size, 0);
  });

  it('released, and the temporary file deleted, when the save fails anywhere', () => {
    for (const op of ['write-temp', 'read', 'commit'] as const) {
      const folder = new Folder(file(note('old')));
      folder.fail[op] = 'ENOSPC';
      assert.throws(() => folder.save(), /cannot write the annotations of a\.txt: the disk is full; nothing was written/);
      assert.equal(folder.lock, undefined, `lock released after a failed ${op}`);
      assert.equal(folder.temps.size, 0, `no temporary file after a failed ${op}`);
    }
  });

  it('a save held up by another program waits a bounded time, then says it did not save', () => {
    const folder = new Folder(file(note('old'))).held({ pid: 200, host: 'desk' });
    folder.running.add(200);
    assert.throws(() => folder.save({ lockWaitMs: 2000 }), (e: unknown) =>
      e instanceof SidecarBusyError && /^cannot save the annotations of a\.txt: another program \(process 200\) is saving them and did not finish within 2 s; nothing was written — try again/.test(e.message));
    assert.equal(folder.slept, 2000, 'waited exactly the time given, in short pauses');
    assert.ok(folder.ops.filter(op => op === 'sleep').length > 5);
    assert.ok(!folder.ops.includes('write-temp') && !folder.ops.includes('read'));
    assert.equal(JSON.parse(folder.lock!.content).pid, 200, 'their lock is left alone');
    assert.equal(LOCK_WAIT_MS, 30_000);
  });

  it('the lock of a process that died is taken over at once; one of another machine only once it is a minute old', () => {
    const dead = new Folder().held({ pid: 300, host: 'desk' });
    dead.save();
    assert.equal(dead.slept, 0);
    assert.ok(dead.sidecar);

    const elsewhere = new Folder().held({ pid: 300, host: 'laptop' }, STALE_LOCK_MS - 1000);
    elsewhere.save({ lockWaitMs: 5000 });
    assert.ok(elsewhere.slept >= 1000 && elsewhere.slept <= 5000, 'waited until it was stale');
    assert.ok(elsewhere.sidecar);

    const garbled = new Folder();
    garbled.lock = { content: '', ageMs: 0 }; // its writer died between creating and filling it
    garbled.save();
    assert.ok(garbled.slept >= 5000);
    assert.ok(garbled.sidecar);
  });

  it('temporary files of saves that died are deleted by the next save; those of a running save are left', () => {
    const names = sidecarFileNames('a.txt.annotations.yaml', ME.pid);
    const folder = new Folder();
    folder.running.add(400);
    const theirs = (pid: number) => sidecarFileNames('a.txt.annotations.yaml', pid).temp;
    folder.temps.set(theirs(300), { content: 'dead', ageMs: 0 });
    folder.temps.set(theirs(400), { content: 'running', ageMs: 0 });
    folder.temps.set('.a.txt.annotations.yaml.123.tmp', { content: 'an earlier version’s, old', ageMs: STALE_LOCK_MS + 1 });
    folder.temps.set('.a.txt.annotations.yaml.lwq3.tmp', { content: 'an earlier version’s, new', ageMs: 10 });
    folder.temps.set('.b.txt.annotations.yaml.1.tmp', { content: 'another sidecar’s', ageMs: STALE_LOCK_MS + 1 });
    folder.save();
    assert.deepEqual([...folder.temps.keys()].sort(), [theirs(400), '.a.txt.annotations.yaml.lwq3.tmp', '.b.txt.annotations.yaml.1.tmp'].sort());
    assert.ok(!folder.temps.has(names.temp));
  });
});

describe('sidecar save: limits, permissions and names', () => {
  it('a save that would pass the size limit is refused before anything is written, saying what to do', () => {
    const folder = new Folder();
    const before = folder.sidecar;
    assert.throws(() => folder.save({ maxBytes: 200 }), (e: unknown) => e instanceof SidecarNotSavedError &&
      /^cannot save the annotations of a\.txt: its annotations file would be \d+ bytes, over the limit of 200 bytes.*nothing was written — split the article, delete annotations it no longer needs, or raise the setting sourceAnnotator\.maxSidecarSizeKB/.test(e.message));
    assert.equal(folder.sidecar, before);
    assert.ok(!folder.ops.includes('write-temp'));
    assert.equal(folder.lock, undefined);
  });

  it('a sidecar the user made read-only is not replaced; a link to nothing is not followed', () => {
    const readOnly = new Folder(file(note('old')));
    readOnly.target = { readOnly: true, mode: 0o444 };
    assert.throws(() => readOnly.save(), /^Error: cannot write the annotations of a\.txt: a\.txt\.annotations\.yaml is read-only; nothing was written — make it writable/);
    const dangling = new Folder();
    dangling.target = { danglingLink: '../shared/gone.yaml' };
    assert.throws(() => dangling.save(), /a\.txt\.annotations\.yaml is a link to \.\.\/shared\/gone\.yaml, which does not exist/);
    for (const folder of [readOnly, dangling]) assert.deepEqual(folder.ops, ['inspect'], 'refused before the lock');
  });

  it('the temporary file is written with the sidecar’s permissions', () => {
    const folder = new Folder(file(note('old')));
    folder.target = { mode: 0o600 };
    const modes: (number | undefined)[] = [];
    runSave(saveSidecarSteps('a.txt', '', add(note('ours')), { saver: ME }), step => {
      if (step.op === 'write-temp') modes.push(step.mode);
      return folder.io(step);
    });
    assert.deepEqual(modes, [0o600]);
  });

  it('the lock and temporary names fit wherever the sidecar’s name fits (an article name of 240 characters)', () => {
    for (const article of ['x'.repeat(240) + '.txt', 'é'.repeat(120) + '.txt', '北'.repeat(70) + '.txt', '😀'.repeat(55) + '.txt']) {
      const sidecar = `${article}.annotations.yaml`;
      const names = sidecarFileNames(sidecar, 4194304);
      for (const name of [names.lock, names.temp]) assert.ok(new TextEncoder().encode(name).length <= 130, `${name} is short`);
      assert.ok(names.temp.startsWith(names.tempPrefixes[0]));
    }
    assert.notEqual(sidecarFileNames('a'.repeat(30) + '1.txt.annotations.yaml', 1).lock, sidecarFileNames('a'.repeat(30) + '2.txt.annotations.yaml', 1).lock, 'sidecars alike at the start are told apart');
    assert.equal(sidecarFileNames('😀'.repeat(30), 1).lock.startsWith('.' + '😀'.repeat(24) + '~'), true, 'cut between characters');
  });

  it('file system errors are said in words, never as errno text naming the temporary file', () => {
    const cases: [SaveStep['op'], string, RegExp][] = [
      ['lock-create', 'EACCES', /the folder is read-only/],
      ['lock-create', 'EROFS', /the disk is read-only/],
      ['write-temp', 'EDQUOT', /disk quota/],
      ['write-temp', 'ENAMETOOLONG', /name is too long/],
      ['commit', 'NoPermissions', /the folder is read-only/],
    ];
    for (const [op, code, words] of cases) {
      const folder = new Folder();
      folder.fail[op] = code;
      assert.throws(() => folder.save(), (e: unknown) => e instanceof Error && e.message.startsWith('cannot write the annotations of a.txt: ') && words.test(e.message) && !/tmp|EACCES|EROFS/.test(e.message), `${code} on ${op}`);
    }
  });
});
