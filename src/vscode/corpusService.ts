import * as vscode from 'vscode';
import { ArticleSync } from './articleSync';
import { isArticlePath, isOwnFile } from '../core/articlePolicy';
import type { Annotation } from '../core/annotations/model';
import { Corpus, type ArticleView, type CorpusView } from '../core/corpus';
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
import { inSlices } from './resolveSlices';
import { CorpusResolves } from './corpusResolves';
import { ArticleArrivals } from './articleArrivals';
import { ArticleAnnotations } from './articleAnnotations';
import { PublicationDates } from './publicationDates';
import { LastSessionLists } from './lastSession';
import type { SnapshotStore } from './snapshotStore';
import type { EntityLists } from '../core/corpus/snapshot';
import type { EntityType } from '../core/model';
import type { StoryEvent } from '../core/events';

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
  private readonly changes = new CorpusChanges(() => { this.resolves.now(); return this.unseen.take(); });
  /** Fires once per settled change, with the articles, entities and events it concerns. */
  readonly onDidChange = this.changes.event;
  private scanning: Promise<void> = Promise.resolve();
  /** When the corpus is resolved: at once when asked, in slices during a scan (src/vscode/corpusResolves.ts). */
  private readonly resolves: CorpusResolves = new CorpusResolves({
    corpus: () => this.corpus,
    scanning: () => this.scans.current.running,
    resolved: changes => { this.lastSession?.resolved(changes.articles); this.unseen.add(changes); },
    notify: () => this.changes.notify(true),
  });
  private readonly scans = new ScanTracker();
  /** The reading of the workspace's articles: where it stands, and a way to stop it. */
  readonly scan: ScanStatus = this.scans;
  /** First highlights of long articles, from the part shown, while the whole is analysed. */
  private readonly previews: Previews;
  /** Fires with an article's key when the preview of its shown part can be drawn. */
  readonly onDidPreview: vscode.Event<string>;
  private readonly analyses: AnalysisSource;
  /** How an article's text comes into the corpus (read, changed on disk, typed), analysed off the main thread. */
  private readonly arrivals: ArticleArrivals;
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
    this.previews = new Previews(worker, (doc, text) => this.isArticle(doc.uri) && this.corpus.textOf(doc.uri.toString()) !== text && !this.corpus.isAnalysed(text, doc.uri.toString()), () => this.maxLength());
    this.onDidPreview = this.previews.onDidPreview;
    this.arrivals = new ArticleArrivals({
      corpus: () => this.corpus,
      maxLength: () => this.maxLength(),
      analyserId: () => analyserId({ recogniser: this.recogniser, speakerModel: this.speakerModel }),
      modelLoaded: this.modelLoaded,
      sync: () => this.sync,
      previews: this.previews,
      analyses: this.analyses,
      annotations: () => this.annotations,
      dates: this.dates,
      store,
      resolves: this.resolves,
      notify: () => void this.changes.notify(),
    });
    this.sync = new ArticleSync({
      has: key => this.corpus.has(key),
      isArticle: uri => this.isArticle(uri),
      admits: () => this.scans.current.limitedTo === undefined,
      arrived: (uri, got, stillThere) => this.arrivals.arrive(uri, got, true, stillThere ?? this.sync.readGuard(uri)),
      opened: (key, text) => { this.annotations.put(key, text, this.corpus.annotationsOf(key)); void this.changes.notify(); },
      typed: (key, text, current) => this.arrivals.typed(key, text, current),
      flushed: texts => { for (const [key, text] of texts) this.annotations.putText(key, text); void this.changes.notify(true); },
      edited: e => this.annotations.live.edit(e),
      closed: key => this.annotations.live.forget(key),
      gone: uri => this.removed(uri),
    }, () => this.settings.analysisDelayMs, () => this.maxLength());
    this.annotations = new ArticleAnnotations(() => this.corpus, this.sync, this.previews, () => this.maxLength());
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

  /** The longest article analysed, in UTF-16 code units. */
  private maxLength(): number {
    return this.settings.maxArticleSizeKB * 1024;
  }

  private newCorpus(): Corpus {
    return new Corpus({ maxLength: this.maxLength(), recogniser: this.recogniser, speakerModel: this.speakerModel });
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

  /** The resolved corpus (during a scan, what its last refresh resolved: src/vscode/corpusResolves.ts). */
  view(): CorpusView {
    return this.resolves.view();
  }

  private readonly utteranceIndex = new UtteranceIndex();

  /** The corpus's speech quotes grouped by utterance across articles (brought up to date only for what changed). */
  utterances(): Utterance[] {
    return this.utteranceIndex.update(this.view());
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
    this.resolves.reset();
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
      arrive: (uri, got, notify, stillThere) => this.arrivals.arrive(uri, got, notify, stillThere),
      removed: uri => this.removed(uri),
      notify: all => this.resolves.refresh(all),
      lastResolveMs: () => this.resolves.lastMs,
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
    if (this.corpus.removeUnder(uri.toString())) void this.changes.notify();
  }

  dispose(): void {
    this.lastSession?.flush();
    for (const d of this.disposables) d.dispose();
  }
}
