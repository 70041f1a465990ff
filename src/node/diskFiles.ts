// Files on the local disk as the CLI and the extension's disk paths read them (node's fs): what a path is in
// words when it is not a regular file (a named pipe, a socket, a device, a link to nothing, a loop, permission
// denied), errors in words rather than errno text, and reads that never wait on a named pipe.
import * as fs from 'node:fs';
import { refused } from '../core/annotations/codec';
import type { SidecarRead } from '../core/annotations/save';
import { readSidecarSteps, type SidecarBytes, type SidecarFacts } from '../core/annotations/sidecarFile';

/** What a path is, in words, when it is not a file; undefined for a file. */
export function notAFile(stat: fs.Stats): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return 'a folder, not a file';
  if (stat.isFIFO()) return 'a named pipe, not a file';
  if (stat.isSocket()) return 'a socket, not a file';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device, not a file';
  return 'not a file';
}

/** A file-system error in words, without the errno text. */
export function inWords(e: unknown): string {
  switch ((e as NodeJS.ErrnoException).code) {
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'ELOOP': return 'a symbolic link loop';
    case 'ENOENT': return 'it no longer exists';
    case 'ENAMETOOLONG': return 'its name is too long';
    case 'EISDIR': return 'a folder, not a file';
    case 'EIO': return 'the disk could not read it';
    default: return `it cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
  }
}

/** The path's stat, following a link; or why it cannot be followed (a link to nothing, a loop, permission denied). */
export function follow(file: string): fs.Stats | string {
  try {
    return fs.statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    let isLink = false;
    try { isLink = fs.lstatSync(file).isSymbolicLink(); } catch { /* the path itself is gone */ }
    if (isLink && code === 'ENOENT') {
      let target = 'a file';
      try { target = fs.readlinkSync(file); } catch { /* gone meanwhile */ }
      return `a symbolic link to ${target}, which does not exist`;
    }
    return inWords(e);
  }
}

/** Whether the path exists at all (a link to nothing exists: it is skipped, not a mistyped name). */
export function pathExists(file: string): boolean {
  try { fs.lstatSync(file); return true; } catch { return false; }
}

export function isFolder(file: string): boolean {
  const stat = follow(file);
  return typeof stat !== 'string' && stat.isDirectory();
}

/** Why a path is not read as a regular file, checked before it is opened; undefined when it is one. */
export function whyNotReadable(file: string): string | undefined {
  const stat = follow(file);
  return typeof stat === 'string' ? stat : notAFile(stat);
}

/**
 * The bytes of a regular file. It is opened without waiting (a named pipe put in its place since it was
 * checked is not waited on) and checked again once open; throws an error whose message is in words.
 */
export function readRegularFile(file: string): Uint8Array {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const why = notAFile(fs.fstatSync(fd));
    if (why) throw Object.assign(new Error(why), { code: 'NOTAFILE' });
    return new Uint8Array(fs.readFileSync(fd));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw Object.assign(new Error(code === 'NOTAFILE' ? (e as Error).message : inWords(e)), { code });
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * The sidecar file's bytes; undefined when there is none; a refusal when it is too large, not a file, a link
 * to nothing or a loop (then it is not read, and never written over).
 */
export function readSidecarFile(file: string, maxBytes?: number): SidecarRead {
  if (!pathExists(file)) return undefined;
  const stat = follow(file);
  if (typeof stat === 'string') return { refused: refused(`The annotations file cannot be read: ${stat}.`) };
  const why = notAFile(stat);
  if (why && !stat.isDirectory()) return { refused: refused(`The annotations file is ${why}.`) };
  const steps = readSidecarSteps(maxBytes);
  for (let step = steps.next(); ; ) {
    if (step.done) return step.value;
    if (step.value.op === 'stat') {
      let facts: SidecarFacts;
      try { const now = fs.statSync(file); facts = { isFile: now.isFile(), size: now.size }; } catch { facts = undefined; }
      step = steps.next(facts);
    } else {
      let bytes: SidecarBytes;
      try { bytes = readRegularFile(file); } catch (e) { bytes = { error: e as Error, gone: (e as NodeJS.ErrnoException).code === 'ENOENT' }; }
      step = steps.next(bytes);
    }
  }
}

