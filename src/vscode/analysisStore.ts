import * as vscode from 'vscode';
import { ANALYSIS_FORMAT, decodeAnalysis, encodeAnalysis } from '../core/corpus/analysisCodec';
import { readShard, shardLines, storedText, type StoredSpan } from '../core/corpus/indexShard';
import type { ArticleAnalysis } from '../core/model';
import { contentHash } from '../core/text/hash';
import { appendBytes, codeStamp, readBytes, replaceFile, writeBytes } from './files';

const SHARDS = 64;
const FLUSH_DELAY_MS = 10_000;

/** An entry written to its file this session (appended): on disk, not held in memory. */
const ON_DISK = 'on disk';

/** One file's entries as read: its bytes, and where each entry's analysis lies in them (or that it was appended since). */
interface Shard {
  bytes: Uint8Array;
  entries: Map<string, StoredSpan | typeof ON_DISK>;
}

/**
 * The persistent index: articles' analyses kept in the extension's workspace storage between sessions, keyed
 * by the article's content hash, the analysis settings and the analysing code (the worker's own hash, so a
 * new version of the extension or of the entity model never reads an old result). A window reload or a
 * restart analyses only the articles that changed. Stored in 64 files (by hash), written whole by temporary
 * file and rename, straight to disk where the storage is on disk (tens of megabytes at 10,000 articles: not
 * through VS Code's file system); a damaged file is ignored and written again. Entries that no article used
 * since the last full scan are dropped (`prune`), so the index follows the folder and never grows with old
 * versions.
 */
export class AnalysisStore implements vscode.Disposable {
  /**
   * Each file's entries once read (undefined: not in memory). A whole scan reads them all; once it is over
   * (`prune`) they are written and let go: ten thousand analyses are tens of megabytes the extension host
   * need not keep, and the next session or a later save reads a file again when it needs it.
   */
  private readonly shards: (Promise<Shard> | undefined)[] = Array.from({ length: SHARDS }, () => undefined);
  /** Entries put since the last flush, by file: appended to it at the next flush. */
  private readonly pending = new Map<number, Map<string, string>>();
  /** Entries being written: still found by `get`, and kept in a file's entries read meanwhile. */
  private readonly writingNow = new Map<number, Map<string, string>>();
  /** Files to be written whole at the next flush (entries dropped, damaged lines). */
  private readonly dirty = new Set<number>();
  private readonly used = new Set<string>();
  private readonly loaded: Promise<void>;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  /** How many analyses were found in the index this session (for the status and tests). */
  hits = 0;

  /** The analysing code's own hash: results of another version are never read. */
  private version = '';
  private disabled = false;

  /** `code` is the file that analyses (the worker's script): its hash is part of every key. */
  constructor(private readonly folder: vscode.Uri | undefined, code: vscode.Uri) {
    this.loaded = folder ? this.readVersion(code) : Promise.resolve();
  }

  /** The stored analysis of this text, if any (`hash`: its content hash, when the caller has it). */
  async get(text: string, settings: string, hash = contentHash(text)): Promise<ArticleAnalysis | undefined> {
    if (!this.folder) return undefined;
    await this.loaded;
    if (this.disabled) return undefined;
    const key = this.key(hash, settings);
    const i = shardOf(hash);
    const encoded = this.pending.get(i)?.get(key) ?? this.writingNow.get(i)?.get(key) ?? (await this.stored(i, key));
    if (encoded === undefined) return undefined;
    try {
      const analysis = decodeAnalysis(encoded, text);
      if (analysis.hash !== hash) return undefined;
      this.used.add(key);
      this.hits++;
      return analysis;
    } catch {
      (await this.shard(i)).entries.delete(key);
      this.dirty.add(i);
      return undefined;
    }
  }

  /** An entry's encoded analysis from its file (read again when the entry was appended after the file was read). */
  private async stored(i: number, key: string): Promise<string | undefined> {
    let shard = await this.shard(i);
    let at = shard.entries.get(key);
    if (at === ON_DISK) {
      // read again between writes, so that no entry appended meanwhile is missed
      const reread = this.writing.then(() => this.reread(i));
      this.writing = reread.then(() => undefined, () => undefined);
      shard = await reread;
      at = shard.entries.get(key);
    }
    return at === undefined || at === ON_DISK ? undefined : storedText(shard.bytes, at);
  }

  /** A file read again: the entries it held in memory (none dropped comes back), now all where the file has them. */
  private async reread(i: number): Promise<Shard> {
    const known = this.shards[i];
    const shard = await this.shard(i);
    const fresh = await this.readFile(i);
    const entries = new Map<string, StoredSpan | typeof ON_DISK>();
    for (const key of shard.entries.keys()) { const at = fresh.entries.get(key); if (at) entries.set(key, at); }
    const next: Shard = { bytes: fresh.bytes, entries };
    if (this.shards[i] === known || known === undefined) this.shards[i] = Promise.resolve(next);
    return next;
  }

  /** Keeps an analysis in the index (`encoded`: its stored form, when the worker made it so), unless off or kept already. */
  put(text: string, settings: string, analysis: ArticleAnalysis, encoded?: string): void {
    if (!this.folder || this.disabled) return;
    if (!this.version) { void this.loaded.then(() => this.version && this.put(text, settings, analysis, encoded)); return; }
    const key = this.key(analysis.hash, settings);
    const i = shardOf(analysis.hash);
    if (this.used.has(key)) return; // found in the index or put already this session
    this.used.add(key);
    const entries = this.pending.get(i) ?? this.pending.set(i, new Map()).get(i)!;
    entries.set(key, encoded ?? encodeAnalysis(analysis, text));
    this.schedule();
  }

