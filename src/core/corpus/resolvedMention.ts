import type { EntityType, Mention } from '../model';

/**
 * A mention as corpus-wide resolution leaves it: the article's mention (never changed) with the entity it
 * names. It reads every other field through: 40 bytes a mention, where a copy of every field took 112 (there
 * are 782,217 mentions in 10,000 articles of news).
 *
 * Read it as a `Mention`. Its fields are getters, not own properties: a spread or `Object.keys` sees only `of`
 * and `entityId`, so code that copies one names the fields it copies.
 */
export class ResolvedMention implements Mention {
  entityId: string | undefined;

  constructor(readonly of: Mention) {
    this.entityId = of.entityId;
  }

  get start(): number { return this.of.start; }
  get end(): number { return this.of.end; }
  get text(): string { return this.of.text; }
  get type(): EntityType { return this.of.type; }
  get origin(): 'model' | 'user' { return this.of.origin; }
  get title(): string | undefined { return this.of.title; }
  get pronoun(): 'he' | 'she' | undefined { return this.of.pronoun; }
  get nameGender(): 'm' | 'f' | undefined { return this.of.nameGender; }
  get value(): string | null | undefined { return this.of.value; }
  get endValue(): string | null | undefined { return this.of.endValue; }
  get how(): string | undefined { return this.of.how; }
  get annotationId(): string | undefined { return this.of.annotationId; }
  get label(): string | undefined { return this.of.label; }
  get learnedFrom(): string | undefined { return this.of.learnedFrom; }
}

/**
 * An article's mentions as resolution leaves them, held as the entity id of each beside the article's own
 * mentions: 8 bytes a mention where a `ResolvedMention` kept takes 40 (and its place in a list 8 more), for
 * the 783,117 mentions of 10,000 articles. Its `ResolvedMention`s are made when the list is read
 * (`mentionsOf`), never changed, and made again alike.
 */
export class ResolvedMentions {
  private constructor(readonly of: readonly Mention[], private readonly ids: readonly (string | undefined)[]) {}

  /** The list of `resolved`, one `ResolvedMention` over each of `of`, in order. */
  static from(resolved: readonly Mention[], of: readonly Mention[]): ResolvedMentions {
    return new ResolvedMentions(of, resolved.map(m => m.entityId));
  }

  /** The mentions, made now (for a pass that reads each article once: not kept). */
  made(): Mention[] {
    return this.of.map((m, i) => {
      const r = new ResolvedMention(m);
      r.entityId = this.ids[i];
      return r;
    });
  }
}

/** How many articles' resolved mentions are kept made: those of the articles read last (an open one is read at every hover and repaint). */
const KEPT_MADE = 256;
const made = new Map<ResolvedMentions, Mention[]>();

/** An article's resolved mentions, the same list while it is among the last read. */
export function mentionsOf(list: ResolvedMentions): Mention[] {
  let mentions = made.get(list);
  if (mentions) made.delete(list); // read again: the last read
  else {
    mentions = list.made();
    if (made.size >= KEPT_MADE) made.delete(made.keys().next().value!);
  }
  made.set(list, mentions);
  return mentions;
}
