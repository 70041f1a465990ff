import * as vscode from 'vscode';
import { decodeAnalysis, encodeAnalysis } from '../core/corpus/analysisCodec';
import type { ArticleAnalysis } from '../core/model';
import { contentHash } from '../core/text/hash';

const SHARDS = 64;
const FLUSH_DELAY_MS = 10_000;

/**
 * The persistent index: articles' analyses kept in the extension's workspace storage between sessions, keyed
 * by the article's content hash, the analysis settings and the analysing code (the worker's own hash, so a
 * new version of the extension or of the entity model never reads an old result). A window reload or a
 * restart analyses only the articles that changed. Stored in 64 files (by hash), written whole by temporary
 * file and rename; a damaged file is ignored and written again. Entries that no article used since the
 * last full scan are dropped (`prune`), so the index follows the folder and never grows with old versions.
 */
export class AnalysisStore implements vscode.Disposable {
  private readonly shards: Map<string, string>[] = Array.from({ length: SHARDS }, () => new Map());
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
    this.loaded = folder ? this.load(folder, code) : Promise.resolve();
  }

  /** The stored analysis of this text, if any. */
  async get(text: string, settings: string): Promise<ArticleAnalysis | undefined> {
    if (!this.folder) return undefined;
    await this.loaded;
    if (this.disabled) return undefined;
    const hash = contentHash(text);
    const key = this.key(hash, settings);
    const encoded = this.shards[shardOf(hash)].get(key);
    if (encoded === undefined) return undefined;
    try {
      const analysis = decodeAnalysis(encoded, text);
      if (analysis.hash !== hash) return undefined;
      this.used.add(key);
      this.hits++;
      return analysis;
    } catch {
      this.shards[shardOf(hash)].delete(key);
      this.dirty.add(shardOf(hash));
      return undefined;
    }
  }

  put(text: string, settings: string, analysis: ArticleAnalysis): void {
    if (!this.folder || this.disabled) return;
    if (!this.version) { void this.loaded.then(() => this.version && this.put(text, settings, analysis)); return; }
    const key = this.key(analysis.hash, settings);
    const shard = shardOf(analysis.hash);
    this.used.add(key);
    if (this.shards[shard].has(key)) return;
    this.shards[shard].set(key, encodeAnalysis(analysis, text));
    this.dirty.add(shard);
    this.schedule();
  }

  /** After a full scan: what no article used is dropped, and the index is written. */
  async prune(): Promise<void> {
    await this.loaded;
    this.shards.forEach((shard, i) => {
      for (const key of shard.keys()) if (!this.used.has(key)) { shard.delete(key); this.dirty.add(i); }
    });
    await this.flush();
  }

  /** Writes the changed files now. */
  async flush(): Promise<void> {
    await this.loaded;
    clearTimeout(this.timer);
    this.timer = undefined;
    const folder = this.folder;
    if (!folder || !this.dirty.size) return this.writing;
    const shards = [...this.dirty];
    this.dirty.clear();
    this.writing = this.writing.then(async () => {
      await vscode.workspace.fs.createDirectory(folder);
      for (const i of shards) {
        const lines: string[] = [];
        for (const [key, encoded] of this.shards[i]) lines.push(`${key}\t${encoded}`);
        const file = vscode.Uri.joinPath(folder, shardName(i));
        const temp = vscode.Uri.joinPath(folder, `.${shardName(i)}.tmp`);
        try {
          await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(lines.join('\n')));
          await vscode.workspace.fs.rename(temp, file, { overwrite: true });
        } catch (e) {
          console.warn(`Source Annotator: the index could not be written (${(e as Error).message})`);
        }
      }
    });
    return this.writing;
  }

  private schedule(): void {
    if (!this.timer) this.timer = setTimeout(() => void this.flush(), FLUSH_DELAY_MS);
  }

  private key(hash: string, settings: string): string {
    return `${hash}|${settings}|${this.version}`;
  }

  private async load(folder: vscode.Uri, code: vscode.Uri): Promise<void> {
    try {
      this.version = contentHash(new TextDecoder().decode(await vscode.workspace.fs.readFile(code))).slice(-8);
    } catch {
      this.disabled = true; // without knowing the code, no stored result can be trusted
      return;
    }
    await Promise.all(this.shards.map(async (shard, i) => {
      let content: string;
      try {
        content = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, shardName(i))));
      } catch {
        return; // not written yet
      }
      for (const line of content.split('\n')) {
        const tab = line.indexOf('\t');
        if (tab > 0 && line.slice(0, tab).endsWith(`|${this.version}`)) shard.set(line.slice(0, tab), line.slice(tab + 1));
        else if (line) this.dirty.add(i); // an entry of another version or a damaged line: the file is written again
      }
    }));
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
