import type { AnalysisOptions } from '../analysis';
import type { PublishedHints } from '../dates/published';
import type { Anchoring } from '../annotations/anchor';
import type { Annotation } from '../annotations/model';
import type { ArticleAnalysis } from '../model';
import { sameText, textOf } from '../text/heldText';
import { annotationsHash, held, samePlaces, type ArticleState } from './articleState';
import { AnalysisSupply } from './analysisSupply';
import { CorpusPasses } from './passes';
import type { EventsJob } from './timeline';
import type { ArticleView, CorpusView } from './types';
import type { StoryEvent } from '../events';

export type { ArticleInput, ArticleView, CorpusView, PlacedAnnotation, ResolvedQuote, ResolvedSpeaker } from './types';
export type { CorpusChanges, ResolveJob } from './changes';
export type { EventsJob } from './timeline';
export { PRIMED_KEPT } from './analysisSupply';
import { NO_CHANGES, withCarried, type CorpusChanges, type ResolveJob } from './changes';

/**
 * The articles of a workspace and their annotations, resolved across the corpus and kept up to date
 * incrementally: an article that changes takes back what it brought to each corpus-wide pass (family names,
 * the user's decisions, entities, speakers, events) and brings anew, and only the articles that depend on
 * what actually changed are resolved again. Per-article analysis is kept with the article (by content hash).
 */
export class Corpus {
  private readonly states = new Map<string, ArticleState>();
  /** Articles removed since the last resolve, with what they had brought. */
  private readonly removed = new Map<string, ArticleState>();
  private dirty = new Set<string>();
  /** Where each article's analysis comes from: handed over (a worker, the index), else made in the main thread. */
  private readonly analyses: AnalysisSupply;
  /** The corpus-wide passes (family names, decisions, entities, speakers, events), kept up to date. */
  private readonly passes = new CorpusPasses();
  private articles = new Map<string, ArticleView>();
  private view: CorpusView | undefined;
  private changes: CorpusChanges = NO_CHANGES;
  /** A resolve in steps under way (resolveInSteps). */
  private job: Generator<void, CorpusView> | undefined;
  /** What a resolve in steps finished by a change or a reader changed, until a resolve reports it. */
  private carried: CorpusChanges | undefined;

  constructor(options: AnalysisOptions = {}) {
    this.analyses = new AnalysisSupply(options);
  }

  /** Changes how articles are analysed (the entity model arrived, a setting changed); results are recomputed. */
  setOptions(options: AnalysisOptions): void {
    this.finish();
    this.analyses.setOptions(options);
    for (const path of this.states.keys()) this.dirty.add(path);
  }

  /**
   * An article's text and annotations; `placements` (for this very text) say where the annotations are, for
   * an article whose editor moves them with each edit; without them they are found in the text.
   */
  setArticle(path: string, text: string, annotations: Annotation[] = this.states.get(path)?.input.annotations ?? this.removed.get(path)?.input.annotations ?? [], placements?: Map<string, Anchoring>): void {
    this.finish();
    let state = this.states.get(path);
    if (!state) {
      state = this.removed.get(path) ?? { id: this.passes.numbers.number(path) } as ArticleState;
      this.removed.delete(path);
      this.states.set(path, state);
    } else if (state.view && !this.dirty.has(path) && state.input.annotations === annotations && samePlaces(state.view.annotations, state.input.placements, placements) && sameText(state.input.text, text)) {
      state.input = { text: held(text, placements), annotations, placements }; // an editor opened on it, finding everything where it was: nothing to resolve
      this.analyses.drop(text, path); // an analysis handed over for it again is not needed
      return;
    }
    state.input = { text: held(text, placements), annotations, placements };
    this.dirty.add(path);
  }

  /**
   * Hands over an analysis made elsewhere (a worker, the index), so that resolving its text does not redo it;
   * kept until the next resolve takes it. Found by the content hash the analysis carries (that of its text).
   */
  primeAnalysis(analysis: ArticleAnalysis): void {
    this.analyses.prime(analysis);
  }

  /** Whether this text of the article at `path` (with its publication date hints) is analysed already (`hash`: the text's content hash, when the caller has it). */
  isAnalysed(text: string, path?: string, hash?: string): boolean {
    return this.analyses.has(text, path, hash);
  }

  /** What besides the text gives an article's publication date (the sidecar's, the command line's, the file's). */
  setPublished(path: string, hints: PublishedHints): void {
    if (this.analyses.setHints(path, hints) && this.states.has(path)) this.dirty.add(path);
  }

  publishedHints(path: string): PublishedHints {
    return this.analyses.hintsOf(path);
  }

  setAnnotations(path: string, annotations: Annotation[]): void {
    this.finish();
    const state = this.states.get(path);
    if (!state) return;
    state.input = { text: state.input.text, annotations };
    this.dirty.add(path);
  }

  /** The text an article was given. */
  textOf(path: string): string | undefined {
    const state = this.states.get(path);
    return state && textOf(state.input.text);
  }

  /** The annotations an article was given (as stored, before placing). */
  annotationsOf(path: string): Annotation[] {
    return this.states.get(path)?.input.annotations ?? [];
  }

  removeArticle(path: string): void {
    this.finish();
    const state = this.states.get(path);
    if (!state) return;
    this.states.delete(path);
    this.dirty.delete(path);
    this.analyses.forget(path);
    if (state.view || state.base) this.removed.set(path, state);
  }

