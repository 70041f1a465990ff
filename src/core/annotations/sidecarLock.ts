/*
 * The lock that lets one program at a time save a sidecar, for the extension and the CLI alike: a small file
 * beside the sidecar, created only if it does not exist yet (O_EXCL), holding who took it (process id, host,
 * when). A save waits a bounded time for it, and takes it over when its holder is dead (a process of this
 * machine that no longer runs) or has held it far longer than any save takes. The steps are yielded and
 * carried out by the caller, as the rest of a save (save.ts).
 *
 * Also here: the names of the lock and of the temporary files, short enough to fit wherever the sidecar's
 * name fits, and the clean-up of temporary files that a killed save left behind.
 */

export type LockStep =
  /** → false when the lock file `name` (beside the sidecar) exists already; anything else: it was created, holding `content`. */
  | { op: 'lock-create'; name: string; content: string }
  /** → LockFileRead, or undefined when there is no lock file. */
  | { op: 'lock-read'; name: string }
  /** → nothing: delete the lock file if it still holds `content` (another's, taken over; or ours, released). */
  | { op: 'lock-remove'; name: string; content: string }
  /** → boolean: whether the process runs on this machine. */
  | { op: 'alive'; pid: number }
  /** → nothing: wait. */
  | { op: 'sleep'; ms: number }
  /** → TempFile[]: the files of the sidecar's folder whose names start with one of `prefixes` and end in .tmp. */
  | { op: 'list-temps'; prefixes: string[] }
  /** → nothing: delete that file of the sidecar's folder. */
  | { op: 'remove-temp'; name: string };

export interface LockFileRead { content: string; ageMs: number }
export interface TempFile { name: string; ageMs: number }

/** Who saves: the process (its id and machine) the lock names. */
export interface Saver { pid: number; host: string }

/** How long a save waits for another one of the same sidecar, in all. */
export const LOCK_WAIT_MS = 30_000;
/** A lock held this long is taken over whoever holds it: no save takes a minute (a reused process id, another machine). */
export const STALE_LOCK_MS = 60_000;
/** A lock file without a readable holder (its writer died between creating and filling it) is stale after this. */
const STALE_UNREADABLE_MS = 5_000;

/** A save of this sidecar in progress elsewhere did not finish in time: nothing was written. */
export class SidecarBusyError extends Error {
  constructor(article: string, holder: string, waitedMs: number) {
    super(`cannot save the annotations of ${article}: ${holder} is saving them and did not finish within ${Number((waitedMs / 1000).toFixed(1))} s; nothing was written — try again in a moment`);
  }
}

/** The names beside a sidecar: its lock, this process's temporary file, and the temporary files any save may leave. */
export function sidecarFileNames(sidecarName: string, pid: number): { lock: string; temp: string; tempPrefixes: string[] } {
  // the start of the name (whole characters) for people, a hash of the whole name to tell sidecars apart
  const short = `.${Array.from(sidecarName).slice(0, 24).join('')}~${nameHash(sidecarName)}`;
  return {
    lock: `${short}.lock`,
    temp: `${short}.${pid}.tmp`,
    // ours, and those of earlier versions (`.<sidecar>.<pid or time>.tmp`)
    tempPrefixes: [`${short}.`, `.${sidecarName}.`],
  };
}

function nameHash(name: string): string {
  let h = 0x811c9dc5; // FNV-1a, 32 bits
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Takes the lock; returns what the lock file holds (to release it with `lock-remove`). Throws SidecarBusyError. */
export function* takeLock(article: string, name: string, saver: Saver, waitMs: number): Generator<LockStep, string, unknown> {
  const content = JSON.stringify({ pid: saver.pid, host: saver.host, since: new Date().toISOString(), token: Math.random().toString(36).slice(2, 10) }) + '\n';
  let waited = 0;
  let pause = 5;
  for (;;) {
    if ((yield { op: 'lock-create', name, content }) !== false) return content;
    const held = (yield { op: 'lock-read', name }) as LockFileRead | undefined;
    if (held === undefined) continue; // released meanwhile
    const holder = parseHolder(held.content);
    const stale = holder
      ? held.ageMs > STALE_LOCK_MS || (holder.host === saver.host && !(yield { op: 'alive', pid: holder.pid }))
      : held.ageMs > STALE_UNREADABLE_MS;
    if (stale) { yield { op: 'lock-remove', name, content: held.content }; continue; }
    if (waited >= waitMs) throw new SidecarBusyError(article, holder ? describeHolder(holder, saver) : 'another program', waited);
    const ms = Math.min(waitMs - waited, Math.round(pause * (0.5 + Math.random())));
    yield { op: 'sleep', ms };
    waited += ms;
    pause = Math.min(pause * 2, 200);
  }
}

/** Deletes the temporary files of this sidecar that no save is writing: called with the lock held. */
export function* removeStaleTemps(names: { temp: string; tempPrefixes: string[] }): Generator<LockStep, void, unknown> {
  const found = (yield { op: 'list-temps', prefixes: names.tempPrefixes }) as TempFile[] | undefined;
  if (!Array.isArray(found)) return;
  for (const file of found) {
    if (file.name === names.temp) continue;
    const pid = Number(/\.(\d+)\.tmp$/.exec(file.name)?.[1]);
    // a save that holds no lock (an earlier version) may be writing one right now: those are left a minute
    const abandoned = file.ageMs > STALE_LOCK_MS || (file.name.startsWith(names.tempPrefixes[0]) && !(yield { op: 'alive', pid }));
    if (abandoned) yield { op: 'remove-temp', name: file.name };
  }
}

function parseHolder(content: string): { pid: number; host: string } | undefined {
  try {
    const holder = JSON.parse(content) as { pid?: unknown; host?: unknown };
    return Number.isInteger(holder.pid) && typeof holder.host === 'string' ? { pid: holder.pid as number, host: holder.host } : undefined;
  } catch {
    return undefined;
  }
}

function describeHolder(holder: { pid: number; host: string }, saver: Saver): string {
  if (holder.pid === saver.pid && holder.host === saver.host) return 'another save in this program';
  return holder.host === saver.host ? `another program (process ${holder.pid})` : `a program on ${holder.host} (process ${holder.pid})`;
}
