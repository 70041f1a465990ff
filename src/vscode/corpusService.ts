import * as vscode from 'vscode';
import { ArticleSync, type ArticleText } from './articleSync';
import { isArticlePath, isOwnFile } from '../core/articlePolicy';
import type { Annotation } from '../core/annotations/model';
import { Corpus, PRIMED_KEPT, type ArticleView, type CorpusView } from '../core/corpus';
import { UtteranceIndex } from '../core/quotes/utteranceIndex';
import type { Utterance } from '../core/quotes/utterances';
import { ruleRecogniser, type EntityRecogniser } from '../core/ner';
import type { SpeakerModel } from '../core/quotes';
import { readModels, type ModelFiles } from './models';
import { analyserId } from '../core/analysis';
import { readSettings, type Settings } from './settings';
import type { AnalysisWorker } from './analysisWorker';
import type { LiveAnchors } from '../core/annotations/live';
import type { SidecarStore } from './sidecarStore';
import type { AnalysisStore } from './analysisStore';
import { ChangeAccumulator, CorpusChanges } from './corpusChanges';
import { ScanTracker, type ScanStatus } from './scanTracker';
import { Previews } from './preview';
import type { Preview } from '../core/preview';
import { AnalysisSource } from './analysisSource';
import { scanArticles } from './articleScan';
import { inSlices, resolveInSlices } from './resolveSlices';
import { ArticleAnnotations } from './articleAnnotations';
import { PublicationDates } from './publicationDates';
import { LastSessionLists } from './lastSession';
import type { SnapshotStore } from './snapshotStore';
import type { EntityLists } from '../core/corpus/snapshot';
import type { EntityType } from '../core/model';
import type { StoryEvent } from '../core/events';

/** How many articles read during a resolve in slices wait for it at most (each holds its analysis, primed). */
const MAX_WAITING = PRIMED_KEPT / 5;

/**
 * The workspace's articles and their analysis: texts come from ArticleSync (which decides between an editor
 * and the disk), analyses from the persistent index or the worker, annotations from the sidecars; the
 * corpus resolves them. Scenarios handled:
 * - activation: every article matching `sourceAnnotator.articles` is read once in the background, up to
 *   `sourceAnnotator.maxArticles` (beyond it, only the articles the user opens); the scan reports its
 *   progress (`scan`) and can be cancelled, keeping what it read;
 * - typing: the edited article is re-analysed after `analysisDelayMs` of quiet, never per keystroke,
 *   and a newer edit cancels the pending one (analysis results are cached by content hash);
 * - files created, changed on disk (git pull), deleted or renamed: watched and re-read;
 * - a sidecar changed by someone else: re-read, annotations re-anchored;
 * - settings changed: the article set is rebuilt.
 * Listeners get `onDidChange` once per settled change, saying what changed; `generation` counts the changes.
 */
export class CorpusService implements vscode.Disposable {
  private corpus: Corpus;
  private settings: Settings = readSettings();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly sync: ArticleSync;
  /** What resolves changed since listeners were last told. */
  private readonly unseen = new ChangeAccumulator();
  private readonly changes = new CorpusChanges(() => { this.resolveNow(); return this.unseen.take(); });
  /** Fires once per settled change, with the articles, entities and events it concerns. */
  readonly onDidChange = this.changes.event;
  private scanning: Promise<void> = Promise.resolve();
  private readonly scans = new ScanTracker();
  /** The reading of the workspace's articles: where it stands, and a way to stop it. */
  readonly scan: ScanStatus = this.scans;
  /** First highlights of long articles, from the part shown, while the whole is analysed. */
  private readonly previews: Previews;
  /** Fires with an article's key when the preview of its shown part can be drawn. */
  readonly onDidPreview: vscode.Event<string>;
  private readonly analyses: AnalysisSource;
  /** How annotations reach the corpus, tracked live in open editors. */
  private readonly annotations: ArticleAnnotations;
  /** The publication dates the user set and the files' days, brought to the corpus. */
  private readonly dates = new PublicationDates(() => this.corpus);

  /** How many analyses the worker thread made (the rest, if any, ran in the main thread). */
  get workerAnalyses(): number {
    return this.analyses.workerAnalyses;
  }

  private recogniser: EntityRecogniser = ruleRecogniser;
  private speakerModel: SpeakerModel | undefined;
  private readonly modelLoaded: Promise<void>;

  /** The last session's lists of entities, shown while the first scan reads the folder (with a store for them). */
  private readonly lastSession: LastSessionLists | undefined;
  /** What the last whole scan listed (the lists kept for the next session are checked against it). */
  private listing: readonly string[] | undefined;

