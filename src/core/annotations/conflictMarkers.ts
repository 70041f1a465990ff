/** Git's conflict markers at the start of a line (the default marker size is 7; git may use more). */
const CONFLICT_MARKER = /^(?:<{7,}(?: .*)?|={7,}|>{7,}(?: .*)?|\|{7,}(?: .*)?)\r?$/m;

/** Where the first git conflict marker of a file is (1-based line), if it has any. */
export function conflictMarkerLine(source: string): number | undefined {
  const found = CONFLICT_MARKER.exec(source);
  return found ? source.slice(0, found.index).split('\n').length : undefined;
}
