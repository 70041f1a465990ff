/*
 * How often the costly refreshes a scan repeats may run (resolving what it read, grouping the events again):
 * a refresh waits at least `minMs` after the last, and `share` times what the last one cost, so that it takes
 * at most one part in share + 1 of the main thread. A resolve of 10,000 articles costs more than the articles
 * it brings in, so fewer refreshes read a folder sooner: at a fifth of the time, the events and the resolves
 * were two fifths of a warm start of 10,000 articles in code-server.
 */

export interface Pacing {
  minMs: number;
  share: number;
}

/** The views are refreshed with what a scan read. */
export const SCAN_REFRESH: Pacing = { minMs: 1000, share: 9 };
/**
 * The Events view groups the events again while a scan reads: grouping 10,000 articles' events takes seconds,
 * and a timeline need not move as often as the People view's counts (the whole is grouped when the scan ends).
 */
export const SCAN_REGROUP: Pacing = { minMs: 30_000, share: 9 };

/** How long after the last refresh began the next may run, given what the last one cost. */
export function refreshInterval(pacing: Pacing, lastCostMs: number): number {
  return Math.max(pacing.minMs, pacing.share * lastCostMs);
}
