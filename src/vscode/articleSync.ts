import * as vscode from 'vscode';
import { openDocument, readArticleFile, type ArticleFile } from './articleFiles';

/** What ArticleSync hands on: the corpus side of an article's text. */
export interface ArticleSyncTarget {
  /** The corpus holds this article. */
  has(key: string): boolean;
  isArticle(uri: vscode.Uri): boolean;
  /** A file the corpus does not hold may come in now (not beyond the folder's article limit). */
  admits(uri: vscode.Uri): boolean;
  /** The article's current text, to be analysed and brought in with its sidecar. */
  arrived(uri: vscode.Uri, got: ArticleText, stillThere?: () => Promise<boolean>): Promise<void>;
  /** An editor was opened on an article the corpus holds: its text is the article's from now on. */
  opened(key: string, text: string): void;
  /** Typed text, settled after the pause; `current` says whether it is still the editor's text. */
  typed(key: string, text: string, current: () => boolean): Promise<void>;
  /** Edited texts brought in at once (a command needs them): the keys and their editors' texts. */
  flushed(texts: Map<string, string>): void;
  /** Each edit as it happens (annotations follow it live). */
  edited(e: vscode.TextDocumentChangeEvent): void;
  /** The editor is gone. */
  closed(key: string): void;
  /** A file or folder was deleted, or an article cannot be read any more. */
  gone(uri: vscode.Uri): void;
}

/** An article's current text: `onDisk` when it is the disk's; `modified`, the file's time when it was read from disk. */
export interface ArticleText {
  text: string;
  onDisk: boolean;
  modified?: number;
}

/**
 * Disk, file watchers and open editors in; one current text per article out. The only place that decides
 * between an editor's text and the disk's: an open editor's text is the article's (it may be ahead of the
 * disk); a change on disk under an editor with unsaved changes is not read; typing is brought in after
 * `delay()` of quiet, per document, a newer edit cancelling the pending one.
 */
