import { sizeInWords } from './codec';

/*
 * Why a save did not happen, in words a reader of the message can act on: never the errno code of a
 * temporary file's path, always the article whose annotations were not saved and what to do about it.
 */

/** A save refused before anything was written: the message says why and what to do. */
export class SidecarNotSavedError extends Error {}

export function readOnlySidecar(article: string, sidecar: string): SidecarNotSavedError {
  return new SidecarNotSavedError(`cannot write the annotations of ${article}: ${sidecar} is read-only; nothing was written — make it writable to save annotations`);
}

export function danglingLink(article: string, sidecar: string, target: string): SidecarNotSavedError {
  return new SidecarNotSavedError(`cannot write the annotations of ${article}: ${sidecar} is a link to ${target}, which does not exist; nothing was written — remove the link or restore its target`);
}

export function tooLargeToSave(article: string, size: number, maxBytes: number): SidecarNotSavedError {
  return new SidecarNotSavedError(`cannot save the annotations of ${article}: its annotations file would be ${sizeInWords(size, 1)}, over the limit of ${sizeInWords(maxBytes)}, and could not be read again; nothing was written — split the article, delete annotations it no longer needs, or raise the setting sourceAnnotator.maxSidecarSizeKB (--max-sidecar-kb on the command line)`);
}

/** Node's error codes and VS Code's FileSystemError codes, said plainly. */
const WORDS: Record<string, string> = {
  EACCES: 'the folder is read-only (no permission to write there)',
  EPERM: 'the folder is read-only (no permission to write there)',
  NoPermissions: 'the folder is read-only (no permission to write there)',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'your disk quota is used up',
  ENAMETOOLONG: 'the name is too long for this disk',
  ENOENT: 'its folder does not exist',
  FileNotFound: 'its folder does not exist',
  ENOTDIR: 'its folder does not exist',
  EISDIR: 'a folder has the name of its annotations file',
  EIO: 'the disk reported an error',
  EBUSY: 'the file is in use by another program',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  Unavailable: 'the file system is not available',
};

/** What a file system error code means for a file being written, in words. */
export function writeErrorWords(code: string): string {
  return WORDS[code] ?? `the file system refused (${code})`;
}

/** A file system error of a save, in words; other errors (ours, already in words) as they are. */
export function inWords(error: unknown, article: string): unknown {
  const code = (error as { code?: unknown })?.code;
  if (error instanceof SidecarNotSavedError || typeof code !== 'string') return error;
  const words = writeErrorWords(code);
  const said = new SidecarNotSavedError(`cannot write the annotations of ${article}: ${words}; nothing was written`);
  (said as { cause?: unknown }).cause = error;
  return said;
}
