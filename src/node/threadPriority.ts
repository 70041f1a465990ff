/**
 * Whether a thread can lower its own priority without lowering the rest of its process's: on Linux a
 * thread's nice value is its own (setpriority acts on the calling thread); on macOS and Windows it is the
 * whole process's, so an analysis worker lowering it there would slow the extension host with it.
 */
export function lowersThreadAlone(): boolean {
  return process.platform === 'linux';
}
