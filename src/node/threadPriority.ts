/**
 * Whether a thread can lower its own priority without lowering the rest of its process's: on Linux a
 * thread's nice value is its own (setpriority acts on the calling thread); on macOS and Windows it is the
 * whole process's, so an analysis worker lowering it there would slow the extension host with it.
 */
export function lowersThreadAlone(): boolean {
  return process.platform === 'linux';
}

/**
 * How many analysis workers the extension runs on `cores` processors: one per core where a worker can run at
 * low priority alone (it takes only the time the main thread, the editor and other programs leave, and the
 * main thread leaves two thirds of a first read), else one per core but one (the main thread's); at most four.
 */
export function analysisPoolSize(cores: number): number {
  return Math.max(1, Math.min(4, lowersThreadAlone() ? cores : cores - 1));
}