  /** `snapshots`: where the lists of `listedTypes` are kept between sessions. */
  constructor(private readonly store: SidecarStore, models?: ModelFiles, worker?: AnalysisWorker, index?: AnalysisStore, snapshots?: { store: SnapshotStore; types: readonly EntityType[] }) {
    this.analyses = new AnalysisSource(worker, index);
    this.lastSession = snapshots && new LastSessionLists(snapshots.store, snapshots.types, {
      view: () => (this.scans.current.running ? undefined : this.view()),
      fingerprint: path => this.corpus.fingerprint(path),
      listed: () => this.listing,
      events: () => this.corpus.groupedEvents(),
    }, () => { this.unseen.everything(); void this.changes.notify(); });
    this.modelLoaded = models ? this.loadModels(models) : Promise.resolve();
    this.corpus = this.newCorpus();
    this.previews = new Previews(worker, (doc, text) => this.isArticle(doc.uri) && this.corpus.textOf(doc.uri.toString()) !== text && !this.corpus.isAnalysed(text, doc.uri.toString()), () => this.settings.maxArticleSizeKB * 1024);
    this.onDidPreview = this.previews.onDidPreview;
    this.sync = new ArticleSync({
      has: key => this.corpus.has(key),
      isArticle: uri => this.isArticle(uri),
      admits: () => this.scans.current.limitedTo === undefined,
      arrived: (uri, got, stillThere) => this.arrive(uri, got, true, stillThere),
      opened: (key, text) => { this.annotations.put(key, text, this.corpus.annotationsOf(key)); void this.changes.notify(); },
      typed: (key, text, current) => this.typed(key, text, current),
      flushed: texts => { for (const [key, text] of texts) this.annotations.putText(key, text); void this.changes.notify(true); },
      edited: e => this.annotations.live.edit(e),
      closed: key => this.annotations.live.forget(key),
      gone: uri => this.removed(uri),
    }, () => this.settings.analysisDelayMs, () => this.settings.maxArticleSizeKB * 1024);
    this.annotations = new ArticleAnnotations(() => this.corpus, this.sync, this.previews, () => this.settings.maxArticleSizeKB * 1024);
    this.disposables.push(
      this.changes,
      this.previews,
      this.scans,
      this.sync,
      store.onDidChangeExternally(article => void this.reloadAnnotations(article)),
      // once the folder is read, what changes is kept for the next session, off the typing path
      this.changes.event(() => { if (!this.scans.current.running) this.lastSession?.keep(); }),
    );
    void this.rescan();
  }

  private newCorpus(): Corpus {
    return new Corpus({ maxLength: this.settings.maxArticleSizeKB * 1024, recogniser: this.recogniser, speakerModel: this.speakerModel });
  }

  /** The trained models shipped in media/ (src/vscode/models.ts); without one, the rules do its work. */
  private async loadModels(files: ModelFiles): Promise<void> {
    const { recogniser, speakerModel } = await readModels(files);
    this.recogniser = recogniser ?? this.recogniser;
    this.speakerModel = speakerModel;
    this.corpus.setOptions({ recogniser: this.recogniser, speakerModel });
  }

  /**
   * The entities the People and Organisations & Places views list, with their counts per article: the last
   * session's while the first scan reads an unchanged folder, else the corpus's own.
   */
  lists(): EntityLists {
    return this.lastSession?.lists() ?? this.view();
  }

  /**
   * Groups the corpus's events a slice at a time (src/vscode/resolveSlices.ts), for a view that shows them
   * once grouped; settles with them and the main thread's time it took (undefined if the corpus was replaced
   * meanwhile). Undefined when they are grouped already. The views are not told: the caller asked.
   */
  groupEventsInSlices(): Promise<{ events: readonly StoryEvent[]; ms: number } | undefined> | undefined {
    const corpus = this.corpus;
    const job = corpus.groupEventsInSteps();
    if (!job) return undefined;
    return inSlices(stop => job.run(stop), () => corpus !== this.corpus).then(done => done && { events: done.value, ms: done.ms });
  }

  /** The last session's events, while its lists hold and it kept them (the Events view shows them meanwhile). */
  keptEvents(): readonly StoryEvent[] | undefined {
    return this.lastSession?.events();
  }

  /** Which recogniser finds entities: "tagger:…" once the model is loaded, else "rules". */
  get recogniserId(): string {
    return this.recogniser.id;
  }

  /** Resolves once the initial scan (or the latest rescan) has finished. */
  ready(): Promise<void> {
    return this.scanning;
  }

