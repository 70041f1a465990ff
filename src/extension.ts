import * as vscode from 'vscode';
import type { Annotation, AnnotationKind } from './core/annotations/model';
import type { CorpusView, PlacedAnnotation } from './core/corpus';
import type { QuoteComparison } from './core/quotes/compare';
import { AnnotationCommands } from './vscode/commands/annotate';
import type { EventCalendar } from './core/timeline/calendar';
import type { Lanes, TimelinePicture } from './core/timeline/picture';
import { EventsFilterCommands } from './vscode/commands/eventsFilter';
import { EventCommands, type StoryEventArg } from './vscode/commands/events';
import type { EventMention } from './core/events';
import { exportAnnotations } from './vscode/commands/export';
import { ImportCommand, type ImportFormat, type ImportSummary } from './vscode/commands/import';
import type { ExportFormat } from './core/export/formats';
import { QuoteCorrections, type QuoteRefArg } from './vscode/commands/quotes';
import { AnchorReview } from './vscode/commands/review';
import { PublicationDate } from './vscode/commands/publication';
import { openSampleCorpus } from './vscode/commands/sampleCorpus';
import { AnalysisStore } from './vscode/analysisStore';
import { SnapshotStore } from './vscode/snapshotStore';
import type { CorpusSnapshot } from './core/corpus/snapshot';
import { AnalysisWorker } from './vscode/analysisWorker';
import { AnchorSaver } from './vscode/anchorSaver';
import { AnnotationWriter } from './vscode/annotationWriter';
import { QuoteComparisonPanel } from './vscode/compare';
import { CorpusService } from './vscode/corpusService';
import type { CorpusChange } from './vscode/corpusChanges';
import { Decorations, type DecoratedRange } from './vscode/decorations';
import { HoverProvider } from './vscode/hover';
import { ArticleSymbols } from './vscode/symbols';
import { jumpToMention, MentionNavigation, revealMention } from './vscode/navigation';
import { ReadingProgress, type ReadingShown } from './vscode/readingProgress';
import { onSettingsChanged, readSettings } from './vscode/settings';
import { SidecarStore, type SidecarWriteHook } from './vscode/sidecarStore';
import { ArticleStatus, type StatusShown } from './vscode/status';
import { TimelinePanel } from './vscode/timelinePanel';
import { ArticleWordWrap } from './vscode/wordWrap';
import { AnnotationsTree } from './vscode/trees/annotations';
import { EventsTree } from './vscode/trees/events';
import { EntityTree, LISTED_TYPES } from './vscode/trees/entities';
import { LegendTree } from './vscode/trees/legend';
import { EntitySearch } from './vscode/commands/entitySearch';
import { shownRows, type ShownRow } from './vscode/trees/shown';