  /** Removes the article at `path` and every article in the folder at `path`; whether there was any. */
  removeUnder(path: string): boolean {
    let removed = false;
    for (const key of [...this.states.keys()]) {
      if (key === path || key.startsWith(path + '/')) { this.removeArticle(key); removed = true; }
    }
    return removed;
  }

  has(path: string): boolean {
    return this.states.has(path);
  }

  paths(): string[] {
    return [...this.states.keys()].sort();
  }

  /**
   * What an article's resolution rests on, besides the rest of the corpus: its analysis's key (the text's
   * hash, the settings, the model, the publication date) and its annotations. Undefined while it waits to be
   * resolved. Two sessions that give every article the same fingerprint resolve the same corpus.
   */
  fingerprint(path: string): string | undefined {
    this.finish();
    const state = this.states.get(path);
    if (!state?.view || !state.analysisKey || this.dirty.has(path)) return undefined;
    return `${state.analysisKey}|${annotationsHash(state.input.annotations)}`;
  }

  /**
   * The events as the timeline last grouped them, when no article changed them since (after a resolve);
   * undefined while some wait to be grouped again (grouping 10,000 articles' events takes a second or more).
   */
  groupedEvents(): readonly StoryEvent[] | undefined {
    this.finish();
    return this.dirty.size || this.removed.size ? undefined : this.passes.timeline.grouped();
  }

  /**
   * Groups the events of the resolved corpus a step at a time, so that the caller may pause between steps
   * (the Events view of 10,000 articles); undefined when no kind of event waits to be grouped. Reading the
   * view's events meanwhile finishes the grouping first.
   */
  groupEventsInSteps(): EventsJob | undefined {
    return this.passes.timeline.groupInSteps();
  }

  /** What the last resolve changed. */
  lastChanges(): CorpusChanges {
    this.finish();
    return this.changes;
  }

  /** The resolved corpus; brought up to date with only the work the changes since the last call need. */
  resolve(): CorpusView {
    this.finish();
    const steps = this.steps();
    let step = steps.next();
    while (!step.done) step = steps.next();
    return step.value;
  }

  /**
   * The same resolve, done a step at a time (one article's part of a pass, or one corpus-wide settling): the
   * caller may pause between steps (src/vscode/corpusService.ts lets the extension host answer meanwhile).
   * While it is under way, whatever changes the corpus or asks for what it resolved finishes it first, so
   * that no one sees a corpus resolved in part; but an analysis handed over or a publication date set
   * meanwhile waits for the next resolve (a scan brings those in while it reads the next articles).
   */
  resolveInSteps(): ResolveJob {
    this.finish();
    const steps = this.steps(true);
    this.job = steps;
    let view: CorpusView | undefined;
    return {
      run: stop => {
        if (view) return view;
        if (this.job !== steps) return (view = this.view); // finished meanwhile, by a change or a reader
        for (;;) {
          const step = steps.next();
          if (step.done) { this.job = undefined; return (view = step.value); }
          if (stop()) return undefined;
        }
      },
    };
  }

  /** Whether articles changed since the last resolve (or one is under way): a resolve has work to do. */
  get unresolved(): boolean {
    return this.resolving || this.dirty.size > 0 || this.removed.size > 0;
  }

  /** Whether a resolve in steps is under way. */
  get resolving(): boolean {
    return this.job !== undefined;
  }

  /**
   * Finishes the resolve in steps under way, if any. What it changed is carried into what the next resolve
   * reports (`lastChanges`), so that it reaches the views whoever finished it.
   */
  private finish(): void {
    const job = this.job;
    if (!job) return;
    this.job = undefined;
    for (let step = job.next(); !step.done; step = job.next());
    this.carried = this.changes;
  }

  /**
   * The resolve's steps. `stepped`: done a step at a time, while the last view is read (src/vscode/corpusService.ts
   * shows it during a scan): its article map and its entities are left as they are, the new ones made beside
   * them (the articles' views and the entities themselves are never changed, only replaced).
   */
  private *steps(stepped = false): Generator<void, CorpusView> {
    if (this.view && !this.dirty.size && !this.removed.size) {
      this.changes = this.carried ?? NO_CHANGES;
      this.carried = undefined;
      return this.view;
    }
    // the articles to resolve are those that changed before it started: a publication date or an analysis
    // handed over while a resolve in steps is under way waits for the next (src/vscode/corpusService.ts)
    const batch = this.dirty;
    this.dirty = new Set();
    if (stepped) this.articles = new Map(this.articles);
    const timeline = this.passes.timeline;
    const eventsVersion = timeline.version;
    const done = yield* this.passes.run({ states: this.states, removed: this.removed, batch, analyses: this.analyses, articles: this.articles }, stepped);
    this.removed.clear();
    if (done.reorder) this.articles = new Map(this.paths().map(path => [path, this.states.get(path)!.view!]));
    // the events are grouped when first asked for (the Events view, the timeline, an export), not at every resolve
    const events = timeline.version !== eventsVersion;
    const table = this.passes.table;
    this.view = { articles: this.articles, entities: table.entities, get events() { return timeline.events().events; }, mentionCounts: table.mentionCounts };
    this.changes = withCarried({ articles: done.articles, entities: done.entities, touched: done.touched, events }, this.carried);
    this.carried = undefined;
    return this.view;
  }
}
