/*
 * One file of the persistent index (src/vscode/analysisStore.ts), kept as the bytes read from disk: lines of
 * `key<TAB>encoded analysis`. Only the keys are read into strings; an analysis is decoded from its bytes when
 * asked for. Ten thousand stored analyses are a hundred megabytes of text, twice that as JavaScript strings
 * (the encoded analyses quote the article with curly quotes, so they are not Latin-1): as bytes they stay out
 * of the JavaScript heap and take half the room.
 */

const NEWLINE = 10;
const TAB = 9;

/** Where an entry's encoded analysis lies in its file's bytes. */
export interface StoredSpan {
  start: number;
  end: number;
}

export interface ShardEntries {
  /** Key → where its encoded analysis is in the bytes. */
  entries: Map<string, StoredSpan>;
  /** Whether a line was not an entry of this version (a damaged line, another version's): the file should be written again. */
  damaged: boolean;
}

const decoder = new TextDecoder();

/** The entries of a file's bytes whose key `keep` accepts (the others make it `damaged`). */
export function readShard(bytes: Uint8Array, keep: (key: string) => boolean): ShardEntries {
  const entries = new Map<string, StoredSpan>();
  let damaged = false;
  for (let start = 0; start < bytes.length;) {
    let end = bytes.indexOf(NEWLINE, start);
    if (end < 0) end = bytes.length;
    if (end > start) {
      const tab = bytes.subarray(start, end).indexOf(TAB);
      const key = tab > 0 ? decoder.decode(bytes.subarray(start, start + tab)) : undefined;
      if (key !== undefined && keep(key)) entries.set(key, { start: start + tab + 1, end });
      else damaged = true;
    }
    start = end + 1;
  }
  return { entries, damaged };
}

/** An entry's encoded analysis, as a string. */
export function storedText(bytes: Uint8Array, span: StoredSpan): string {
  return decoder.decode(bytes.subarray(span.start, span.end));
}

/** Lines for entries (`\n` before each when appended to a file, between them when a file is written whole). */
export function shardLines(entries: Iterable<readonly [string, string]>, appended: boolean): Uint8Array {
  const lines: string[] = [];
  for (const [key, encoded] of entries) lines.push(`${key}\t${encoded}`);
  return new TextEncoder().encode(appended ? lines.map(l => `\n${l}`).join('') : lines.join('\n'));
}
