import * as vscode from 'vscode';
import { findArticles, openDocument, readArticleFile } from './articleFiles';
import { isArticlePath, isOwnFile } from '../core/articlePolicy';
import type { Annotation } from '../core/annotations/model';
import { Corpus, type ArticleView, type CorpusView } from '../core/corpus';
import { groupUtterances, type Utterance } from '../core/quotes/utterances';
import { lazyModelRecogniser, ruleRecogniser, type EntityRecogniser } from '../core/ner';
import { readSettings, type Settings } from './settings';
import type { AnalysisWorker } from './analysisWorker';
import { LiveAnnotations } from './liveAnnotations';
import type { LiveAnchors } from '../core/annotations/live';
import type { SidecarStore } from './sidecarStore';
import type { AnalysisStore } from './analysisStore';
import { CorpusChanges } from './corpusChanges';
import { ScanTracker, type ScanStatus } from './scanTracker';

/** How many articles are read at once during a scan. */
const READERS = 4;
/** How often the views are refreshed while a scan reads articles. */
const SCAN_REFRESH_MS = 1000;

/**
 * The workspace's articles and their analysis. Scenarios handled:
 * - activation: every article matching `sourceAnnotator.articles` is read once in the background, up to
 *   `sourceAnnotator.maxArticles` (beyond it, only the articles the user opens); the scan reports its
 *   progress (`scan`) and can be cancelled, keeping what it read;
 * - typing: the edited article is re-analysed after `analysisDelayMs` of quiet, never per keystroke,
 *   and a newer edit cancels the pending one (analysis results are cached by content hash);
 * - files created, changed on disk (git pull), deleted or renamed: watched and re-read;
 * - a sidecar changed by someone else: re-read, annotations re-anchored;
 * - settings changed: the article set is rebuilt.
 * Listeners get `onDidChange` once per settled change; `generation` tells views whether to recompute.
 */
export class CorpusService implements vscode.Disposable {
  private corpus: Corpus;
  private settings: Settings = readSettings();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changes = new CorpusChanges();
  readonly onDidChange = this.changes.event;
  private scanning: Promise<void> = Promise.resolve();
  private readonly scans = new ScanTracker();
  /** The reading of the workspace's articles: where it stands, and a way to stop it. */
  readonly scan: ScanStatus = this.scans;
  /** How many analyses the worker thread made (the rest, if any, ran in the main thread). */
  workerAnalyses = 0;

  private recogniser: EntityRecogniser = ruleRecogniser;
  private readonly modelLoaded: Promise<void>;

