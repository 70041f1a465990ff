import { closeSync, constants, fstatSync, openSync, promises as fs, readSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { contentHash } from '../core/text/hash';

/*
 * Reading files of the workspace: straight from the disk for `file:` URIs (the extension host is Node; going
 * through workspace.fs costs a round trip per call, tens of milliseconds each while a large folder is read),
 * through workspace.fs for every other scheme.
 */

/** Whether the path names a file, its size and when it last changed (ms since 1970); undefined when nothing is there. */
export async function statFile(uri: vscode.Uri): Promise<{ isFile: boolean; size: number; modified: number } | undefined> {
  try {
    if (uri.scheme === 'file') {
      const stat = await fs.stat(uri.fsPath);
      return { isFile: stat.isFile(), size: stat.size, modified: stat.mtimeMs };
    }
    const stat = await vscode.workspace.fs.stat(uri);
    return { isFile: Boolean(stat.type & vscode.FileType.File), size: stat.size, modified: stat.mtime };
  } catch {
    return undefined;
  }
}

/**
 * A file's facts and, when it is a regular file no larger than `maxBytes`, its bytes, in one go. On disk that is
 * one open, fstat, read and close made synchronously: an article takes tens of microseconds, where the four
 * round trips of the promise API cost the extension host's main thread 0.28 ms per article (2.8 s of a Reload
 * Window on 10,000 articles, profiled). Opened without blocking, so a named pipe is not waited on. Undefined:
 * nothing is there. Other schemes: workspace.fs.
 */
export async function readFileFacts(uri: vscode.Uri, maxBytes: number): Promise<{ isFile: boolean; size: number; modified: number; bytes?: Uint8Array } | undefined> {
  if (uri.scheme !== 'file') {
    const stat = await statFile(uri);
    if (!stat?.isFile || stat.size > maxBytes) return stat;
    return { ...stat, bytes: await vscode.workspace.fs.readFile(uri) };
  }
  let fd: number;
  try {
    fd = openSync(uri.fsPath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw e;
  }
  try {
    const stat = fstatSync(fd);
    const facts = { isFile: stat.isFile(), size: stat.size, modified: stat.mtimeMs };
    if (!facts.isFile || stat.size > maxBytes) return facts;
    return { ...facts, bytes: readAll(fd, stat.size) };
  } finally {
    closeSync(fd);
  }
}

/** Reads an open file to its end (it may have grown since its size was taken). */
function readAll(fd: number, size: number): Uint8Array {
  let buffer = new Uint8Array(size + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) { const more = new Uint8Array(buffer.length * 2); more.set(buffer); buffer = more; }
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    if (!n) return buffer.subarray(0, length);
    length += n;
  }
}

export async function readBytes(uri: vscode.Uri): Promise<Uint8Array> {
  if (uri.scheme !== 'file') return vscode.workspace.fs.readFile(uri);
  const buffer = await fs.readFile(uri.fsPath);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/**
 * A short stamp of a file's content (the extension's own code): what the workspace's storage keeps is marked
 * with the stamp of the code that made it, and another version never reads it. Rejects when unreadable.
 */
export async function codeStamp(code: vscode.Uri): Promise<string> {
  return contentHash(new TextDecoder().decode(await readBytes(code))).slice(-8);
}

/** Whether a read failed because the file is gone. */
export function isGone(e: unknown): boolean {
  return (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') || (e as NodeJS.ErrnoException)?.code === 'ENOENT';
}

/**
 * Puts a temporary file in its target's place in one step (a sidecar, a file of the index). On disk that is
 * rename(2), which replaces the target atomically: readers (git, another editor, our watcher) see the old file
 * or the new one, never none. (workspace.fs.rename with overwrite deletes the target first.) Other file
 * systems: their rename.
 */
export async function replaceFile(temp: vscode.Uri, target: vscode.Uri): Promise<void> {
  if (temp.scheme === 'file' && target.scheme === 'file') await fs.rename(temp.fsPath, target.fsPath);
  else await vscode.workspace.fs.rename(temp, target, { overwrite: true });
}

/** Writes a whole file (its folder made if need be): straight to disk for `file:` URIs, else through workspace.fs. */
export async function writeBytes(uri: vscode.Uri, bytes: Uint8Array): Promise<void> {
  if (uri.scheme !== 'file') return vscode.workspace.fs.writeFile(uri, bytes);
  await fs.mkdir(path.dirname(uri.fsPath), { recursive: true });
  await fs.writeFile(uri.fsPath, bytes);
}

/** Appends to a file on disk (made, with its folder, if need be); false for other schemes, whose files are written whole. */
export async function appendBytes(uri: vscode.Uri, bytes: Uint8Array): Promise<boolean> {
  if (uri.scheme !== 'file') return false;
  await fs.mkdir(path.dirname(uri.fsPath), { recursive: true });
  await fs.appendFile(uri.fsPath, bytes);
  return true;
}
