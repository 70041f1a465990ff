import type { Entity } from '../entities/entity';
import { isSurnameFirst, knownAlias, nameWeight, words } from '../entities/names';
import type { EntityType, Mention } from '../model';
import { ArticleCounts, ArticleNumbers } from './articleCounts';

/*
 * The entities of the corpus — canonical name, written forms, titles — summed over the articles' mentions and
 * kept up to date article by article: an article that changes takes back what it brought and brings anew.
 */

const TYPE_OF_PREFIX: Record<string, EntityType> = { person: 'PERSON', org: 'ORG', place: 'PLACE', date: 'DATE', misc: 'MISC' };

/**
 * What the articles say of one entity, summed. Maps an entity rarely needs (other types, titles, names the user
 * gave) are made only when first needed: a corpus of 10,000 articles has about a hundred thousand entities,
 * most of them seen once, and an empty map costs as much as a short article's mentions.
 */
interface Totals {
  /** How many articles see it as each type (most entities have one type). */
  types: Map<string, number> | undefined;
  /** The one type every article gave it so far, with how many articles. */
  type: EntityType;
  typeCount: number;
  forms: Map<string, number>;
  named: Map<string, number> | undefined;
  titles: Map<string, number> | undefined;
  userNames: Map<string, string> | undefined;
}

/** One empty set for every entity without titles (an entity's sets are never changed once made). */
const NO_TITLES: ReadonlySet<string> = new Set();