/** What activate() hands to integration tests (and other extensions): state, not pixels. */
export interface SourceAnnotatorApi {
  ready(): Promise<void>;
  /** "tagger:…" when the trained entity model is in use, "rules" otherwise. */
  recogniser(): string;
  /** How many article analyses ran in the worker thread. */
  workerAnalyses(): number;
  /** How many analyses were found in the persistent index (not made again) this session. */
  indexHits(): number;
  /** How long activate() took, in milliseconds (the work after it — reading the folder — runs in the background). */
  activationMs(): number;
  view(): CorpusView;
  /** Fires once per settled change of the corpus, with the articles, entities and events it concerns. */
  onDidChange: vscode.Event<CorpusChange>;
  decorationRanges(uri: vscode.Uri): DecoratedRange[];
  annotateSelection(options: { kind: AnnotationKind; note?: string; label?: string; link?: string; date?: string; rating?: string; claimant?: string }): Promise<Annotation | undefined>;
  /** Exports into `folder` in the formats given (the four reports: JSON, CSV, Markdown, TimelineJS, when none are). */
  exportTo(folder: vscode.Uri, formats?: ExportFormat[]): Promise<vscode.Uri[] | undefined>;
  /** Runs Import Annotations… on a W3C Web Annotation or brat file or folder; what it did. */
  importFrom(format: ImportFormat, source: vscode.Uri): Promise<ImportSummary | undefined>;
  markAllOccurrences(options: { kind: AnnotationKind; link?: string; accept: 'all' }): Promise<Annotation[]>;
  sidecarUri(article: vscode.Uri): vscode.Uri;
  /** Sets who said the quote at `start` (an entity id, a name, or '' for unknown), as "Change Speaker…" does. */
  setSpeaker(quote: QuoteRefArg, speaker: string): Promise<Annotation | undefined>;
  markNotAQuote(quote: QuoteRefArg): Promise<Annotation | undefined>;
  /** Runs Compare Quote Across Sources ({article, start}, [path, start], or the cursor); the comparison shown, if any. */
  compareQuote(arg?: { article: string; start: number } | [path: string, start: number]): Promise<QuoteComparison | undefined>;
  /** For tests: runs `hook` inside every sidecar save, after the temporary file is written and before the sidecar is checked and replaced. */
  setSidecarWriteHook(hook: SidecarWriteHook | undefined): void;
  /** Accepts the place found for an annotation that needs review. */
  acceptAnchor(ref: { article: string; id: string }): Promise<PlacedAnnotation | undefined>;
  /** Re-attaches an annotation to the selection of the active editor (its article). */
  reattachAnnotation(ref: { article: string; id: string }): Promise<PlacedAnnotation | undefined>;
  /** The status bar item for the active editor: its text and tooltip (and the one-time message of an article not analysed), or undefined when hidden. */
  status(): StatusShown | undefined;
  /** What the user is shown of the reading of the articles: the scanning context key, the People view's message, the limit warning. */
  reading(): ReadingShown;
  /** The lists kept in this workspace's storage for the next session (as it will read them), if any. */
  keptLists(): Promise<CorpusSnapshot | undefined>;
  /** Runs Show Timeline (optionally with the lanes to use); the picture drawn. */
  showTimeline(lanes?: Lanes): Promise<TimelinePicture>;
  /** Opens the mention of an item of the timeline, as a click on it does; false when no such item is shown. */
  openTimelineItem(itemId: string): Promise<boolean>;
  /** Narrows the Events view to the events an entity takes part in (undefined: clears the filter); the calendar shown. */
  filterEvents(entityId: string | undefined): Promise<EventCalendar>;
  /**
   * The rows of the People ('people'), Organisations and Places ('entities') or Annotations view as shown (with
   * the rows under each heading or article), after setting the search of an entity view when one is given ('' clears it).
   */
  viewRows(view: 'people' | 'entities' | 'annotations' | 'legend', search?: string): Promise<ShownRow[]>;
  /** Whether an article was wrapped at the window's edge by the extension (Toggle Word Wrap, in memory). */
  wordWrapped(article: vscode.Uri): boolean;
  /** Sets an article's publication date as "Set Publication Date…" does ('' clears it); the date set. */
  setPublicationDate(article: vscode.Uri, value: string): Promise<string | undefined>;
}

