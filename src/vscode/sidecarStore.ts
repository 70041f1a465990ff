import * as vscode from 'vscode';
import { decodeSidecar, parseSidecar, type SidecarProblem } from '../core/annotations/codec';
import { readSidecarSteps, type SidecarBytes, type SidecarFacts } from '../core/annotations/sidecarFile';
import { articleNameOfSidecar, sidecarName, SIDECAR_SUFFIX, type Annotation, type Sidecar } from '../core/annotations/model';
import { runSaveAsync, saveSidecarSteps, UnreadableSidecarError, type SaveOptions, type SaveResult, type SidecarRead } from '../core/annotations/save';
import { saveOnDiskAsync, type DiskSaveHooks } from '../node/sidecarDisk';
import { fileName } from './convert';
import { isGone, readBytes, replaceFile, statFile } from './files';
import { SidecarListing } from './sidecarListing';

export interface SidecarState {
  sidecar: Sidecar | null;
  problems: SidecarProblem[];
  warnings: SidecarProblem[];
  exists: boolean;
}

/** Called after a save wrote its temporary file and before it checks and replaces the sidecar (for tests). */
export type SidecarWriteHook = (sidecar: vscode.Uri, attempt: number) => Promise<void> | void;

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/**
 * Sidecar files, on the disk (src/node/sidecarDisk.ts, as the CLI) or through workspace.fs for other file
 * systems. The files are the truth: every change takes the sidecar's lock, re-reads the file and applies the
 * change to what is on disk, writes a temporary sibling, checks the sidecar again right before renaming
 * the temporary file over it and, if another program wrote it meanwhile, merges by id and tries again
 * (src/core/annotations/save.ts), one save or read at a time per sidecar in this window. A sidecar that cannot be read (broken
 * YAML, not UTF-8, over sourceAnnotator.maxSidecarSizeKB, a folder) is reported (diagnostics on it and on its article) and never
 * written until it is fixed. External changes are watched; our own writes are recognised by their content
 * and do not trigger reloads.
 */
export class SidecarStore implements vscode.Disposable {
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly ownWrites = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [];
  private writeHook: SidecarWriteHook | undefined;
  /** While a scan reads the folder: which sidecars exist, by folder (src/vscode/sidecarListing.ts). */
  private listing: SidecarListing | undefined;
  /** Fires with the article's uri when its sidecar changed on disk (not by us). */
  readonly onDidChangeExternally = this.changed.event;

