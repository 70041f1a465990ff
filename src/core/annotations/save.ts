import { contentHash } from '../text/hash';
import { recountLookalikes } from './anchor';
import { decodeSidecar, MAX_SIDECAR_BYTES, type ParsedSidecar, type SidecarProblem } from './codec';
import { mergeAnnotations } from './merge';
import { sidecarName, type Annotation, type Sidecar } from './model';
import { danglingLink, inWords, readOnlySidecar, tooLargeToSave } from './saveErrors';
import { editSidecarText } from './sidecarEdit';
import { LOCK_WAIT_MS, removeStaleTemps, sidecarFileNames, takeLock, type LockStep, type Saver } from './sidecarLock';

/**
 * Saving a sidecar without losing what someone else wrote, for any file API: the steps are yielded by
 * saveSidecarSteps and carried out by the caller (the extension on workspace.fs or the disk, the CLI on the
 * disk: src/node/sidecarDisk.ts), through runSave or runSaveAsync. One save:
 *   0. look at the sidecar's path (a link is followed to its file; a read-only file is refused), take the lock
 *      beside it (sidecarLock.ts: one save at a time, whichever program makes it, a bounded wait) and delete
 *      the temporary files that killed saves left;
 *   1. read the sidecar (refuse if it cannot be read: a broken file is never overwritten);
 *   2. apply the change to what is on disk; refuse if the result would be over the read limit; write it to
 *      a temporary sibling (with the sidecar's permissions);
 *   3. right before replacing the sidecar, read it again: if it is as it was in 1 (or gone), rename the
 *      temporary file over it; if a program that ignores the lock (a sync tool, an older version) wrote it
 *      meanwhile, merge (mergeAnnotations: by id, three-way) and go back to 2 with the merged list, a bounded
 *      number of times;
 *   4. whatever happened: delete the temporary file, release the lock.
 * What is written records the article's content hash, and every anchor that describes the article's text as
 * it is gets its look-alikes counted again (recountLookalikes). File system errors are said in words (saveErrors.ts).
 */
export type SaveStep =
  /** → SidecarTarget, or undefined when the file API knows nothing of links and permissions. */
  | { op: 'inspect' }
  /** → SidecarRead: the sidecar as it is now (refused when larger than maxBytes). */
  | { op: 'read'; maxBytes: number }
  /** → nothing: write `content` to the temporary sibling `name` (replacing an earlier one), with `mode` if given. */
  | { op: 'write-temp'; name: string; content: string; mode?: number }
  /** → nothing: rename the temporary file over the sidecar; `content` is what it holds. */
  | { op: 'commit'; name: string; content: string }
  /** → nothing: delete the temporary file (it may not exist). */
  | { op: 'discard'; name: string }
  | LockStep;

/** What the file system says of the sidecar's path before a save. */
export interface SidecarTarget {
  /** The user made the file read-only: it is not replaced. */
  readOnly?: boolean;
  /** Its permission bits, kept by the file that replaces it. */
  mode?: number;
  /** It is a link to a file that does not exist: where it points. */
  danglingLink?: string;
}

/** A read of the sidecar: its bytes; undefined when there is no such file; or why it was not read (too large, a folder…). */
export type SidecarRead = Uint8Array | undefined | { refused: ParsedSidecar };

export interface SaveResult {
  sidecar: Sidecar;
  /** The text written. */
  content: string;
  /** How many times another program's write was merged in. */
  merges: number;
}

export interface SaveOptions {
  /** Who saves (named in the lock); without it, a process 0 on no host. */
  saver?: Saver;
  /** The sidecar's size limit, for reading and so for writing (MAX_SIDECAR_BYTES). */
  maxBytes?: number;
  /** How long to wait for another save of the sidecar (LOCK_WAIT_MS). */
  lockWaitMs?: number;
  maxAttempts?: number;
  /** The publication date to write (`YYYY-MM-DD`), null to remove it; absent: as the sidecar on disk has it. */
  published?: string | null;
}

/** The sidecar on disk cannot be read: nothing was written. */
export class UnreadableSidecarError extends Error {
  constructor(readonly problems: SidecarProblem[]) {
    super(`the annotations file cannot be read (${problems[0]?.message ?? 'invalid'}, line ${problems[0]?.line ?? 1}); fix it first — it is not overwritten`);
  }
}

export const MAX_SAVE_ATTEMPTS = 5;