export function activate(context: vscode.ExtensionContext): SourceAnnotatorApi {
  const activationStarted = performance.now();
  const own = <T extends vscode.Disposable>(d: T): T => { context.subscriptions.push(d); return d; };
  const settings = readSettings();
  const diagnostics = own(vscode.languages.createDiagnosticCollection('sourceAnnotator'));
  const store = own(new SidecarStore(diagnostics, () => readSettings().maxSidecarSizeKB * 1024));
  const models = { entities: vscode.Uri.joinPath(context.extensionUri, 'media', 'ner-model.bin'), speakers: vscode.Uri.joinPath(context.extensionUri, 'media', 'speaker-model.json') };
  const worker = own(new AnalysisWorker(vscode.Uri.joinPath(context.extensionUri, 'dist', 'worker.js'), models.entities.fsPath, models.speakers.fsPath));
  // the persistent index: analyses kept between sessions, in this workspace's storage (none without a workspace)
  const index = own(new AnalysisStore(context.storageUri && vscode.Uri.joinPath(context.storageUri, 'index'), vscode.Uri.joinPath(context.extensionUri, 'dist', 'worker.js')));
  // the lists of the entity views as the last session left them, shown while the folder is read again
  const snapshots = new SnapshotStore(context.storageUri && vscode.Uri.joinPath(context.storageUri, 'index'), vscode.Uri.joinPath(context.extensionUri, 'dist', 'extension.js'));
  const corpus = own(new CorpusService(store, models, worker, index, { store: snapshots, types: LISTED_TYPES }));
  const decorations = own(new Decorations(corpus, settings));
  const status = own(new ArticleStatus(corpus));
  const wordWrap = own(new ArticleWordWrap(uri => corpus.isArticle(uri)));
  const writer = new AnnotationWriter(corpus, store);
  own(new AnchorSaver(corpus, writer));
  const annotations = new AnnotationCommands(corpus, writer);
  const events = new EventCommands(corpus, writer, annotations);
  const quotes = new QuoteCorrections(corpus, writer);
  const review = new AnchorReview(corpus, writer);
  const publication = new PublicationDate(corpus, writer);
  const importer = new ImportCommand(corpus, writer);
  const comparison = own(new QuoteComparisonPanel(corpus));

  const selector: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'vscode-remote' }, { scheme: 'untitled' }];
  const navigation = new MentionNavigation(corpus);
  own(vscode.languages.registerHoverProvider(selector, new HoverProvider(corpus)));
  own(vscode.languages.registerReferenceProvider(selector, navigation));
  own(vscode.languages.registerDocumentHighlightProvider(selector, navigation));
  const symbols = new ArticleSymbols(corpus);
  own(vscode.languages.registerDocumentSymbolProvider(selector, symbols, { label: 'Source Annotator' }));
  own(vscode.languages.registerWorkspaceSymbolProvider(symbols));

  const peopleTree = own(new EntityTree(corpus, ['PERSON']));
  const peopleView = own(vscode.window.createTreeView('sourceAnnotator.people', { treeDataProvider: peopleTree, showCollapseAll: true }));
  const entitiesTree = own(new EntityTree(corpus, ['ORG', 'PLACE']));
  const entitiesView = own(vscode.window.createTreeView('sourceAnnotator.entities', { treeDataProvider: entitiesTree, showCollapseAll: true }));
  const legendTree = new LegendTree();
  own(vscode.window.createTreeView('sourceAnnotator.legend', { treeDataProvider: legendTree }));
  const searches = {
    people: { tree: peopleTree, search: own(new EntitySearch(peopleTree, peopleView, 'sourceAnnotator.people', 'People')) },
    entities: { tree: entitiesTree, search: own(new EntitySearch(entitiesTree, entitiesView, 'sourceAnnotator.entities', 'Organisations and Places')) },
  };
  const reading = own(new ReadingProgress(corpus.scan, peopleView, 'sourceAnnotator.people'));
  const eventsTree = own(new EventsTree(corpus));
  const eventsView = own(vscode.window.createTreeView('sourceAnnotator.events', { treeDataProvider: eventsTree, showCollapseAll: true }));
  const eventsFilter = own(new EventsFilterCommands(corpus, eventsTree, eventsView));
  const timeline = own(new TimelinePanel(corpus, context.extensionUri));
  const annotationsTree = own(new AnnotationsTree(corpus));
  const annotationsView = own(vscode.window.createTreeView('sourceAnnotator.annotations', { treeDataProvider: annotationsTree }));
  // the view's badge counts the annotations that wait for the user (needs review, orphaned)
  own(annotationsTree.onDidChangeTreeData(() => {
    const n = annotationsTree.waiting();
    annotationsView.badge = n ? { value: n, tooltip: `${n} annotation${n === 1 ? '' : 's'} to review or re-attach` } : undefined;
  }));

  const commands: Record<string, (...args: any[]) => unknown> = {
    'sourceAnnotator.annotateSelection': () => annotations.annotateSelection(),
    'sourceAnnotator.editAnnotation': (arg?: unknown) => annotations.edit(arg),
    'sourceAnnotator.markAllOccurrences': () => annotations.markAllOccurrences(),
    'sourceAnnotator.rejectMention': (arg?: { article: string; start: number; end: number }) => annotations.rejectMention(arg),
    'sourceAnnotator.deleteAnnotation': (arg?: unknown) => annotations.delete(arg),
    'sourceAnnotator.acceptAnchor': (arg?: unknown) => review.accept(arg),
    'sourceAnnotator.reattachAnnotation': (arg?: unknown) => review.reattach(arg),
    'sourceAnnotator.changeSpeaker': (arg?: QuoteRefArg) => quotes.setSpeaker(arg),
    'sourceAnnotator.notAQuote': (arg?: QuoteRefArg) => quotes.markNotAQuote(arg),
    'sourceAnnotator.openSidecar': (arg?: unknown) => annotations.openSidecar(arg),
    'sourceAnnotator.nextMention': () => jumpToMention(corpus, 1),
    'sourceAnnotator.previousMention': () => jumpToMention(corpus, -1),
    'sourceAnnotator.revealMention': (path: string, start: number, end: number, column?: vscode.ViewColumn) => revealMention(path, start, end, column),
    'sourceAnnotator.compareQuote': (...args: unknown[]) => comparison.show(...args),
    'sourceAnnotator.exportAnnotations': (target?: vscode.Uri) => exportAnnotations(corpus, target instanceof vscode.Uri ? target : undefined),
    'sourceAnnotator.importAnnotations': (format?: ImportFormat, source?: vscode.Uri) => importer.run(format, source instanceof vscode.Uri ? source : undefined),
    'sourceAnnotator.refresh': () => corpus.rescan(),
    'sourceAnnotator.showTimeline': () => timeline.show(),
    'sourceAnnotator.filterEvents': () => eventsFilter.pick(),
    'sourceAnnotator.clearEventsFilter': () => eventsFilter.clear(),
    'sourceAnnotator.openSampleCorpus': (parent?: vscode.Uri, open?: boolean) => openSampleCorpus(context.extensionUri, parent instanceof vscode.Uri ? parent : undefined, open !== false),
    'sourceAnnotator.showLegend': () => vscode.commands.executeCommand('sourceAnnotator.legend.focus'),
    'sourceAnnotator.searchPeople': () => searches.people.search.search(),
    'sourceAnnotator.clearPeopleSearch': () => searches.people.search.clear(),
    'sourceAnnotator.searchEntities': () => searches.entities.search.search(),
    'sourceAnnotator.clearEntitiesSearch': () => searches.entities.search.clear(),
    'sourceAnnotator.setPublicationDate': (arg?: unknown) => publication.set(arg),
    'sourceAnnotator.markEvent': (options?: { eventId?: string; label?: string; date?: string }) => events.markEvent(options),
    'sourceAnnotator.renameEvent': (arg?: StoryEventArg, label?: string) => events.rename(arg, label),
    'sourceAnnotator.redateEvent': (arg?: StoryEventArg, date?: string) => events.redate(arg, date),
    'sourceAnnotator.mergeEvents': (arg?: StoryEventArg, into?: string) => events.merge(arg, into),
    'sourceAnnotator.splitEvent': (arg?: StoryEventArg, taken?: EventMention[], label?: string) => events.split(arg, taken, label),
  };
  for (const [id, run] of Object.entries(commands)) own(vscode.commands.registerCommand(id, run));

  own(onSettingsChanged(next => {
    decorations.setSettings(next);
    void corpus.updateSettings(next);
  }));

  const activationMs = performance.now() - activationStarted;
  return {
    activationMs: () => activationMs,
    ready: () => corpus.ready(),
    recogniser: () => corpus.recogniserId,
    workerAnalyses: () => corpus.workerAnalyses,
    indexHits: () => index.hits,
    view: () => corpus.view(),
    onDidChange: corpus.onDidChange,
    decorationRanges: uri => decorations.rangesFor(uri),
    annotateSelection: options => annotations.annotateSelection(options),
    exportTo: (folder, formats) => exportAnnotations(corpus, folder, formats),
    importFrom: (format, source) => importer.run(format, source),
    markAllOccurrences: options => annotations.markAllOccurrences(options),
    sidecarUri: article => store.sidecarUri(article),
    setSpeaker: (quote, speaker) => quotes.setSpeaker(quote, speaker),
    markNotAQuote: quote => quotes.markNotAQuote(quote),
    compareQuote: arg => (arg === undefined ? comparison.show() : comparison.show(arg)),
    setSidecarWriteHook: hook => store.setWriteHook(hook),
    acceptAnchor: ref => review.accept(ref),
    reattachAnnotation: ref => review.reattach(ref),
    status: () => status.shown(),
    reading: () => reading.shown(),
    keptLists: () => snapshots.read(),
    showTimeline: lanes => timeline.show(lanes),
    openTimelineItem: id => timeline.open(id),
    filterEvents: async id => {
      if (id === undefined) await eventsFilter.clear();
      else await eventsFilter.pick(id);
      return eventsTree.calendar();
    },
    setPublicationDate: (article, value) => publication.set(article, value),
    wordWrapped: article => wordWrap.isWrapped(article),
    viewRows: async (which, search) => {
      if (which === 'legend') return shownRows(legendTree, 0);
      await corpus.ready();
      if (which === 'annotations') return shownRows(annotationsTree, 1);
      if (search !== undefined) await searches[which].search.search(search);
      return shownRows(searches[which].tree, which === 'entities' ? 1 : 0);
    },
  };
}

export function deactivate(): void {
  // everything is disposed through context.subscriptions
}