  /** `maxBytes`: the setting sourceAnnotator.maxSidecarSizeKB, in bytes (sidecars larger are not read, and no save makes one). */
  constructor(private readonly diagnostics: vscode.DiagnosticCollection, private readonly maxBytes: () => number) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`);
    const onChange = (uri: vscode.Uri) => { this.listing?.touch(uri); void this.externalChange(uri); };
    this.disposables.push(watcher, watcher.onDidChange(onChange), watcher.onDidCreate(onChange), watcher.onDidDelete(onChange), this.changed);
  }

  sidecarUri(article: vscode.Uri): vscode.Uri {
    return vscode.Uri.joinPath(article, '..', sidecarName(fileName(article)));
  }

  /**
   * While the returned disposable lasts (a scan), reads look a sidecar up in its folder's listing first, and
   * read nothing for an article whose sidecar is not there.
   */
  listSidecars(): vscode.Disposable {
    const listing = (this.listing = new SidecarListing());
    return { dispose: () => { if (this.listing === listing) this.listing = undefined; } };
  }

  /** For tests: runs `hook` inside every save, where another program's write would race with ours. */
  setWriteHook(hook: SidecarWriteHook | undefined): void {
    this.writeHook = hook;
  }

  /**
   * The article's sidecar as it is on disk. Reads wait for a save of the same sidecar in progress, so that a
   * reload prompted by another program's write during our save sees the file our save left (with both
   * changes) and is never applied after that save's result.
   */
  read(article: vscode.Uri): Promise<SidecarState> {
    const uri = this.sidecarUri(article);
    return this.serialised(uri.toString(), () => this.readNow(article, uri));
  }

  private async readNow(article: vscode.Uri, uri: vscode.Uri): Promise<SidecarState> {
    const raw = this.listing && !(await this.listing.mayExist(uri)) ? undefined : await readRaw(uri, this.maxBytes());
    if (raw === undefined) {
      this.report(article, uri, [], []);
      return { sidecar: null, problems: [], warnings: [], exists: false };
    }
    const parsed = raw instanceof Uint8Array ? decodeSidecar(raw, fileName(article), this.maxBytes()) : raw.refused;
    this.report(article, uri, parsed.problems, parsed.warnings);
    return { ...parsed, exists: true };
  }

  /**
   * Changes the article's annotations: `change` receives the annotations now on disk and returns the new
   * list; what another program writes meanwhile is merged in. Refuses (throws) when the sidecar on disk
   * cannot be read.
   */
  update(article: vscode.Uri, articleText: string, change: (annotations: Annotation[]) => Annotation[], published?: string | null): Promise<Sidecar> {
    const uri = this.sidecarUri(article);
    const key = uri.toString();
    const run = async () => {
      this.listing?.touch(uri); // it may exist from now on
      const hooks: DiskSaveHooks = { afterTempWritten: attempt => this.writeHook?.(uri, attempt), beforeCommit: content => this.ownWrites.set(key, content) };
      const options = { maxBytes: this.maxBytes(), ...(published !== undefined ? { published } : {}) };
      try {
        const saved = uri.scheme === 'file'
          ? await saveOnDiskAsync(uri.fsPath, fileName(article), articleText, change, options, hooks)
          : await saveThroughWorkspaceFs(uri, fileName(article), articleText, change, options, hooks);
        // what we wrote is well-formed; what a hand edit left in it (kept as written) is still said
        this.report(article, uri, [], parseSidecar(saved.content, fileName(article), this.maxBytes()).warnings);
        return saved.sidecar;
      } catch (e) {
        if (!(e instanceof UnreadableSidecarError)) throw e;
        this.report(article, uri, e.problems, []);
        throw new Error(`${fileName(uri)} cannot be read (${e.problems[0]?.message ?? 'invalid'}); fix it first — it is not overwritten.`);
      }
    };
    return this.serialised(key, run);
  }

  /** Runs `task` after every read and save of the same sidecar queued before it. */
  private serialised<T>(key: string, task: () => Promise<T>): Promise<T> {
    const queued = (this.queues.get(key) ?? Promise.resolve()).then(task, task);
    const settled = queued.then(() => undefined, () => undefined);
    this.queues.set(key, settled);
    void settled.then(() => { if (this.queues.get(key) === settled) this.queues.delete(key); });
    return queued;
  }

  private async externalChange(uri: vscode.Uri): Promise<void> {
    const name = articleNameOfSidecar(fileName(uri));
    if (!name) return;
    const key = uri.toString();
    const own = this.ownWrites.get(key);
    if (own !== undefined) {
      try {
        const ownBytes = encoder.encode(own);
        if ((await vscode.workspace.fs.stat(uri)).size === ownBytes.length && decoder.decode(await vscode.workspace.fs.readFile(uri)) === own) return;
      } catch { /* deleted: an external change */ }
    }
    this.ownWrites.delete(key);
    this.changed.fire(vscode.Uri.joinPath(uri, '..', name));
  }

  private report(article: vscode.Uri, uri: vscode.Uri, problems: SidecarProblem[], warnings: SidecarProblem[]): void {
    const diagnostic = (p: SidecarProblem, severity: vscode.DiagnosticSeverity) => {
      const pos = new vscode.Position(Math.max(0, p.line - 1), Math.max(0, p.column - 1));
      const d = new vscode.Diagnostic(new vscode.Range(pos, pos.translate(0, 1)), p.message, severity);
      d.source = 'Source Annotator';
      return d;
    };
    if (!problems.length) {
      // nothing to say of most sidecars: the collection is told only of what changes (a scan reads thousands)
      if (this.diagnostics.has(article)) this.diagnostics.delete(article);
      if (warnings.length) this.diagnostics.set(uri, warnings.map(w => diagnostic(w, vscode.DiagnosticSeverity.Warning)));
      else if (this.diagnostics.has(uri)) this.diagnostics.delete(uri);
      return;
    }
    this.diagnostics.set(uri, problems.map(p => diagnostic(p, vscode.DiagnosticSeverity.Error)));
    const warning = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0),
      `The annotations file ${fileName(uri)} cannot be read: ${problems[0].message} (line ${problems[0].line}). Its annotations are not shown, and it will not be overwritten until it is fixed.`,
      vscode.DiagnosticSeverity.Warning);
    warning.source = 'Source Annotator';
    this.diagnostics.set(article, [warning]);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * A save on a file system other than the disk (a remote or virtual folder), through workspace.fs: without
 * links, permissions or a lock file (workspace.fs cannot create a file only if it does not exist); saves of
 * this window run one at a time, and the check before the rename merges what another program wrote.
 */
async function saveThroughWorkspaceFs(uri: vscode.Uri, article: string, articleText: string, change: (list: Annotation[]) => Annotation[], options: SaveOptions, hooks: DiskSaveHooks): Promise<SaveResult> {
  const beside = (name: string) => vscode.Uri.joinPath(uri, '..', name);
  let attempt = 0;
  return runSaveAsync(saveSidecarSteps(article, articleText, change, options), async step => {
    switch (step.op) {
      case 'read': return readRaw(uri, step.maxBytes);
      case 'write-temp':
        await vscode.workspace.fs.writeFile(beside(step.name), encoder.encode(step.content));
        await hooks.afterTempWritten?.(++attempt);
        return;
      case 'commit':
        hooks.beforeCommit?.(step.content);
        await replaceFile(beside(step.name), uri);
        return;
      case 'discard': case 'remove-temp':
        await vscode.workspace.fs.delete(beside(step.name)).then(undefined, () => undefined);
        return;
      default: return undefined; // no lock, nothing to inspect or clean up
    }
  });
}

/** The sidecar's bytes; undefined when it does not exist; a refusal when it is too large or not a readable file (never read, never written). */
async function readRaw(uri: vscode.Uri, maxBytes: number): Promise<SidecarRead> {
  const steps = readSidecarSteps(maxBytes);
  for (let step = steps.next(); ; ) {
    if (step.done) return step.value;
    if (step.value.op === 'stat') {
      let facts: SidecarFacts;
      facts = await statFile(uri);
      step = steps.next(facts);
    } else {
      let bytes: SidecarBytes;
      try { bytes = await readBytes(uri); } catch (e) { bytes = { error: e as Error, gone: isGone(e) }; }
      step = steps.next(bytes);
    }
  }
}
