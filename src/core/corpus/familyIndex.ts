import { addCount } from './entityTable';
import type { FamilyContribution } from './familyNames';

/**
 * The family names of the corpus, counted over what each article says of them (src/core/corpus/familyNames.ts),
 * and the articles that may hold each name where a family name would be found: when a name becomes a family
 * name, or stops being one, only those articles are read again.
 */
export class FamilyNameIndex {
  private readonly familyCount = new Map<string, number>();
  private readonly otherCount = new Map<string, number>();
  /** Name → the articles (by id) that may hold it; checked before use, so ids of articles that changed since may linger. */
  private readonly holders = new Map<string, number[]>();
  /** Whether each name counted since the last `flipped()` was a family name before. */
  private before = new Map<string, boolean>();

  readonly isFamilyName = (name: string): boolean => this.familyCount.has(name) && !this.otherCount.has(name);

  /** Brings (+1) or takes back (-1) what one article says of family names. */
  count(c: FamilyContribution | undefined, sign: 1 | -1): void {
    if (!c) return;
    for (const names of [c.family, c.other]) for (const name of names) if (!this.before.has(name)) this.before.set(name, this.isFamilyName(name));
    for (const name of c.family) addCount(this.familyCount, name, sign);
    for (const name of c.other) addCount(this.otherCount, name, sign);
  }

  /** The names that became family names, or stopped being ones, since the last call. */
  flipped(): string[] {
    const flipped = [...this.before].filter(([name, was]) => this.isFamilyName(name) !== was).map(([name]) => name);
    this.before = new Map();
    return flipped;
  }

  /** Notes the names an article's text may hold where a family name would be found (its family words, src/core/entities/familyWords.ts). */
  index(id: number, names: readonly string[]): void {
    for (const name of names) {
      const ids = this.holders.get(name) ?? this.holders.set(name, []).get(name)!;
      if (ids[ids.length - 1] !== id) ids.push(id);
    }
  }

  /** The articles that may hold the name, as `holds` judges them (in index order); the others leave the index. */
  holdersOf(name: string, holds: (id: number) => boolean): number[] {
    const ids = this.holders.get(name) ?? [];
    const live = ids.filter(holds);
    if (live.length < ids.length) this.holders.set(name, live);
    return live;
  }
}