  /**
   * The resolved corpus. While a scan reads the folder, what the last refresh resolved (every second or so,
   * at once for an open article): views asking after each refresh do not each resolve what arrived meanwhile.
   */
  view(): CorpusView {
    // during a scan, the last refresh's view: a resolve in slices leaves it as it was (src/core/corpus/index.ts)
    if (this.resolved && this.scans.current.running) return this.resolved;
    return this.resolveNow();
  }

  private resolved: CorpusView | undefined;

  private resolveNow(): CorpusView {
    const started = performance.now();
    const view = this.corpus.resolve();
    this.noteResolved(view, performance.now() - started);
    return view;
  }

  private noteResolved(view: CorpusView, ms: number): void {
    this.resolved = view;
    const changes = this.corpus.lastChanges();
    if (changes.articles.size) this.lastResolveMs = ms;
    this.lastSession?.resolved(changes.articles);
    this.unseen.add(changes);
  }

  /** The resolve in slices under way (a scan's refresh). */
  private slicing: Promise<void> | undefined;
  /** Articles read during it, brought into the corpus once it is over (at most about MAX_WAITING). */
  private waiting: Array<() => void> = [];

  /**
   * A scan's refresh: what arrived is resolved a slice at a time (src/vscode/resolveSlices.ts), the extension
   * host answering between slices, then the views are told. Settles once they have been; `all`: once the
   * articles read meanwhile are resolved and shown too (the end of a scan).
   */
  private async refresh(all = false): Promise<void> {
    for (;;) {
      // in slices until nothing is left to resolve (another refresh may have brought articles in meanwhile)
      while (this.slicing || this.corpus.unresolved) {
        const corpus = this.corpus;
        this.slicing ??= resolveInSlices(corpus, () => corpus !== this.corpus).then(done => {
          if (done && corpus === this.corpus) this.noteResolved(done.view, done.ms);
        }).finally(() => { this.slicing = undefined; });
        await this.slicing;
      }
      // told at once, before the articles read meanwhile come in (telling resolves what came in, in one
      // block): the next refresh resolves them, in slices
      const told = this.changes.notify(true);
      const waited = this.waiting.splice(0);
      for (const bring of waited) bring();
      if (!all || !waited.length) return told;
    }
  }

  /** How long the last resolve that changed something took: a scan refreshes the views less often when it is long. */
  private lastResolveMs = 0;

  private readonly utteranceIndex = new UtteranceIndex();
  private grouped: { view: CorpusView; utterances: Utterance[] } | undefined;

  /**
   * The corpus's speech quotes grouped by utterance across articles, brought up to date only when the view
   * changes, and then only for the articles whose view is new.
   */
  utterances(): Utterance[] {
    const view = this.view();
    if (this.grouped?.view !== view) this.grouped = { view, utterances: this.utteranceIndex.update(view) };
    return this.grouped.utterances;
  }

  /** An article's current text: the editor's when it is open (it may be ahead of the disk), else the corpus's, else the disk's. */
  currentText(uri: vscode.Uri): Promise<string> {
    return this.sync.currentText(uri, this.corpus.textOf(uri.toString()));
  }

  /** The preview of a long article's shown part, for this version of its document, while the whole is analysed. */
  preview(doc: vscode.TextDocument): Preview | undefined {
    return this.previews.get(doc);
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
    this.resolved = undefined;
    this.unseen.everything();
    await this.rescan();
  }

  rescan(): Promise<void> {
    const first = this.scans.current.scan === 0;
    const scan = this.scans.start(); // starting a scan cancels one still running
    let listing: readonly string[] | undefined;
    this.scanning = scanArticles(scan, {
      modelLoaded: this.modelLoaded,
      settings: () => this.settings,
      sync: this.sync,
      arrive: (uri, got, notify, stillThere) => this.arrive(uri, got, notify, stillThere),
      removed: uri => this.removed(uri),
      notify: all => this.refresh(all),
      lastResolveMs: () => this.lastResolveMs,
      prune: () => this.analyses.prune(),
      listSidecars: () => this.store.listSidecars(),
      listed: uris => {
        listing = uris.map(uri => uri.toString());
        if (first) this.lastSession?.listedFolder(listing);
      },
    }).finally(() => this.lastSession?.drop()).then(() => {
      // the corpus itself from now on; a whole scan's lists are kept for the next session
      if (scan.token.isCancellationRequested) return;
      this.listing = listing;
      this.lastSession?.keep(); // after the views have shown the corpus (and once more if the window closes first)
    });
    return this.scanning;
  }

  /** Counts the changes announced by `onDidChange`. */
  get generation(): number {
    return this.changes.generation;
  }