  constructor(private readonly store: SidecarStore, modelUri?: vscode.Uri, private readonly worker?: AnalysisWorker, private readonly index?: AnalysisStore) {
    this.modelLoaded = modelUri ? this.loadModel(modelUri) : Promise.resolve();
    this.corpus = this.newCorpus();
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      this.changes,
      this.scans,
      watcher,
      watcher.onDidCreate(uri => void this.fileChanged(uri)),
      watcher.onDidChange(uri => void this.fileChanged(uri)),
      watcher.onDidDelete(uri => this.fileDeleted(uri)),
      vscode.workspace.onDidChangeTextDocument(e => { this.live.edit(e); this.scheduleEdit(e.document); }),
      vscode.workspace.onDidOpenTextDocument(d => this.opened(d)),
      vscode.workspace.onDidCloseTextDocument(d => this.closed(d)),
      vscode.window.onDidChangeVisibleTextEditors(editors => this.shown(editors)),
      store.onDidChangeExternally(article => void this.reloadAnnotations(article)),
    );
    void this.rescan();
  }

  private newCorpus(): Corpus {
    return new Corpus({ maxLength: this.settings.maxArticleSizeKB * 1024, recogniser: this.recogniser });
  }

  /**
   * The trained entity model shipped in media/ (its tables are built here only if the worker cannot tag);
   * without it, or if it is damaged, the rules recognise entities.
   */
  private async loadModel(uri: vscode.Uri): Promise<void> {
    try {
      this.recogniser = lazyModelRecogniser(await vscode.workspace.fs.readFile(uri));
      this.corpus.setOptions({ recogniser: this.recogniser });
    } catch (e) {
      console.warn(`Source Annotator: entity model not loaded (${(e as Error).message}); using rules`);
    }
  }

  /** Which recogniser finds entities: "tagger:…" once the model is loaded, else "rules". */
  get recogniserId(): string {
    return this.recogniser.id;
  }

  /** Resolves once the initial scan (or the latest rescan) has finished. */
  ready(): Promise<void> {
    return this.scanning;
  }

  view(): CorpusView {
    const started = Date.now();
    const view = this.corpus.resolve();
    if (this.corpus.lastChanges().articles.size) this.lastResolveMs = Date.now() - started;
    return view;
  }

  /** How long the last resolve that changed something took: a scan refreshes the views less often when it is long. */
  private lastResolveMs = 0;

  private grouped: { view: CorpusView; utterances: Utterance[] } | undefined;

  /** The corpus's speech quotes grouped by utterance across articles, recomputed only when the view changes. */
  utterances(): Utterance[] {
    const view = this.view();
    if (this.grouped?.view !== view) this.grouped = { view, utterances: groupUtterances(view) };
    return this.grouped.utterances;
  }

  /** An article's current text: the editor's when it is open (it may be ahead of the disk), else the corpus's, else the disk's. */
  async currentText(uri: vscode.Uri): Promise<string> {
    const open = openDocument(uri.toString());
    return open?.getText() ?? this.corpus.textOf(uri.toString()) ?? (await vscode.workspace.openTextDocument(uri)).getText();
  }

  article(uri: vscode.Uri): ArticleView | undefined {
    return this.view().articles.get(uri.toString());
  }

  isArticle(uri: vscode.Uri): boolean {
    if (uri.scheme !== 'file' && uri.scheme !== 'vscode-remote' && uri.scheme !== 'untitled') return false;
    if (isOwnFile(uri.path.slice(uri.path.lastIndexOf('/') + 1))) return false; // our exports, sidecars, temporary files
    if (this.corpus.has(uri.toString())) return true;
    return isArticlePath(vscode.workspace.asRelativePath(uri, false), this.settings);
  }

  async updateSettings(settings: Settings): Promise<void> {
    this.settings = settings;
    this.corpus = this.newCorpus();
    await this.rescan();
  }

  rescan(): Promise<void> {
    this.scanning = this.readArticles();
    return this.scanning;
  }

  /** Counts the changes announced by `onDidChange`. */
  get generation(): number {
    return this.changes.generation;
  }

  private async readArticles(): Promise<void> {
    const scan = this.scans.start(); // cancels a scan still running
    try {
      await this.modelLoaded;
      const limit = this.settings.maxArticles;
      const { uris, more } = await findArticles(this.settings, limit, scan.token);
      scan.report({ total: uris.length, limitedTo: more ? limit : undefined });
      const open = new Map(vscode.workspace.textDocuments.map(d => [d.uri.toString(), d]));
      // a few articles in flight, so that reading files and sidecars overlaps the analysis; the views fill
      // as the articles arrive (each resolve brings in only the articles read since the last one)
      let next = 0;
      let read = 0;
      let shown = Date.now();
      const reader = async () => {
        while (next < uris.length && !scan.token.isCancellationRequested) {
          const uri = uris[next++];
          const doc = open.get(uri.toString());
          await this.load(uri, doc ? doc.getText() : undefined, false);
          scan.report({ read: ++read });
          // the main thread spends at most about a fifth of the scan resolving what arrived
          if (Date.now() - shown > Math.max(SCAN_REFRESH_MS, 4 * this.lastResolveMs)) { shown = Date.now(); this.changes.notify(); }
        }
      };
      await Promise.all(Array.from({ length: READERS }, reader));
      if (!scan.token.isCancellationRequested) void this.index?.prune();
    } finally {
      scan.end();
    }
    this.shown(vscode.window.visibleTextEditors);
    this.changes.notify();
  }

  /** Beyond the limit, an article shown in an editor is read all the same (its document may be older than the scan). */
  private shown(editors: readonly vscode.TextEditor[]): void {
    if (this.scans.current.limitedTo === undefined) return;
    for (const { document } of editors) {
      if (document.uri.scheme !== 'untitled' && !this.corpus.has(document.uri.toString()) && this.isArticle(document.uri)) void this.load(document.uri);
    }
  }

  /**
   * Finds a text's analysis in the persistent index, or has the worker (when there is one) make it, and hands
   * it to the corpus, so that the main thread only resolves. A text read from disk (`keep`) has its analysis
   * kept in the index. If the worker is unavailable, the corpus analyses in the main thread.
   */
  private async analyseOffThread(text: string, keep = false): Promise<void> {
    await this.modelLoaded;
    if (this.corpus.isAnalysed(text)) return;
    const settings = `${this.settings.maxArticleSizeKB * 1024}:${this.recogniser.id}`;
    const stored = await this.index?.get(text, settings);
    if (stored) { this.corpus.primeAnalysis(text, stored); return; }
    if (!this.worker) return;
    try {
      const analysis = await this.worker.analyse(text, this.settings.maxArticleSizeKB * 1024);
      this.corpus.primeAnalysis(text, analysis);
      this.workerAnalyses++;
      if (keep) this.index?.put(text, settings, analysis);
    } catch (e) {
      console.warn(`Source Annotator: analysis worker unavailable (${(e as Error).message}); analysing in the main thread`);
    }
  }

  /** Reads an article (from disk unless the text is given) and its sidecar into the corpus. */
  private async load(uri: vscode.Uri, text?: string, notify = true): Promise<void> {
    const deletions = this.deletions;
    try {
      const content = text ?? (await readArticleFile(uri, this.settings.maxArticleSizeKB * 1024));
      if (content === undefined) return this.fileDeleted(uri); // not read: too large to analyse, or not a file
      // kept in the index when it is what the disk holds (read from it, or an editor with no unsaved change)
      await this.analyseOffThread(content, text === undefined || !openDocument(uri.toString())?.isDirty);
      const state = await this.store.read(uri);
      // deleted while it was being read: it stays out
      if (this.deletions !== deletions && !(await vscode.workspace.fs.stat(uri).then(() => true, () => false))) return;
      this.put(uri.toString(), content, state.sidecar?.annotations ?? []);
    } catch {
      return; // unreadable or gone: nothing to show
    }
    if (notify) this.changes.notify();
  }

  /** Annotations of articles open in an editor, moved with every edit as it happens. */
  private readonly live = new LiveAnnotations(() => this.settings.maxArticleSizeKB * 1024);

  /**
   * Gives the corpus an article's annotations (and its text: the editor's, when the article is open — then
   * the annotations are tracked live from now on, keeping the live place of those that did not change).
   */
  private put(key: string, text: string, annotations: Annotation[]): void {
    const document = openDocument(key);
    if (!document) { this.corpus.setArticle(key, text, annotations); return; }
    const current = document.getText();
    this.stale.delete(key);
    this.corpus.setArticle(key, current, annotations, this.live.track(key, current, annotations));
  }

  /** Hands an editor's text to the corpus, with the live placements that belong to it. */
  private putText(key: string, text: string): void {
    this.corpus.setArticle(key, text, undefined, this.live.placementsFor(key, text));
  }

  private opened(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    if (!this.isArticle(document.uri)) return;
    if (!this.corpus.has(key)) { void this.load(document.uri, document.getText()); return; }
    this.put(key, document.getText(), this.corpus.annotationsOf(key));
    this.changes.notify();
  }

  /** The editor is gone: what is on disk is the article again (unsaved edits were discarded). */
  private closed(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.live.forget(key);
    if (!this.corpus.has(key)) return;
    this.stale.delete(key);
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    if (document.uri.scheme !== 'untitled') void this.load(document.uri);
  }

  /** The live annotations of an open article, and the annotations it was given as stored (for saving moved anchors). */
  liveAnnotations(uri: vscode.Uri): { tracker: LiveAnchors; stored: Annotation[] } | undefined {
    const key = uri.toString();
    const tracker = this.live.tracker(key);
    return tracker && { tracker, stored: this.corpus.annotationsOf(key) };
  }

  /**
   * Brings every edited article's text into the corpus now (analysing in the main thread if need be):
   * commands that compute positions call this first, so that they never work on a text the user has
   * already changed.
   */
  flushPending(): void {
    let changed = false;
    for (const key of this.stale) {
      clearTimeout(this.timers.get(key));
      this.timers.delete(key);
      const doc = openDocument(key);
      if (doc && this.corpus.has(key)) { this.putText(key, doc.getText()); changed = true; }
    }
    this.stale.clear();
    if (changed) void this.changes.notify(true);
  }

  /** Articles whose editor text is newer than the corpus's. */
  private readonly stale = new Set<string>();

  private scheduleEdit(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    if (!this.corpus.has(key)) return;
    this.stale.add(key);
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(async () => {
      this.timers.delete(key);
      const text = document.getText();
      await this.analyseOffThread(text);
      // a newer edit arrived while the worker was busy: its own timer will bring it in
      if (this.timers.has(key) || document.getText() !== text || !this.stale.has(key)) return;
      this.stale.delete(key);
      this.putText(key, text);
      this.changes.notify();
    }, this.settings.analysisDelayMs));
  }

  /** Re-reads the annotations of one article after we or someone else changed its sidecar. */
  async reloadAnnotations(article: vscode.Uri): Promise<void> {
    if (!this.corpus.has(article.toString())) return;
    const state = await this.store.read(article);
    this.replaceAnnotations(article.toString(), state.sidecar?.annotations ?? []);
    this.changes.notify();
  }

  setAnnotations(article: vscode.Uri, annotations: Annotation[]): void {
    this.replaceAnnotations(article.toString(), annotations);
    this.changes.notify(true);
  }

  private replaceAnnotations(key: string, annotations: Annotation[]): void {
    if (!this.corpus.has(key)) return; // deleted meanwhile
    const document = openDocument(key);
    if (document) this.put(key, document.getText(), annotations);
    else this.corpus.setAnnotations(key, annotations);
  }

  private async fileChanged(uri: vscode.Uri): Promise<void> {
    if (!this.isArticle(uri)) return;
    // in a folder larger than the limit, a new file waits, like the rest not read, until the user opens it
    if (this.scans.current.limitedTo !== undefined && !this.corpus.has(uri.toString())) return;
    const doc = openDocument(uri.toString());
    if (doc?.isDirty) return; // the editor's text is the current one
    await this.load(uri, doc?.getText());
  }

  /** Files deleted so far: a read that began before a deletion checks that its file is still there. */
  private deletions = 0;

  private fileDeleted(uri: vscode.Uri): void {
    this.deletions++;
    const prefix = uri.toString();
    let removed = false;
    for (const path of this.corpus.paths()) {
      if (path === prefix || path.startsWith(prefix + '/')) { this.corpus.removeArticle(path); removed = true; }
    }
    if (removed) this.changes.notify();
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
