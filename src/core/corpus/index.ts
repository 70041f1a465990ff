import { AnalysisCache, analyserId, type AnalysisOptions } from '../analysis';
import { publishedKey, type PublishedHints } from '../dates/published';
import { PublishedHintsBook } from './publishedHints';
import type { Anchoring } from '../annotations/anchor';
import type { Annotation } from '../annotations/model';
import type { ArticleAnalysis } from '../model';
import { contentHash } from '../text/hash';
import { applyAnnotations, articleView, resolveSpeaker } from './articleView';
import { sameText, searchable, textOf } from '../text/heldText';
import { applyDecisions, DecisionBook } from './decisions';
import { EntityIndex } from './entityIndex';
import { EntityTable } from './entityTable';
import { ArticleNumbers } from './articleCounts';
import { FamilyNameIndex } from './familyIndex';
import { candidatesOf, familyWords, mayHoldName } from '../entities/familyWords';
import { forgetArticlePeople } from '../entities/withinArticle';
import { applyFamilyNames } from './familyNames';
import { annotationsHash, contributionOf, decisionsOf, eventsOf, familyOf, held, inputsOf, internNames, samePlaces, speakersOf, type ArticleState } from './articleState';
import { Timeline, type EventsJob } from './timeline';
import type { ArticleView, CorpusView } from './types';
import type { StoryEvent } from '../events';

export type { ArticleInput, ArticleView, CorpusView, PlacedAnnotation, ResolvedQuote, ResolvedSpeaker } from './types';
export type { CorpusChanges, ResolveJob } from './changes';
export type { EventsJob } from './timeline';
import { NO_CHANGES, withCarried, type CorpusChanges, type ResolveJob } from './changes';

/**
 * How many analyses handed over (`primeAnalysis`) are kept for texts not brought in yet: those of texts that
 * never came (an editor typed on) are let go, the oldest first, past this many. A caller that hands analyses
 * over well ahead of the texts keeps below it, or the texts are analysed again in the main thread.
 */