/** Adds n (negative: takes away) to a count, which leaves the map at zero. */
export function addCount(counts: Map<string, number>, key: string, n: number): void {
  const v = (counts.get(key) ?? 0) + n;
  if (v) counts.set(key, v);
  else counts.delete(key);
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class EntityTable {
  /** Replaced, not changed, by a settling that asks for it (`settle(true)`). */
  entities = new Map<string, Entity>();
  /** Entity id → article path → how many mentions it has there. */
  readonly mentionCounts = new Map<string, ArticleCounts>();
  private readonly totals = new Map<string, Totals>();
  private readonly touched = new Set<string>();

  /** `numbers`: the corpus's numbers for article paths, which the mention counts are kept by. */
  constructor(private readonly numbers: ArticleNumbers) {}

  /**
   * Replaces what one article says of its entities (its resolved mentions; undefined: none). Summed straight
   * from the mentions: an article's part is never built as maps of its own, which a first resolve of ten
   * thousand articles would make and throw away by the hundred thousand.
   */
  update(path: string, old: readonly Mention[] | undefined, next: readonly Mention[] | undefined): void {
    if (old) this.apply(path, old, -1);
    if (next) this.apply(path, next, 1);
  }

  /**
   * Replaces what one article says of its entities when only their ids changed: `old` and `next` are the same
   * mentions, one for one, with ids assigned again. Only the entities a mention left or joined are counted
   * again (with all their mentions in the article); the others' part is the same. Whether any id changed.
   */
  reassign(path: string, old: readonly Mention[], next: readonly Mention[]): boolean {
    const changed = new Set<string>();
    for (let i = 0; i < next.length; i++) {
      const before = old[i].entityId, after = next[i].entityId;
      if (before === after) continue;
      if (before) changed.add(before);
      if (after) changed.add(after);
    }
    if (!changed.size) return false;
    this.apply(path, old, -1, changed);
    this.apply(path, next, 1, changed);
    return true;
  }

  private apply(path: string, mentions: readonly Mention[], sign: 1 | -1, only?: ReadonlySet<string>): void {
    /** The article's entities met so far: how many mentions each has here, and the titles already counted for it. */
    const seen = new Map<string, { totals: Totals; mentions: number; titles?: Set<string>; userName?: boolean }>();
    for (const m of mentions) {
      const id = m.entityId;
      if (!id || (only && !only.has(id))) continue;
      let here = seen.get(id);
      if (!here) {
        // the article sees the entity as the type of its first mention of it
        let t = this.totals.get(id);
        if (!t) this.totals.set(id, (t = { types: undefined, type: m.type, typeCount: 0, forms: new Map(), named: undefined, titles: undefined, userNames: undefined }));
        if (!t.types && m.type === t.type) t.typeCount += sign;
        else {
          t.types ??= new Map(t.typeCount ? [[t.type, t.typeCount]] : []);
          addCount(t.types, m.type, sign);
        }
        seen.set(id, (here = { totals: t, mentions: 0 }));
      }
      const t = here.totals;
      here.mentions++;
      addCount(t.forms, m.text, sign);
      if (m.origin === 'user') {
        // the name of the article's first mention the user made
        if (!here.userName) {
          here.userName = true;
          if (sign > 0) (t.userNames ??= new Map()).set(path, m.label ?? m.text);
          else t.userNames?.delete(path);
        }
      } else addCount((t.named ??= new Map()), m.text, sign);
      if (m.title && !here.titles?.has(m.title)) {
        (here.titles ??= new Set()).add(m.title);
        addCount((t.titles ??= new Map()), m.title, sign);
      }
    }
    const article = seen.size ? this.numbers.number(path) : 0;
    for (const [id, here] of seen) {
      const counts = this.mentionCounts.get(id) ?? this.mentionCounts.set(id, new ArticleCounts(this.numbers)).get(id)!;
      counts.add(article, sign * here.mentions);
      if (!counts.size) this.mentionCounts.delete(id);
      this.touched.add(id);
    }
  }

  /**
   * Brings the touched entities up to date (`beside`: in a new map, the last one left as it was); returns the
   * ids whose name changed or that are gone (`renamed`) and every id whose name, forms, titles or counts
   * changed (`touched`).
   */
  settle(beside = false): { renamed: Set<string>; touched: Set<string> } {
    if (beside && this.touched.size) this.entities = new Map(this.entities); // the last map stays as it was, for whoever reads it
    const renamed = new Set<string>();
    const touched = new Set(this.touched);
    for (const id of this.touched) {
      const t = this.totals.get(id)!;
      const before = this.entities.get(id);
      if (!t.forms.size) {
        this.totals.delete(id);
        if (before) { this.entities.delete(id); renamed.add(id); }
        continue;
      }
      const type = TYPE_OF_PREFIX[id.slice(0, id.indexOf(':'))] ?? (t.types ? [...t.types].sort((a, b) => b[1] - a[1] || byText(a[0], b[0]))[0][0] as EntityType : t.type);
      let userName: string | undefined;
      let first: string | undefined;
      for (const [path, name] of t.userNames ?? []) if (first === undefined || path < first) { first = path; userName = name; }
      const name = t.named?.size ? canonicalName(type, t.named) : userName ?? [...t.forms.keys()][0];
      const forms = t.forms.size === 1 ? new Map(t.forms) : new Map([...t.forms].sort((a, b) => b[1] - a[1] || byText(a[0], b[0])));
      const titles = t.titles?.size ? new Set([...t.titles.keys()].sort(byText)) : NO_TITLES as Set<string>;
      const entity: Entity = { id, type, name, forms, titles };
      if (before?.name !== name) renamed.add(id);
      this.entities.set(id, entity);
    }
    this.touched.clear();
    return { renamed, touched };
  }
}

/** Canonical name: a well-known alias, else the longest full form seen (initials not counted), the most frequent among equals. */
function canonicalName(type: EntityType, seen: Map<string, number>): string {
  const sorted = [...seen].sort((a, b) => byText(a[0], b[0]));
  const alias = sorted.map(([name]) => knownAlias(name)).find(Boolean);
  if (alias) return alias;
  const forms = sorted.map(([name, count]) => ({ name: name.replace(/['’]s$/, ''), count }));
  const full = type === 'PERSON' ? forms.filter(f => words(f.name).length > 1 || isSurnameFirst(f.name)) : forms;
  const pool = full.length ? full : forms;
  pool.sort((a, b) => nameWeight(b.name) - nameWeight(a.name) || b.count - a.count || b.name.length - a.name.length);
  return pool[0].name;
}