  /** Hands the corpus a text's analysis made off the main thread (from the index or the worker), unless it has one. */
  private async analyseOffThread(text: string, key: string, keep = false): Promise<void> {
    await this.modelLoaded;
    const corpus = this.corpus;
    if (corpus.isAnalysed(text, key)) return;
    const analysis = await this.analyses.find(text, this.settings.maxArticleSizeKB * 1024, analyserId({ recogniser: this.recogniser, speakerModel: this.speakerModel }), keep, corpus.publishedHints(key));
    if (analysis && corpus === this.corpus) corpus.primeAnalysis(analysis); // not after a settings change: made under the old ones
  }

  /**
   * Brings an article's current text into the corpus with its sidecar's annotations, analysed first (from the
   * index, else by the worker; kept in the index when it is what the disk holds).
   */
  private async arrive(uri: vscode.Uri, { text, onDisk, modified }: ArticleText, notify = true, stillThere = this.sync.readGuard(uri)): Promise<void> {
    // the scan reads on during a resolve in slices, but only so far ahead: an article read holds its analysis
    // (handed to the corpus, which keeps a bounded number of them) until it comes in
    while (this.slicing && this.waiting.length >= MAX_WAITING) await this.slicing.catch(() => undefined);
    const corpus = this.corpus;
    try {
      const doc = this.sync.editorDocument(uri.toString());
      if (doc) this.previews.request(doc);
      const key = uri.toString();
      if (onDisk) await this.dates.fromFile(uri, text, modified);
      // the date the user set is known before the analysis, which values the article's dates against it
      this.dates.setUser(uri, (await this.store.read(uri)).sidecar?.published);
      await this.analyseOffThread(text, key, onDisk);
      const before = this.annotations.generation(key);
      const state = await this.store.read(uri); // read again: the annotations as they are now
      if (!(await stillThere())) return; // deleted while it was being read: it stays out
      if (corpus !== this.corpus) return; // the settings changed meanwhile: the scan they started reads it under them
      this.dates.setUser(uri, state.sidecar?.published);
      const bring = () => {
        if (corpus !== this.corpus) return;
        // annotations saved (or reloaded) while the sidecar was being read are newer than what was read
        this.annotations.put(key, text, this.annotations.generation(key) === before ? state.sidecar?.annotations ?? [] : this.corpus.annotationsOf(key));
        if (notify) void this.changes.notify();
      };
      // during a resolve in slices the text waits for it to end (it would finish it at once, in one block);
      // the scan reads on meanwhile
      if (this.slicing) this.waiting.push(bring);
      else bring();
    } catch {
      return; // unreadable or gone: nothing to show
    }
  }

  /** The live annotations of an open article, and the annotations it was given as stored (for saving moved anchors). */
  liveAnnotations(uri: vscode.Uri): { tracker: LiveAnchors; stored: Annotation[] } | undefined {
    return this.annotations.liveAnnotations(uri);
  }

  /**
   * Brings every edited article's text into the corpus now (analysing in the main thread if need be):
   * commands that compute positions call this first, so that they never work on a text the user has
   * already changed.
   */
  flushPending(): void {
    this.sync.flushPending();
  }

  /** Typed text, settled: analysed off the main thread, then brought in unless the user typed on meanwhile. */
  private async typed(key: string, text: string, current: () => boolean): Promise<void> {
    const doc = this.sync.editorDocument(key);
    if (doc) this.previews.request(doc); // a long article: the part shown is highlighted again first
    await this.analyseOffThread(text, key);
    if (!current()) return;
    this.annotations.putText(key, text);
    void this.changes.notify();
  }

  /** Re-reads the annotations of one article after we or someone else changed its sidecar. */
  async reloadAnnotations(article: vscode.Uri): Promise<void> {
    if (!this.corpus.has(article.toString())) return;
    const state = await this.store.read(article);
    this.setUserPublished(article, state.sidecar?.published);
    this.annotations.replace(article.toString(), state.sidecar?.annotations ?? []);
    this.changes.notify();
  }

  /** The publication date the user set in the article's sidecar (undefined: none): it wins over the text's. */
  setUserPublished(article: vscode.Uri, value: string | undefined): void {
    this.dates.setUser(article, value);
  }

  setAnnotations(article: vscode.Uri, annotations: Annotation[]): void {
    this.annotations.replace(article.toString(), annotations);
    this.changes.notify(true);
  }

  /** A file or folder was deleted (or an article is no longer read): its articles leave the corpus. */
  private removed(uri: vscode.Uri): void {
    const prefix = uri.toString();
    let removed = false;
    for (const path of this.corpus.paths()) {
      if (path === prefix || path.startsWith(prefix + '/')) { this.corpus.removeArticle(path); removed = true; }
    }
    if (removed) void this.changes.notify();
  }

  dispose(): void {
    this.lastSession?.flush();
    for (const d of this.disposables) d.dispose();
  }
}