export class ArticleSync implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Articles whose editor text is newer than the corpus's. */
  private readonly stale = new Set<string>();
  /** Files deleted so far: a read that began before a deletion checks that its file is still there. */
  private deletions = 0;

  constructor(private readonly target: ArticleSyncTarget, private readonly delay: () => number, private readonly maxLength: () => number) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      watcher,
      watcher.onDidCreate(uri => void this.fileChanged(uri)),
      watcher.onDidChange(uri => void this.fileChanged(uri)),
      watcher.onDidDelete(uri => this.fileDeleted(uri)),
      vscode.workspace.onDidChangeTextDocument(e => { this.target.edited(e); this.scheduleEdit(e.document); }),
      vscode.workspace.onDidOpenTextDocument(d => this.opened(d)),
      vscode.workspace.onDidCloseTextDocument(d => this.closed(d)),
      vscode.window.onDidChangeVisibleTextEditors(editors => this.readShown(editors)),
    );
  }

  /** The document of an open article, if it is open. */
  editorDocument(key: string): vscode.TextDocument | undefined {
    return openDocument(key);
  }

  /** The editor's text of an open article, if it is open. */
  editorText(key: string): string | undefined {
    return openDocument(key)?.getText();
  }

  /** Whether an open editor holds changes the disk does not have. */
  isDirty(key: string): boolean {
    return openDocument(key)?.isDirty ?? false;
  }

  /** An article's current text: its editor's, else the disk's (undefined when it is not read: too large, not a file). */
  async read(uri: vscode.Uri): Promise<ArticleText | undefined> {
    const doc = openDocument(uri.toString());
    if (doc) return { text: doc.getText(), onDisk: !doc.isDirty };
    const file = await readArticleFile(uri, this.maxLength());
    return file && { ...file, onDisk: true };
  }

  /** An article's current text, for a command: the editor's, else what the corpus holds, else the disk's. */
  async currentText(uri: vscode.Uri, held: string | undefined): Promise<string> {
    return this.editorText(uri.toString()) ?? held ?? (await vscode.workspace.openTextDocument(uri)).getText();
  }

  /** A read that began now is still good later: no deletion came in between, or the file is still there. */
  readGuard(uri: vscode.Uri): () => Promise<boolean> {
    const deletions = this.deletions;
    return async () => this.deletions === deletions || vscode.workspace.fs.stat(uri).then(() => true, () => false);
  }

  /** The editor's text is now the corpus's: no typing of it is pending. */
  settled(key: string): void {
    this.stale.delete(key);
  }

  /**
   * Brings every edited article's text into the corpus now: commands that compute positions call this first,
   * so that they never work on a text the user has already changed.
   */
  flushPending(): void {
    const texts = new Map<string, string>();
    for (const key of this.stale) {
      clearTimeout(this.timers.get(key));
      this.timers.delete(key);
      const text = this.editorText(key);
      if (text !== undefined && this.target.has(key)) texts.set(key, text);
    }
    this.stale.clear();
    if (texts.size) this.target.flushed(texts);
  }

  private opened(document: vscode.TextDocument): void {
    if (!this.target.isArticle(document.uri)) return;
    const key = document.uri.toString();
    if (!this.target.has(key)) { void this.target.arrived(document.uri, { text: document.getText(), onDisk: !document.isDirty }); return; }
    this.stale.delete(key);
    this.target.opened(key, document.getText());
  }

  /** Beyond the folder's article limit, an article shown in an editor is read (its document may be older than the scan). */
  readShown(editors: readonly vscode.TextEditor[]): void {
    for (const { document } of editors) {
      const uri = document.uri;
      if (uri.scheme !== 'untitled' && !this.target.has(uri.toString()) && !this.target.admits(uri) && this.target.isArticle(uri)) void this.target.arrived(uri, { text: document.getText(), onDisk: !document.isDirty });
    }
  }

  /** The editor is gone: what is on disk is the article again (unsaved edits were discarded). */
  private closed(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.target.closed(key);
    // typing still pending is dropped, also for an article deleted before its editor closed (it must not come back)
    this.stale.delete(key);
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    if (!this.target.has(key)) return;
    if (document.uri.scheme !== 'untitled') void this.fromDisk(document.uri);
  }

  private scheduleEdit(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    if (!this.target.has(key)) return;
    this.stale.add(key);
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      const text = document.getText();
      // a newer edit arrived while the worker was busy: its own timer will bring it in
      void this.target.typed(key, text, () => !this.timers.has(key) && !document.isClosed && this.target.has(key) && document.getText() === text && this.stale.delete(key));
    }, this.delay()));
  }

  private async fileChanged(uri: vscode.Uri): Promise<void> {
    if (!this.target.isArticle(uri)) return;
    // in a folder larger than the limit, a new file waits, like the rest not read, until the user opens it
    if (!this.target.has(uri.toString()) && !this.target.admits(uri)) return;
    const doc = openDocument(uri.toString());
    if (doc?.isDirty) return; // the editor's text is the current one
    // an editor closed a moment ago may still hold the text of a file deleted since: the file must be there
    if (doc) await this.target.arrived(uri, { text: doc.getText(), onDisk: true }, () => Promise.resolve(vscode.workspace.fs.stat(uri)).then(() => true, () => false));
    else await this.fromDisk(uri);
  }

  /** Reads an article from disk (not read: too large to analyse, or not a file — then it leaves the corpus). */
  private async fromDisk(uri: vscode.Uri): Promise<void> {
    const stillThere = this.readGuard(uri);
    let file: ArticleFile | undefined;
    try {
      file = await readArticleFile(uri, this.maxLength());
    } catch {
      return; // unreadable or gone: nothing to show
    }
    if (file === undefined) this.target.gone(uri);
    else await this.target.arrived(uri, { ...file, onDisk: true }, stillThere);
  }

  private fileDeleted(uri: vscode.Uri): void {
    this.deletions++;
    this.target.gone(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
