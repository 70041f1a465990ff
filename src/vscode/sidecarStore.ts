import * as vscode from 'vscode';
import { parseSidecar, serializeSidecar, type SidecarProblem } from '../core/annotations/codec';
import { articleNameOfSidecar, emptySidecar, sidecarName, SIDECAR_SUFFIX, type Annotation, type Sidecar } from '../core/annotations/model';
import { contentHash } from '../core/text/hash';
import { fileName } from './convert';

export interface SidecarState {
  sidecar: Sidecar | null;
  problems: SidecarProblem[];
  exists: boolean;
}

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/**
 * Sidecar files on workspace.fs. The files are the truth: every change re-reads the file, applies the
 * change to what is on disk (so an annotation added elsewhere is kept: merge by id), and writes atomically
 * (temporary sibling, then rename), one write at a time per sidecar. A sidecar that cannot be read is
 * reported (diagnostics on it and on its article) and never written until it is fixed. External changes
 * are watched; our own writes are recognised by their content and do not trigger reloads.
 */
export class SidecarStore implements vscode.Disposable {
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly ownWrites = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires with the article's uri when its sidecar changed on disk (not by us). */
  readonly onDidChangeExternally = this.changed.event;

  constructor(private readonly diagnostics: vscode.DiagnosticCollection) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`);
    const onChange = (uri: vscode.Uri) => void this.externalChange(uri);
    this.disposables.push(watcher, watcher.onDidChange(onChange), watcher.onDidCreate(onChange), watcher.onDidDelete(onChange), this.changed);
  }

  sidecarUri(article: vscode.Uri): vscode.Uri {
    return vscode.Uri.joinPath(article, '..', sidecarName(fileName(article)));
  }

  async read(article: vscode.Uri): Promise<SidecarState> {
    const uri = this.sidecarUri(article);
    let source: string;
    try {
      source = decoder.decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      this.report(article, uri, []);
      return { sidecar: null, problems: [], exists: false };
    }
    const parsed = parseSidecar(source, fileName(article));
    this.report(article, uri, parsed.problems);
    return { ...parsed, exists: true };
  }

  /**
   * Changes the article's annotations: `change` receives the annotations now on disk and returns the new
   * list. Refuses (throws) when the sidecar on disk cannot be read.
   */
  update(article: vscode.Uri, articleText: string, change: (annotations: Annotation[]) => Annotation[]): Promise<Sidecar> {
    const uri = this.sidecarUri(article);
    const key = uri.toString();
    const run = async () => {
      const state = await this.read(article);
      if (state.exists && !state.sidecar) {
        throw new Error(`${fileName(uri)} cannot be read (${state.problems[0]?.message ?? 'invalid'}); fix it first — it is not overwritten.`);
      }
      const current = state.sidecar ?? emptySidecar(fileName(article), '');
      const next: Sidecar = { ...current, version: 1, article: fileName(article), contentHash: contentHash(articleText), annotations: change(current.annotations) };
      const content = serializeSidecar(next);
      this.ownWrites.set(key, content);
      await writeAtomically(uri, content);
      return next;
    };
    const queued = (this.queues.get(key) ?? Promise.resolve()).then(run, run);
    this.queues.set(key, queued.catch(() => undefined));
    return queued;
  }

  private async externalChange(uri: vscode.Uri): Promise<void> {
    const name = articleNameOfSidecar(fileName(uri));
    if (!name) return;
    const key = uri.toString();
    const own = this.ownWrites.get(key);
    if (own !== undefined) {
      try {
        if (decoder.decode(await vscode.workspace.fs.readFile(uri)) === own) return;
      } catch { /* deleted: an external change */ }
    }
    this.ownWrites.delete(key);
    this.changed.fire(vscode.Uri.joinPath(uri, '..', name));
  }

  private report(article: vscode.Uri, uri: vscode.Uri, problems: SidecarProblem[]): void {
    if (!problems.length) {
      this.diagnostics.delete(uri);
      this.diagnostics.delete(article);
      return;
    }
    this.diagnostics.set(uri, problems.map(p => {
      const pos = new vscode.Position(Math.max(0, p.line - 1), Math.max(0, p.column - 1));
      const d = new vscode.Diagnostic(new vscode.Range(pos, pos.translate(0, 1)), p.message, vscode.DiagnosticSeverity.Error);
      d.source = 'Source Annotator';
      return d;
    }));
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

async function writeAtomically(uri: vscode.Uri, content: string): Promise<void> {
  const temp = vscode.Uri.joinPath(uri, '..', `.${fileName(uri)}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}.tmp`);
  await vscode.workspace.fs.writeFile(temp, encoder.encode(content));
  try {
    await vscode.workspace.fs.rename(temp, uri, { overwrite: true });
  } catch (e) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    throw e;
  }
}
