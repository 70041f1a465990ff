import { detached } from '../text/memo';
import { KIND_ENTITY_TYPE } from '../annotations/model';
import type { EntityType, Mention } from '../model';
import { replaceMentions, type MentionsAndQuotes } from './articleView';
import type { ArticleView } from './types';

/*
 * The user is learned from: a name the user marked, retyped or linked (or rejected) in one place is read the
 * same way wherever the model finds exactly that text, in every article. The latest decision on a text wins;
 * between decisions of the same time, the later article (by path) and the later annotation.
 */

/** What the user decided about a name: its type and link, or that it is no entity at all. */
export interface Decision {
  type?: EntityType;
  entityId?: string;
  reject: boolean;
  annotationId: string;
  updated: string;
}

/** One article's decisions, by the text they are about (the latest of the article for each text). */
export function articleDecisions(a: ArticleView): Map<string, Decision> {
  const decisions = new Map<string, Decision>();
  let whole: string | undefined; // the view's text, made once if an annotation asks for it
  for (const p of a.annotations) {
    if (!p.span || (p.status !== 'anchored' && p.status !== 'moved')) continue;
    const kind = p.annotation.kind;
    const type = KIND_ENTITY_TYPE[kind];
    if (!type && kind !== 'not-entity') continue;
    const text = detached((whole ??= a.text).slice(p.span.start, p.span.end));
    const earlier = decisions.get(text);
    if (earlier && earlier.updated > p.annotation.updated) continue;
    const user = a.mentions.find(m => m.annotationId === p.annotation.id);
    decisions.set(text, { type, entityId: user?.entityId, reject: kind === 'not-entity', annotationId: p.annotation.id, updated: p.annotation.updated });
  }
  return decisions;
}

/** Of the decisions on one text in several articles (in path order), the one that holds. */
export function winningDecision(inPathOrder: Iterable<Decision>): Decision | undefined {
  let best: Decision | undefined;
  for (const d of inPathOrder) if (!best || !(best.updated > d.updated)) best = d;
  return best;
}

export function sameDecision(a: Decision | undefined, b: Decision | undefined): boolean {
  return a === b || (!!a && !!b && a.type === b.type && a.entityId === b.entityId && a.reject === b.reject && a.annotationId === b.annotationId && a.updated === b.updated);
}

/** Applies the decisions to the model's mentions of one article. Returns the input itself when none applies. */
export function applyDecisions(article: MentionsAndQuotes, decide: (text: string) => Decision | undefined): MentionsAndQuotes {
  let changed = false;
  let dropped = false;
  const standsFor = new Map<Mention, Mention>();
  const kept: Mention[] = [];
  for (const m of article.mentions) {
    const d = m.origin === 'model' ? decide(m.text) : undefined;
    if (!d) { kept.push(m); continue; }
    changed = true;
    if (d.reject) { dropped = true; continue; }
    const copy: Mention = { ...m, type: d.type!, learnedFrom: d.annotationId, ...(d.entityId ? { entityId: d.entityId } : {}) };
    standsFor.set(copy, m);
    kept.push(copy);
  }
  if (!changed) return article;
  // a quote whose speaker's mention was dropped loses that pointer, as it always did
  return dropped || standsFor.size ? replaceMentions(article, kept, standsFor) : article;
}

/**
 * The decisions of every article, by text, and the one that holds for each text: kept up to date as articles
 * bring and take back their decisions.
 */
export class DecisionBook {
  private readonly byText = new Map<string, Map<string, Decision>>();
  private readonly winners = new Map<string, Decision>();

  /** Replaces an article's decisions (`old` with `next`), adding every text whose decisions changed to `touched`. */
  set(path: string, old: Map<string, Decision> | undefined, next: Map<string, Decision> | undefined, touched: Set<string>): void {
    for (const text of old?.keys() ?? []) {
      if (sameDecision(old!.get(text), next?.get(text))) continue;
      this.byText.get(text)?.delete(path);
      if (!this.byText.get(text)?.size) this.byText.delete(text);
      touched.add(text);
    }
    for (const [text, d] of next ?? []) {
      if (sameDecision(old?.get(text), d)) continue;
      (this.byText.get(text) ?? this.byText.set(text, new Map()).get(text)!).set(path, d);
      touched.add(text);
    }
  }

  /** Settles who wins on each of the texts; returns those whose winning decision changed. */
  settle(texts: Iterable<string>): string[] {
    const changed: string[] = [];
    for (const text of texts) {
      const inPathOrder = [...(this.byText.get(text) ?? [])].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([, d]) => d);
      const next = winningDecision(inPathOrder);
      const same = sameDecision(this.winners.get(text), next);
      if (next) this.winners.set(text, next);
      else this.winners.delete(text);
      if (!same) changed.push(text);
    }
    return changed;
  }

  /** The decision that holds for a text, if any. */
  readonly decide = (text: string): Decision | undefined => this.winners.get(text);

  /** Whether any decision holds anywhere. */
  get any(): boolean {
    return this.winners.size > 0;
  }
}