  /** After a full scan: what no article used is dropped, the index is written, and its files let go. */
  async prune(): Promise<void> {
    await this.loaded;
    if (!this.folder || this.disabled) return;
    for (let i = 0; i < SHARDS; i++) {
      const shard = await this.shard(i);
      for (const key of shard.entries.keys()) if (!this.used.has(key)) { shard.entries.delete(key); this.dirty.add(i); }
    }
    await this.flush();
    for (let i = 0; i < SHARDS; i++) if (!this.dirty.has(i) && !this.pending.has(i)) this.shards[i] = undefined;
  }

  /**
   * Writes the changes now: new entries are appended to their file (a scan of ten thousand articles adds to
   * the index every few seconds, and rewriting it whole each time would cost the main thread seconds), and a
   * file that lost entries is written whole by temporary file and rename. A line cut short by a crash is a
   * damaged line: ignored when read, and its file written whole again.
   */
  async flush(): Promise<void> {
    await this.loaded;
    clearTimeout(this.timer);
    this.timer = undefined;
    const folder = this.folder;
    if (!folder || (!this.dirty.size && !this.pending.size)) return this.writing;
    const whole = new Set(this.dirty);
    const added = new Map(this.pending);
    this.dirty.clear();
    this.pending.clear();
    this.writing = this.writing.then(async () => {
      for (const [i, entries] of added) this.writingNow.set(i, entries);
      for (const [i, entries] of added) {
        if (whole.has(i)) continue;
        try {
          if (!(await appendBytes(vscode.Uri.joinPath(folder, shardName(i)), shardLines(entries, true)))) { whole.add(i); continue; }
          // written: the file holds them now, and memory need not
          const known = this.shards[i];
          if (known) { const shard = await known; for (const key of entries.keys()) shard.entries.set(key, ON_DISK); }
        } catch (e) {
          whole.add(i); // kept, to be written whole
          console.warn(`Source Annotator: the index could not be written (${(e as Error).message})`);
        }
      }
      for (const i of whole) await this.writeWhole(folder, i, added.get(i));
      this.writingNow.clear();
    });
    return this.writing;
  }

  private schedule(): void {
    if (!this.timer) this.timer = setTimeout(() => void this.flush(), FLUSH_DELAY_MS);
  }

  private key(hash: string, settings: string): string {
    return `${hash}|${settings}|${this.version}`;
  }

  private async readVersion(code: vscode.Uri): Promise<void> {
    try {
      this.version = `f${ANALYSIS_FORMAT}-${await codeStamp(code)}`;
    } catch {
      this.disabled = true; // without knowing the code, no stored result can be trusted
    }
  }

  /**
   * Writes one file whole, by temporary file and rename: the entries it keeps (those of its entries read and
   * not dropped, and those appended since, read again from the file) and the new ones. It is let go after.
   */
  private async writeWhole(folder: vscode.Uri, i: number, added: Map<string, string> | undefined): Promise<void> {
    const kept = await this.shard(i);
    const appended = [...kept.entries.values()].includes(ON_DISK) ? await this.readFile(i) : undefined;
    const lines: [string, string][] = [];
    for (const [key, at] of kept.entries) {
      if (added?.has(key)) continue;
      if (at !== ON_DISK) lines.push([key, storedText(kept.bytes, at)]);
      else { const from = appended!.entries.get(key); if (from) lines.push([key, storedText(appended!.bytes, from)]); }
    }
    for (const entry of added ?? []) lines.push(entry);
    const file = vscode.Uri.joinPath(folder, shardName(i));
    const temp = vscode.Uri.joinPath(folder, `.${shardName(i)}.tmp`);
    try {
      await writeBytes(temp, shardLines(lines, false));
      await replaceFile(temp, file);
      if (this.shards[i] && (await this.shards[i]) === kept) this.shards[i] = undefined; // read again when needed
    } catch (e) {
      console.warn(`Source Annotator: the index could not be written (${(e as Error).message})`);
    }
  }

  /** One file's entries, read once until let go; entries of another version or damaged lines mark it to be written again. */
  private shard(i: number): Promise<Shard> {
    const known = this.shards[i];
    if (known) return known;
    const reading = this.readFile(i).then(shard => {
      if (shard.damaged) this.dirty.add(i);
      return shard;
    });
    this.shards[i] = reading;
    return reading;
  }

  private async readFile(i: number): Promise<{ bytes: Uint8Array; entries: Map<string, StoredSpan>; damaged: boolean }> {
    let bytes: Uint8Array;
    try {
      bytes = await readBytes(vscode.Uri.joinPath(this.folder!, shardName(i)));
    } catch {
      return { bytes: new Uint8Array(0), entries: new Map(), damaged: false }; // not written yet
    }
    const { entries, damaged } = readShard(bytes, key => key.endsWith(`|${this.version}`));
    return { bytes, entries, damaged };
  }

  dispose(): void {
    void this.flush();
  }
}

function shardOf(hash: string): number {
  return parseInt(hash.slice(-2), 16) % SHARDS;
}

function shardName(i: number): string {
  return `analyses-${String(i).padStart(2, '0')}.tsv`;
}
