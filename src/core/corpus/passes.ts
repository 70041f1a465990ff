import { searchable, textOf } from '../text/heldText';
import { contentHash } from '../text/hash';
import { applyAnnotations, articleView, resolveSpeaker } from './articleView';
import { applyDecisions, DecisionBook } from './decisions';
import { EntityIndex } from './entityIndex';
import { EntityTable } from './entityTable';
import { ArticleNumbers } from './articleCounts';
import { FamilyNameIndex } from './familyIndex';
import { candidatesOf, familyWords, mayHoldName } from '../entities/familyWords';
import { forgetArticlePeople } from '../entities/withinArticle';
import { applyFamilyNames } from './familyNames';
import { contributionOf, decisionsOf, eventsOf, familyOf, inputsOf, internNames, speakersOf, type ArticleState } from './articleState';
import { Timeline } from './timeline';
import type { AnalysisSupply } from './analysisSupply';
import type { ArticleAnalysis, Mention } from '../model';
import { ResolvedMentions } from './resolvedMention';
import type { ArticleView } from './types';

/** What one run of the passes changed. */
export interface PassesDone {
  /** Articles whose view changed, came or went. */
  articles: Set<string>;
  /** Entities renamed or gone. */
  entities: ReadonlySet<string>;
  /** Entities whose name, forms, titles or counts changed. */
  touched: ReadonlySet<string>;
  /** Whether an article came that had no view before (the article map is put in order again). */
  reorder: boolean;
}

/** What the passes read of the corpus (src/core/corpus/index.ts): its articles, and where analyses come from. */
export interface PassesInput {
  states: ReadonlyMap<string, ArticleState>;
  /** Articles removed since the last run, with what they had brought. */
  removed: ReadonlyMap<string, ArticleState>;
  /** The articles that changed. */
  batch: ReadonlySet<string>;
  analyses: AnalysisSupply;
  /** The article map of the corpus's view, brought up to date in place. */
  articles: Map<string, ArticleView>;
}

/**
 * The corpus-wide passes of a resolve, each kept up to date incrementally: an article that changed takes
 * back what it brought to each pass (family names, the user's decisions, entities, speakers, events) and
 * brings anew, and only the articles that depend on what actually changed are resolved again. Done a step
 * at a time (one article's part of a pass, or one pass's settling), so that a caller may pause between steps.
 */
export class CorpusPasses {
  private readonly families = new FamilyNameIndex();
  private readonly decisions = new DecisionBook();
  private readonly entityIndex = new EntityIndex();
  /** A number for each article path, for the indexes that list articles (the family names', the mention counts'). */
  readonly numbers = new ArticleNumbers();
  readonly table = new EntityTable(this.numbers);
  /** The articles quoting each entity. */
  private readonly quoting = new Map<string, Set<string>>();
  readonly timeline = new Timeline();