export const PRIMED_KEPT = 5000;

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
  /** Analyses made in the main thread when none was handed over (recently used, by content hash). */
  private readonly cache = new AnalysisCache();
  private readonly primed = new Map<string, ArticleAnalysis>();
  private readonly hints = new PublishedHintsBook();
  private readonly families = new FamilyNameIndex();
  private readonly decisions = new DecisionBook();
  private readonly entityIndex = new EntityIndex();
  /** A number for each article path, for the indexes that list articles (the family names', the mention counts'). */
  private readonly numbers = new ArticleNumbers();
  private readonly table = new EntityTable(this.numbers);
  private readonly quoting = new Map<string, Set<string>>();
  private readonly timeline = new Timeline();
  private articles = new Map<string, ArticleView>();
  private view: CorpusView | undefined;
  private changes: CorpusChanges = NO_CHANGES;
  /** A resolve in steps under way (resolveInSteps). */
  private job: Generator<void, CorpusView> | undefined;
  /** What a resolve in steps finished by a change or a reader changed, until a resolve reports it. */
  private carried: CorpusChanges | undefined;

  constructor(private options: AnalysisOptions = {}) {}

  /** Changes how articles are analysed (the entity model arrived, a setting changed); results are recomputed. */
  setOptions(options: AnalysisOptions): void {
    this.finish();
    this.options = { ...this.options, ...options };
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
      state = this.removed.get(path) ?? { id: this.numbers.number(path) } as ArticleState;
      this.removed.delete(path);
      this.states.set(path, state);
    } else if (state.view && !this.dirty.has(path) && state.input.annotations === annotations && samePlaces(state.view.annotations, state.input.placements, placements) && sameText(state.input.text, text)) {
      state.input = { text: held(text, placements), annotations, placements }; // an editor opened on it, finding everything where it was: nothing to resolve
      this.primed.delete(this.analysisKey(text, path)); // an analysis handed over for it again is not needed
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
    this.primed.set(this.keyOf(analysis.hash, analysis.published ? publishedKey(analysis.published) : ''), analysis); // used where the article's date resolves the same
  }

  /** Whether this text of the article at `path` (with its publication date hints) is analysed already. */
  isAnalysed(text: string, path?: string): boolean {
    return this.primed.has(this.analysisKey(text, path)) || this.cache.has(text, this.hints.options(this.options, path));
  }

  /** What besides the text gives an article's publication date (the sidecar's, the command line's, the file's). */
  setPublished(path: string, hints: PublishedHints): void {
    if (this.hints.set(path, hints) && this.states.has(path)) this.dirty.add(path);
  }

  publishedHints(path: string): PublishedHints {
    return this.hints.get(path);
  }

  /** The key of an analysis of this text: for the article at `path`, with the publication date that wins for it. */
  private analysisKey(text: string, path: string | undefined): string {
    const hash = contentHash(text);
    return this.keyOf(hash, this.hints.key(text, path, hash));
  }

  private keyOf(hash: string, published: string): string {
    return `${hash}:${this.options.maxLength ?? ''}:${analyserId(this.options)}:${published}`;
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
    this.hints.forget(path);
    if (state.view || state.base) this.removed.set(path, state);
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
    return this.dirty.size || this.removed.size ? undefined : this.timeline.grouped();
  }

  /**
   * Groups the events of the resolved corpus a step at a time, so that the caller may pause between steps
   * (the Events view of 10,000 articles); undefined when no kind of event waits to be grouped. Reading the
   * view's events meanwhile finishes the grouping first.
   */
  groupEventsInSteps(): EventsJob | undefined {
    return this.timeline.groupInSteps();
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
    const decisionTexts = new Set<string>();
    /** The analyses handed over that this resolve took (or did not need), by key: let go of at its end. */
    const consumed = new Map<string, ArticleAnalysis | undefined>();
    // the articles to resolve are those that changed before it started: a publication date or an analysis
    // handed over while a resolve in steps is under way waits for the next (src/vscode/corpusService.ts)
    const batch = this.dirty;
    this.dirty = new Set();
    if (stepped) this.articles = new Map(this.articles);
    /** The family words of the articles whose text changed (noted in the index, then used to find the family names). */
    const words = new Map<string, readonly string[]>();
    const changedArticles = new Set<string>();
    let reorder = false;
    const eventsVersion = this.timeline.version;

    // 1. what each changed article says by itself
    for (const [path, state] of this.removed) {
      this.families.count(familyOf(state), -1);
      this.decisions.set(path, decisionsOf(state), undefined, decisionTexts);
      this.entityIndex.update(path, inputsOf(state), undefined);
      this.table.update(path, contributionOf(state), undefined);
      this.setQuoting(path, speakersOf(state.view), undefined);
      this.timeline.update(path, eventsOf(state.view), undefined);
      this.articles.delete(path);
      changedArticles.add(path);
      yield;
    }
    this.removed.clear();
    for (const path of batch) {
      const state = this.states.get(path)!;
      const { annotations, placements } = state.input;
      const text = textOf(state.input.text);
      const hash = contentHash(text);
      const key = this.keyOf(hash, this.hints.key(text, path, hash));
      if (state.analysisKey !== key) state.analysis = internNames(this.primed.get(key) ?? this.cache.get(text, this.hints.options(this.options, path)));
      state.analysisKey = key;
      const found = state.analysis!.familyWords;
      if (found) { const { familyWords: _, ...kept } = state.analysis!; state.analysis = kept; } // noted below, not kept
      consumed.set(key, this.primed.get(key)); // taken, or not needed: the same text came again
      if (!state.view) reorder = true;
      if (state.indexed !== hash && !state.analysis!.skipped) {
        state.indexed = hash;
        const mine = found ?? familyWords(text);
        this.families.index(state.id, mine);
        words.set(path, mine);
      }
      const oldFamily = familyOf(state);
      const oldDecisions = decisionsOf(state);
      state.base = applyAnnotations(path, state.input.text, state.analysis!, annotations, placements, text);
      this.families.count(oldFamily, -1);
      this.families.count(familyOf(state), 1);
      this.decisions.set(path, oldDecisions, decisionsOf(state), decisionTexts);
      yield;
    }

    // 2. family names and the user's decisions, where they changed
    const refamily = new Set(batch);
    for (const name of this.families.flipped()) {
      // what no longer holds the name leaves the index
      this.families.holdersOf(name, id => {
        const path = this.numbers.pathOf(id);
        const state = path === undefined ? undefined : this.states.get(path);
        if (!state || state.id !== id) return false;
        if (refamily.has(path!)) return true; // indexed just now, from its current text
        if (!mayHoldName(searchable(state.input.text, name), name)) return false;
        if (!state.base!.analysis.skipped) refamily.add(path!);
        return true;
      });
    }
    const redecide = new Set(refamily);
    yield;
    const decided = this.decisions.settle(decisionTexts);
    if (decided.length) {
      const texts = new Set(decided);
      for (const [path, state] of this.states) {
        if (!redecide.has(path) && state.familied!.mentions.some(m => m.origin === 'model' && texts.has(m.text))) redecide.add(path);
        yield;
      }
    }
    for (const path of refamily) {
      const state = this.states.get(path)!;
      if (state.base!.analysis.skipped) { state.familied = state.base!; continue; }
      const mine = words.get(path);
      const text = textOf(state.input.text);
      const at = mine && candidatesOf(text, mine.filter(this.families.isFamilyName));
      state.familied = applyFamilyNames(text, state.base!, this.families.isFamilyName, at);
      yield;
    }
    for (const path of redecide) {
      const state = this.states.get(path)!;
      const old = inputsOf(state);
      state.decided = this.decisions.any ? applyDecisions(state.familied!, this.decisions.decide) : state.familied!;
      this.entityIndex.update(path, old, inputsOf(state));
      yield;
    }

    // 3. entity ids
    const reassign = new Set(redecide);
    for (const path of this.entityIndex.settle()) if (this.states.has(path)) reassign.add(path);
    yield;
    const respeak = new Set<string>();
    for (const path of reassign) {
      const state = this.states.get(path)!;
      const old = contributionOf(state);
      const next = this.entityIndex.assign(state.decided!);
      // the same mentions as before (not decided again): only the entities whose mentions moved are counted
      // again, and an article whose every mention kept its id keeps its view
      if (old && !redecide.has(path)) {
        if (!this.table.reassign(path, old, next.mentions)) { yield; continue; }
      } else this.table.update(path, old, next.mentions);
      state.resolved = next;
      respeak.add(path);
      yield;
    }
    const { renamed, touched } = this.table.settle(stepped);
    yield;

    // 4. speakers and events
    for (const id of renamed) for (const path of this.quoting.get(id) ?? []) respeak.add(path);
    for (const path of respeak) {
      const state = this.states.get(path)!;
      const { mentions, quotes } = state.resolved!;
      const resolved = quotes.map(q => resolveSpeaker(q, mentions, this.table.entities));
      const before = state.view;
      state.view = articleView(path, state.input.text, state.base!.analysis, mentions, resolved, state.base!.annotations);
      this.setQuoting(path, speakersOf(before), speakersOf(state.view));
      this.timeline.update(path, eventsOf(before), eventsOf(state.view));
      this.articles.set(path, state.view);
      changedArticles.add(path);
      yield;
    }
    forgetArticlePeople();
    for (const [key, analysis] of consumed) if (this.primed.get(key) === analysis) this.primed.delete(key); // not one handed over meanwhile
    // analyses handed over for texts that never arrived (an editor typed on) are not kept for ever
    for (const key of this.primed.keys()) if (this.primed.size > PRIMED_KEPT) this.primed.delete(key); else break;
    if (reorder) this.articles = new Map(this.paths().map(path => [path, this.states.get(path)!.view!]));
    // the events are grouped when first asked for (the Events view, the timeline, an export), not at every resolve
    const timeline = this.timeline;
    const events = timeline.version !== eventsVersion;
    this.view = { articles: this.articles, entities: this.table.entities, get events() { return timeline.events().events; }, mentionCounts: this.table.mentionCounts };
    this.changes = withCarried({ articles: changedArticles, entities: renamed, touched, events }, this.carried);
    this.carried = undefined;
    return this.view;
  }

  private setQuoting(path: string, old: Set<string> | undefined, next: Set<string> | undefined): void {
    for (const id of old ?? []) if (!next?.has(id)) this.quoting.get(id)?.delete(path);
    for (const id of next ?? []) (this.quoting.get(id) ?? this.quoting.set(id, new Set()).get(id)!).add(path);
  }
}
