import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Annotation } from '../core/annotations/model';
import { runSave, runSaveAsync, saveSidecarSteps, type SaveOptions, type SaveResult, type SaveStep, type SidecarTarget } from '../core/annotations/save';
import { readSidecarFile } from './diskFiles';
import type { LockFileRead, Saver, TempFile } from '../core/annotations/sidecarLock';

/*
 * Sidecars on the disk, through node's fs: how the CLI reads and saves them, and the extension too for the
 * files of a local folder. The rules are in the core (save.ts, sidecarLock.ts, sidecarFile.ts); this carries
 * out their steps. A sidecar that is a link is written through to the file it points to: the lock and the
 * temporary file go beside that file, so that the rename replaces it and every link to it sees the change.
 */

/** This process, as the lock names it. */
export function thisProcess(): Saver {
  return { pid: process.pid, host: os.hostname() };
}

/** Called by a save on the disk: after its temporary file is written (attempt 1, 2…) and right before the rename. */
export interface DiskSaveHooks {
  afterTempWritten?: (attempt: number) => unknown;
  beforeCommit?: (content: string) => void;
}

/** Saves the sidecar at `sidecar` (the CLI): waits for the lock by blocking. */
export function saveOnDisk(sidecar: string, article: string, text: string, change: (list: Annotation[]) => Annotation[], options: SaveOptions = {}, hooks: DiskSaveHooks = {}): SaveResult {
  const disk = new SidecarOnDisk(sidecar);
  let attempt = 0;
  return runSave(saveSidecarSteps(article, text, change, { saver: thisProcess(), ...options }), step => {
    if (step.op === 'commit') hooks.beforeCommit?.(step.content);
    const result = disk.do(step);
    if (step.op === 'write-temp') hooks.afterTempWritten?.(++attempt);
    return result;
  });
}

/** The same in a program that must not block while it waits for the lock (the extension). */
export async function saveOnDiskAsync(sidecar: string, article: string, text: string, change: (list: Annotation[]) => Annotation[], options: SaveOptions = {}, hooks: DiskSaveHooks = {}): Promise<SaveResult> {
  const disk = new SidecarOnDisk(sidecar);
  let attempt = 0;
  return runSaveAsync(saveSidecarSteps(article, text, change, { saver: thisProcess(), ...options }), async step => {
    if (step.op === 'sleep') return new Promise(resolve => setTimeout(resolve, step.ms));
    if (step.op === 'commit') hooks.beforeCommit?.(step.content);
    const result = disk.do(step);
    if (step.op === 'write-temp') await hooks.afterTempWritten?.(++attempt);
    return result;
  });
}

/** One sidecar's path on the disk, answering the steps of a save (synchronously; `sleep` blocks). */
export class SidecarOnDisk {
  private file: string;

  constructor(sidecar: string) {
    this.file = sidecar;
  }

  private get folder(): string { return path.dirname(this.file); }
  private besideIt(name: string): string { return path.join(this.folder, name); }

  do(step: SaveStep): unknown {
    switch (step.op) {
      case 'inspect': return this.inspect();
      case 'read': return readSidecarFile(this.file, step.maxBytes);
      case 'write-temp': return writeFile(this.besideIt(step.name), step.content, step.mode);
      case 'commit': return fs.renameSync(this.besideIt(step.name), this.file);
      case 'discard': return removeQuietly(this.besideIt(step.name));
      case 'lock-create': return createLock(this.besideIt(step.name), step.content);
      case 'lock-read': return readLock(this.besideIt(step.name));
      case 'lock-remove': return removeLock(this.besideIt(step.name), step.content);
      case 'alive': return isAlive(step.pid);
      case 'sleep': return Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, step.ms);
      case 'list-temps': return this.temps(step.prefixes);
      case 'remove-temp': return removeQuietly(this.besideIt(step.name));
    }
  }

  /** Follows a link to its file (from then on, the file this save writes); says whether the user made it read-only. */
  private inspect(): SidecarTarget {
    let stat: fs.Stats;
    try {
      if (fs.lstatSync(this.file).isSymbolicLink()) {
        const target = fs.readlinkSync(this.file);
        try { this.file = fs.realpathSync(this.file); } catch { return { danglingLink: target }; }
      }
      stat = fs.statSync(this.file);
    } catch {
      return {}; // no sidecar yet
    }
    if (!stat.isFile()) return {}; // refused by the read, with its own message
    let writable = (stat.mode & 0o222) !== 0;
    try { fs.accessSync(this.file, fs.constants.W_OK); } catch { writable = false; }
    return { readOnly: !writable, mode: stat.mode & 0o7777 };
  }

  private temps(prefixes: string[]): TempFile[] {
    const now = Date.now();
    const found: TempFile[] = [];
    for (const name of fs.readdirSync(this.folder)) {
      if (!name.endsWith('.tmp') || !prefixes.some(p => name.startsWith(p))) continue;
      try {
        const stat = fs.lstatSync(this.besideIt(name));
        if (stat.isFile()) found.push({ name, ageMs: now - stat.mtimeMs });
      } catch { /* gone meanwhile */ }
    }
    return found;
  }
}

function writeFile(file: string, content: string, mode: number | undefined): void {
  const fd = fs.openSync(file, 'w', mode ?? 0o666);
  try {
    fs.writeFileSync(fd, content);
    if (mode !== undefined) fs.fchmodSync(fd, mode); // the mode given to open is cut by the umask
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function removeQuietly(file: string): void {
  try { fs.rmSync(file, { force: true }); } catch { /* left for the next save's clean-up */ }
}

function createLock(file: string, content: string): boolean {
  try {
    fs.writeFileSync(file, content, { flag: 'wx' });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

function readLock(file: string): LockFileRead | undefined {
  try {
    const content = fs.readFileSync(file, 'utf8');
    return { content, ageMs: Date.now() - fs.statSync(file).mtimeMs };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/**
 * Deletes the lock if it holds `content`. It is first renamed aside (one program wins that), then checked: a
 * lock taken meanwhile by another save is put back (link(2) does not replace a lock taken since).
 */
function removeLock(file: string, content: string): void {
  const aside = `${file}.${process.pid}.tmp`; // a temporary name: removed by the clean-up if we die here
  try { fs.renameSync(file, aside); } catch { return; }
  try {
    if (fs.readFileSync(aside, 'utf8') !== content) fs.linkSync(aside, file);
  } catch { /* taken again meanwhile, or no links on this disk */ }
  removeQuietly(aside);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false; // kill(0) would signal our own group
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // runs, as another user
  }
}