  /** `stepped`: the entities are left as they are while it runs, new ones made beside them (src/core/corpus/index.ts). */
  *run({ states, removed, batch, analyses, articles }: PassesInput, stepped: boolean): Generator<void, PassesDone> {
    const decisionTexts = new Set<string>();
    /** The analyses handed over that this resolve took (or did not need), by key: let go of at its end. */
    const taken = new Map<string, ArticleAnalysis | undefined>();
    /** The family words of the articles whose text changed (noted in the index, then used to find the family names). */
    const words = new Map<string, readonly string[]>();
    const changedArticles = new Set<string>();
    let reorder = false;

    // 1. what each changed article says by itself
    for (const [path, state] of removed) {
      this.families.count(familyOf(state), -1);
      this.decisions.set(path, decisionsOf(state), undefined, decisionTexts);
      this.entityIndex.update(path, inputsOf(state), undefined);
      this.table.update(path, contributionOf(state), undefined);
      this.setQuoting(path, speakersOf(state.view), undefined);
      this.timeline.update(path, eventsOf(state.view), undefined);
      articles.delete(path);
      changedArticles.add(path);
      yield;
    }
    for (const path of batch) {
      const state = states.get(path)!;
      const { annotations, placements } = state.input;
      const text = textOf(state.input.text);
      const hash = contentHash(text);
      const key = analyses.keyFor(text, path, hash);
      if (state.analysisKey !== key) state.analysis = internNames(analyses.get(key, text, path, hash));
      state.analysisKey = key;
      const found = state.analysis!.familyWords;
      if (found) { const { familyWords: _, ...kept } = state.analysis!; state.analysis = kept; } // noted below, not kept
      analyses.noteTaken(key, taken); // taken, or not needed: the same text came again
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
        const state = path === undefined ? undefined : states.get(path);
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
      for (const [path, state] of states) {
        if (!redecide.has(path) && state.familied!.mentions.some(m => m.origin === 'model' && texts.has(m.text))) redecide.add(path);
        yield;
      }
    }
    for (const path of refamily) {
      const state = states.get(path)!;
      if (state.base!.analysis.skipped) { state.familied = state.base!; continue; }
      const mine = words.get(path);
      const text = textOf(state.input.text);
      const at = mine && candidatesOf(text, mine.filter(this.families.isFamilyName));
      state.familied = applyFamilyNames(text, state.base!, this.families.isFamilyName, at);
      yield;
    }
    for (const path of redecide) {
      const state = states.get(path)!;
      const old = inputsOf(state);
      state.decided = this.decisions.any ? applyDecisions(state.familied!, this.decisions.decide) : state.familied!;
      this.entityIndex.update(path, old, inputsOf(state));
      yield;
    }

    // 3. entity ids
    const reassign = new Set(redecide);
    for (const path of this.entityIndex.settle()) if (states.has(path)) reassign.add(path);
    yield;
    const respeak = new Set<string>();
    /** The resolved mentions made by this run's assignments, read again for the speakers. */
    const assigned = new Map<string, Mention[]>();
    for (const path of reassign) {
      const state = states.get(path)!;
      const old = contributionOf(state);
      const next = this.entityIndex.assign(state.decided!);
      // the same mentions as before (not decided again): only the entities whose mentions moved are counted
      // again, and an article whose every mention kept its id keeps its view
      if (old && !redecide.has(path)) {
        if (!this.table.reassign(path, old, next.mentions)) { yield; continue; }
      } else this.table.update(path, old, next.mentions);
      state.resolved = { mentions: ResolvedMentions.from(next.mentions, state.decided!.mentions), quotes: next.quotes };
      assigned.set(path, next.mentions);
      respeak.add(path);
      yield;
    }
    const { renamed, touched } = this.table.settle(stepped);
    yield;

    // 4. speakers and events
    for (const id of renamed) for (const path of this.quoting.get(id) ?? []) respeak.add(path);
    for (const path of respeak) {
      const state = states.get(path)!;
      const { mentions: list, quotes } = state.resolved!;
      const mentions = assigned.get(path) ?? list.made();
      const resolved = quotes.map(q => resolveSpeaker(q, mentions, this.table.entities));
      const before = state.view;
      state.view = articleView(path, state.input.text, state.base!.analysis, list, resolved, state.base!.annotations);
      this.setQuoting(path, speakersOf(before), speakersOf(state.view));
      this.timeline.update(path, eventsOf(before), eventsOf(state.view));
      articles.set(path, state.view);
      changedArticles.add(path);
      yield;
    }
    forgetArticlePeople();
    analyses.letGo(taken);
    return { articles: changedArticles, entities: renamed, touched, reorder };
  }

  private setQuoting(path: string, old: Set<string> | undefined, next: Set<string> | undefined): void {
    for (const id of old ?? []) if (!next?.has(id)) this.quoting.get(id)?.delete(path);
    for (const id of next ?? []) (this.quoting.get(id) ?? this.quoting.set(id, new Set()).get(id)!).add(path);
  }
}
