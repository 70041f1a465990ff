import type { EntityType, Mention } from '../model';
import { familyName, initials, isSurnameFirst, knownAlias, nameKey, nameWeight, personKey, slug, words } from './names';

/** One real-world referent, seen across the corpus. */
export interface Entity {
  id: string;
  type: EntityType;
  /** Canonical name: the longest full form seen (initials not counted), the most frequent among equals. */
  name: string;
  /** Every written form, with how often it was seen. */
  forms: Map<string, number>;
  titles: Set<string>;
}

export interface ArticleMentions {
  path: string;
  mentions: Mention[];
}

const RESOLVED: EntityType[] = ['PERSON', 'ORG', 'PLACE'];
const PREFIX: Record<EntityType, string> = { PERSON: 'person', ORG: 'org', PLACE: 'place', DATE: 'date', MISC: 'misc' };

/**
 * Gives every mention of the articles an `entityId` shared by all mentions of one referent across the
 * corpus: full names group by their key ("Donald J. Trump" = "Donald Trump"), a lone family name joins the
 * most salient full name that has it (in the same article first: "Kim" → Kim Jong Un, not Kim Yong Chol),
 * places and organisations join by known aliases (DPRK = North Korea), acronyms (WPK) and shorter
 * endings of a longer name ("Metropole Hotel" ⊂ "Sofitel Legend Metropole Hotel").
 * Mentions that already carry an entityId (the user linked them) keep it and teach their form to it.
 */
export function resolveEntities(articles: ArticleMentions[]): Map<string, Entity> {
  const entities = new Map<string, Entity>();
  // what users link ("the DPRK leader" → Kim Jong Un) is a written form, but names the entity only when
  // nothing else does (then by the user's label)
  const named = new Map<string, Map<string, number>>();
  const userNames = new Map<string, string>();
  const add = (m: Mention, id: string, name: string) => {
    let e = entities.get(id);
    if (!e) entities.set(id, (e = { id, type: m.type, name, forms: new Map(), titles: new Set() }));
    e.forms.set(m.text, (e.forms.get(m.text) ?? 0) + 1);
    if (m.origin === 'user') {
      if (!userNames.has(id)) userNames.set(id, m.label ?? m.text);
    } else {
      const forms = named.get(id) ?? new Map<string, number>();
      forms.set(m.text, (forms.get(m.text) ?? 0) + 1);
      named.set(id, forms);
    }
    if (m.title) e.titles.add(m.title);
    m.entityId = id;
  };
  const all = articles.flatMap(a => a.mentions.map(m => ({ m, path: a.path })));
  // user links first: they name entities the rest may join
  for (const { m } of all) if (m.entityId) add(m, m.entityId, m.text);

  // people with a full name
  const people = new Map<string, { id: string; count: number; family: string }>();
  for (const { m } of all) {
    if (m.type !== 'PERSON' || m.entityId || words(m.text).length < 2) continue;
    const key = personKey(m.text);
    let p = people.get(key);
    if (!p) people.set(key, (p = { id: `person:${slug(key)}`, count: 0, family: familyName(m.text) }));
    p.count++;
    add(m, p.id, m.text);
  }
  const byFamily = new Map<string, { id: string; count: number }[]>();
  for (const p of people.values()) byFamily.set(p.family, [...(byFamily.get(p.family) ?? []), p]);
  // lone family names: the most salient full name, in this article first, else in the corpus
  for (const article of articles) {
    const local = new Map<string, number>();
    for (const m of article.mentions) if (m.type === 'PERSON' && m.entityId?.startsWith('person:')) local.set(m.entityId, (local.get(m.entityId) ?? 0) + 1);
    const chosen = new Map<string, string | undefined>();
    for (const m of article.mentions) {
      if (m.type !== 'PERSON' || m.entityId) continue;
      const family = m.text.toLowerCase();
      if (!chosen.has(family)) {
        const candidates = [...(byFamily.get(family) ?? [])];
        chosen.set(family, candidates.sort((a, b) => (local.get(b.id) ?? 0) - (local.get(a.id) ?? 0) || b.count - a.count)[0]?.id);
      }
      add(m, chosen.get(family) ?? `person:${slug(m.text)}`, m.text);
    }
  }
  // places and organisations
  const shown = memo((text: string) => knownAlias(text) ?? text);
  const keyOf = memo((text: string) => nameKey(shown(text)));
  for (const type of ['PLACE', 'ORG'] as const) {
    const mentions = all.filter(x => x.m.type === type && !x.m.entityId).map(x => x.m);
    const originals = new Map<string, string>();
    for (const m of mentions) if (!originals.has(keyOf(m.text))) originals.set(keyOf(m.text), shown(m.text));
    const byLength = [...originals.keys()].sort((a, b) => words(b).length - words(a).length || b.length - a.length);
    const groups = new Map<string, { id: string; names: string[] }>();
    const distinct: { id: string; names: string[] }[] = [];
    for (const key of byLength) {
      const text = originals.get(key)!;
      const into = distinct.find(g => g.names.some(longer => joins(text, longer)));
      if (into) { into.names.push(text); groups.set(key, into); continue; }
      const group = { id: `${PREFIX[type]}:${slug(text)}`, names: [text] };
      distinct.push(group);
      groups.set(key, group);
    }
    for (const m of mentions) add(m, groups.get(keyOf(m.text))!.id, shown(m.text));
  }
  const slugOf = memo(slug);
  for (const { m } of all) if (!m.entityId && !RESOLVED.includes(m.type)) m.entityId = `${PREFIX[m.type]}:${slugOf(m.date ?? m.text)}`;
  for (const e of entities.values()) {
    const forms = named.get(e.id);
    e.name = forms ? canonicalName(e.type, forms) : userNames.get(e.id) ?? e.name;
  }
  return entities;
}

/** A function of a string, computed once per distinct argument. */
function memo(f: (text: string) => string): (text: string) => string {
  const cache = new Map<string, string>();
  return text => {
    let value = cache.get(text);
    if (value === undefined) cache.set(text, (value = f(text)));
    return value;
  };
}

/** "Metropole Hotel" joins "Sofitel Legend Metropole Hotel"; "WPK" joins "Workers' Party of Korea". */
function joins(shorter: string, longer: string): boolean {
  const s = nameKey(shorter).split(' ');
  const l = nameKey(longer).split(' ');
  if (s.length >= 2 && s.length < l.length && l.slice(l.length - s.length).join(' ') === s.join(' ')) return true;
  // "Sofitel Legend Metropole" (hotel written in lower case) joins "Sofitel Legend Metropole Hotel"
  if (s.length >= 2 && s.length === l.length - 1 && l.slice(0, s.length).join(' ') === s.join(' ') && /^(hotel|palace|hall|airport|building|party|committee)$/.test(l[l.length - 1])) return true;
  return /^[A-Z]{2,6}$/.test(shorter) && initials(longer) === shorter;
}

function canonicalName(type: EntityType, seen: Map<string, number>): string {
  const alias = [...seen.keys()].map(knownAlias).find(Boolean);
  if (alias) return alias;
  const forms = [...seen.entries()].map(([name, count]) => ({ name: name.replace(/['’]s$/, ''), count }));
  const full = type === 'PERSON' ? forms.filter(f => words(f.name).length > 1 || isSurnameFirst(f.name)) : forms;
  const pool = full.length ? full : forms;
  pool.sort((a, b) => nameWeight(b.name) - nameWeight(a.name) || b.count - a.count || b.name.length - a.name.length);
  return pool[0].name;
}
