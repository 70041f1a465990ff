import { MAX_SIDECAR_BYTES, refused, sidecarTooLarge } from './codec';
import type { SidecarRead } from './save';

/*
 * How a sidecar file is read, one rule for the extension (workspace.fs) and the CLI (node:fs): the steps are
 * yielded, each side answers them with its own file system. A sidecar that is not a file or is too large is
 * refused without being read (and so never overwritten); one that vanishes while it is read is absent.
 */

/** What the file system says of the sidecar's path: nothing there (undefined), or whether it is a file and its size. */
export type SidecarFacts = { isFile: boolean; size: number } | undefined;

/** The answer to a `read` step: the bytes, or the error and whether it means the file is gone. */
export type SidecarBytes = Uint8Array | { error: Error; gone: boolean };

export type SidecarFileStep = { op: 'stat' } | { op: 'read' };

export function* readSidecarSteps(maxBytes = MAX_SIDECAR_BYTES): Generator<SidecarFileStep, SidecarRead, SidecarFacts | SidecarBytes> {
  const facts = (yield { op: 'stat' }) as SidecarFacts;
  if (!facts) return undefined;
  if (!facts.isFile) return { refused: refused('The annotations file is not a file (a folder has its name).') };
  if (facts.size > maxBytes) return { refused: sidecarTooLarge(facts.size, maxBytes) };
  const bytes = (yield { op: 'read' }) as SidecarBytes;
  if (bytes instanceof Uint8Array) return bytes;
  if (bytes.gone) return undefined;
  return { refused: refused(`The annotations file cannot be read: ${bytes.error.message}`) };
}