export function* saveSidecarSteps(
  article: string, articleText: string, change: (annotations: Annotation[]) => Annotation[], options: SaveOptions = {},
): Generator<SaveStep, SaveResult, unknown> {
  const { saver = { pid: 0, host: '' }, maxBytes = MAX_SIDECAR_BYTES, lockWaitMs = LOCK_WAIT_MS, maxAttempts = MAX_SAVE_ATTEMPTS } = options;
  const names = sidecarFileNames(sidecarName(article), saver.pid);
  try {
    const target = (yield { op: 'inspect' }) as SidecarTarget | undefined;
    if (target?.danglingLink) throw danglingLink(article, sidecarName(article), target.danglingLink);
    if (target?.readOnly) throw readOnlySidecar(article, sidecarName(article));
    const lock = yield* takeLock(article, names.lock, saver, lockWaitMs);
    try {
      yield* removeStaleTemps(names);
      return yield* readMergeWrite(article, articleText, change, { temp: names.temp, mode: target?.mode, maxBytes, maxAttempts, published: options.published });
    } finally {
      yield { op: 'lock-remove', name: names.lock, content: lock };
    }
  } catch (e) {
    throw inWords(e, article);
  }
}

function* readMergeWrite(
  article: string, articleText: string, change: (annotations: Annotation[]) => Annotation[],
  { temp, mode, maxBytes, maxAttempts, published }: { temp: string; mode?: number; maxBytes: number; maxAttempts: number; published?: string | null },
): Generator<SaveStep, SaveResult, unknown> {
  const hash = contentHash(articleText);
  let seen = (yield { op: 'read', maxBytes }) as SidecarRead;
  let onDisk = sidecarOf(seen, article, maxBytes);
  let base = onDisk?.annotations ?? [];
  let annotations = change(JSON.parse(JSON.stringify(base)) as Annotation[]); // a copy: the change may edit in place
  for (let attempt = 1; ; attempt++) {
    // the publication date: the one given, else the one on disk (another program's, when it wrote meanwhile)
    const date = published === undefined ? onDisk?.published : published ?? undefined;
    const sidecar: Sidecar = { version: 1, article, contentHash: hash, ...(date ? { published: date } : {}), annotations: recountLookalikes(articleText, annotations) };
    // the file as it is on disk, edited where the annotations changed: hand edits elsewhere are kept (sidecarEdit.ts)
    const content = editSidecarText(seen instanceof Uint8Array ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(seen) : undefined, sidecar, maxBytes);
    const size = new TextEncoder().encode(content).length;
    if (size > maxBytes) throw tooLargeToSave(article, size, maxBytes);
    let committed = false;
    try {
      yield { op: 'write-temp', name: temp, content, mode };
      const now = (yield { op: 'read', maxBytes }) as SidecarRead;
      // gone meanwhile: ours is written, so nothing we hold is lost (delete the sidecar again to drop it)
      if (now === undefined || sameRead(seen, now)) {
        yield { op: 'commit', name: temp, content };
        committed = true;
        return { sidecar, content, merges: attempt - 1 };
      }
      onDisk = sidecarOf(now, article, maxBytes);
      const theirs = onDisk?.annotations ?? [];
      if (attempt >= maxAttempts) throw new Error(`the annotations file kept changing while it was being saved (${attempt} attempts); nothing was written — try again`);
      annotations = mergeAnnotations(base, annotations, theirs);
      base = theirs;
      seen = now;
    } finally {
      if (!committed) yield { op: 'discard', name: temp };
    }
  }
}

function sidecarOf(read: SidecarRead, article: string, maxBytes: number): Sidecar | undefined {
  if (read === undefined) return undefined;
  const parsed = read instanceof Uint8Array ? decodeSidecar(read, article, maxBytes) : read.refused;
  if (!parsed.sidecar) throw new UnreadableSidecarError(parsed.problems);
  return parsed.sidecar;
}

function sameRead(a: SidecarRead, b: SidecarRead): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (!(a instanceof Uint8Array) || !(b instanceof Uint8Array)) return false;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Carries out a save with a synchronous file API (`io` does one step; its errors reach the save, which cleans up). */
export function runSave<T>(steps: Generator<SaveStep, T, unknown>, io: (step: SaveStep) => unknown): T {
  let next = steps.next();
  while (!next.done) {
    let result: unknown;
    let failure: { error: unknown } | undefined;
    try { result = io(next.value); } catch (error) { failure = { error }; }
    next = failure ? steps.throw(failure.error) : steps.next(result);
  }
  return next.value;
}

/** The same with an asynchronous file API. */
export async function runSaveAsync<T>(steps: Generator<SaveStep, T, unknown>, io: (step: SaveStep) => Promise<unknown>): Promise<T> {
  let next = steps.next();
  while (!next.done) {
    let result: unknown;
    let failure: { error: unknown } | undefined;
    try { result = await io(next.value); } catch (error) { failure = { error }; }
    next = failure ? steps.throw(failure.error) : steps.next(result);
  }
  return next.value;
}
