import type { Entity } from '../entities/entity';
import { isSurnameFirst, knownAlias, nameWeight, words } from '../entities/names';
import type { EntityType, Mention } from '../model';

/*
 * The entities of the corpus — canonical name, written forms, titles — summed over the articles' mentions and
 * kept up to date article by article: an article that changes takes back what it brought and brings anew.
 */

const TYPE_OF_PREFIX: Record<string, EntityType> = { person: 'PERSON', org: 'ORG', place: 'PLACE', date: 'DATE', misc: 'MISC' };

/** What one article says of one entity. */
interface Contribution {
  type: EntityType;
  forms: Map<string, number>;
  /** Forms the model found (the user's links name an entity only when nothing else does). */
  named: Map<string, number>;
  titles: Set<string>;
  /** The name of the article's first mention the user made, when there is one. */
  userName?: string;
}

export type EntityContribution = Map<string, Contribution>;

export function entityContribution(mentions: readonly Mention[]): EntityContribution {
  const out: EntityContribution = new Map();
  for (const m of mentions) {
    if (!m.entityId) continue;
    let c = out.get(m.entityId);
    if (!c) out.set(m.entityId, (c = { type: m.type, forms: new Map(), named: new Map(), titles: new Set() }));
    c.forms.set(m.text, (c.forms.get(m.text) ?? 0) + 1);
    if (m.origin === 'user') c.userName ??= m.label ?? m.text;
    else c.named.set(m.text, (c.named.get(m.text) ?? 0) + 1);
    if (m.title) c.titles.add(m.title);
  }
  return out;
}

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
  readonly entities = new Map<string, Entity>();
  /** Entity id → article path → how many mentions it has there. */
  readonly mentionCounts = new Map<string, Map<string, number>>();
  private readonly totals = new Map<string, Totals>();
  private readonly touched = new Set<string>();

  update(path: string, old: EntityContribution | undefined, next: EntityContribution | undefined): void {
    for (const [id, c] of old ?? []) this.apply(id, path, c, -1);
    for (const [id, c] of next ?? []) this.apply(id, path, c, 1);
  }

  private apply(id: string, path: string, c: Contribution, sign: 1 | -1): void {
    let t = this.totals.get(id);
    if (!t) this.totals.set(id, (t = { types: undefined, type: c.type, typeCount: 0, forms: new Map(), named: undefined, titles: undefined, userNames: undefined }));
    if (!t.types && c.type === t.type) t.typeCount += sign;
    else {
      t.types ??= new Map(t.typeCount ? [[t.type, t.typeCount]] : []);
      addCount(t.types, c.type, sign);
    }
    for (const [form, n] of c.forms) addCount(t.forms, form, sign * n);
    if (c.named.size) { t.named ??= new Map(); for (const [form, n] of c.named) addCount(t.named, form, sign * n); }
    if (c.titles.size) { t.titles ??= new Map(); for (const title of c.titles) addCount(t.titles, title, sign); }
    const counts = this.mentionCounts.get(id) ?? this.mentionCounts.set(id, new Map()).get(id)!;
    let n = 0;
    for (const k of c.forms.values()) n += k;
    addCount(counts, path, sign * n);
    if (!counts.size) this.mentionCounts.delete(id);
    if (c.userName !== undefined) {
      if (sign > 0) (t.userNames ??= new Map()).set(path, c.userName);
      else t.userNames?.delete(path);
    }
    this.touched.add(id);
  }

  /**
   * Brings the touched entities up to date; returns the ids whose name changed or that are gone (`renamed`) and
   * every id whose name, forms, titles or counts changed (`touched`).
   */
  settle(): { renamed: Set<string>; touched: Set<string> } {
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
