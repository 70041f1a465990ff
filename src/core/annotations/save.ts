import { contentHash } from '../text/hash';
import { recountLookalikes } from './anchor';
import { decodeSidecar, type ParsedSidecar, type SidecarProblem } from './codec';
import { mergeAnnotations } from './merge';
import type { Annotation, Sidecar } from './model';
import { editSidecarText } from './sidecarEdit';

/**
 * Saving a sidecar without losing what someone else wrote, for any file API: the steps are yielded by
 * saveSidecarSteps and carried out by the caller (the extension on workspace.fs, the CLI on node's fs),
 * through runSave or runSaveAsync. One save:
 *   1. read the sidecar (refuse if it cannot be read: a broken file is never overwritten);
 *   2. apply the change to what is on disk and write the result to a temporary sibling;
 *   3. right before replacing the sidecar, read it again: if it is as it was in 1 (or gone), rename the
 *      temporary file over it; if another program wrote it meanwhile, merge (mergeAnnotations: by id,
 *      three-way) and go back to 2 with the merged list, a bounded number of times.
 * What is written records the article's content hash, and every anchor that describes the article's text as
 * it is gets its look-alikes counted again (recountLookalikes).
 * What is left is the moment between the last read and the rename, which no portable file API can close.
 */
export type SaveStep =
  /** → SidecarRead: the sidecar as it is now. */
  | { op: 'read' }
  /** → nothing: write `content` to the temporary sibling (replacing an earlier one). */
  | { op: 'write-temp'; content: string }
  /** → nothing: rename the temporary file over the sidecar; `content` is what it holds. */
  | { op: 'commit'; content: string }
  /** → nothing: delete the temporary file (it may not exist). */
  | { op: 'discard' };

/** A read of the sidecar: its bytes; undefined when there is no such file; or why it was not read (too large, a folder…). */
export type SidecarRead = Uint8Array | undefined | { refused: ParsedSidecar };

export interface SaveResult {
  sidecar: Sidecar;
  /** The text written. */
  content: string;
  /** How many times another program's write was merged in. */
  merges: number;
}

/** The sidecar on disk cannot be read: nothing was written. */
export class UnreadableSidecarError extends Error {
  constructor(readonly problems: SidecarProblem[]) {
    super(`the annotations file cannot be read (${problems[0]?.message ?? 'invalid'}, line ${problems[0]?.line ?? 1}); fix it first — it is not overwritten`);
  }
}

export const MAX_SAVE_ATTEMPTS = 5;

export function* saveSidecarSteps(
  article: string, articleText: string, change: (annotations: Annotation[]) => Annotation[], maxAttempts = MAX_SAVE_ATTEMPTS,
): Generator<SaveStep, SaveResult, unknown> {
  const hash = contentHash(articleText);
  let seen = (yield { op: 'read' }) as SidecarRead;
  let base = annotationsOf(seen, article);
  let annotations = change(JSON.parse(JSON.stringify(base)) as Annotation[]); // a copy: the change may edit in place
  for (let attempt = 1; ; attempt++) {
    const sidecar: Sidecar = { version: 1, article, contentHash: hash, annotations: recountLookalikes(articleText, annotations) };
    const content = editSidecarText(seen instanceof Uint8Array ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(seen) : undefined, sidecar);
    yield { op: 'write-temp', content };
    let committed = false;
    try {
      const now = (yield { op: 'read' }) as SidecarRead;
      // gone meanwhile: ours is written, so nothing we hold is lost (delete the sidecar again to drop it)
      if (now === undefined || sameRead(seen, now)) {
        yield { op: 'commit', content };
        committed = true;
        return { sidecar, content, merges: attempt - 1 };
      }
      const theirs = annotationsOf(now, article);
      if (attempt >= maxAttempts) throw new Error(`the annotations file kept changing while it was being saved (${attempt} attempts); nothing was written — try again`);
      annotations = mergeAnnotations(base, annotations, theirs);
      base = theirs;
      seen = now;
    } finally {
      if (!committed) yield { op: 'discard' };
    }
  }
}

function annotationsOf(read: SidecarRead, article: string): Annotation[] {
  if (read === undefined) return [];
  const parsed = read instanceof Uint8Array ? decodeSidecar(read, article) : read.refused;
  if (!parsed.sidecar) throw new UnreadableSidecarError(parsed.problems);
  return parsed.sidecar.annotations;
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
