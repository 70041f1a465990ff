import { initials, knownAlias, nameKey, personKey, slug, words, wordCount, familyName } from '../entities/names';
import { intern, memoString } from '../text/memo';
import type { EntityType, Mention } from '../model';
import type { MentionsAndQuotes } from './articleView';
import { articlePeople, type ArticlePeople } from '../entities/withinArticle';
import { ResolvedMention } from './resolvedMention';

/*
 * Which entity each mention is, across the corpus, kept up to date article by article: full names group by
 * their key ("Donald J. Trump" = "Donald Trump"), a lone family name joins the most salient full name that has
 * it (in the same article first: "Kim" → Kim Jong Un, not Kim Yong Chol; else the most mentioned in the
 * corpus), places and organisations join by known aliases (DPRK = North Korea), acronyms (WPK) and shorter
 * endings of a longer name ("Metropole Hotel" ⊂ "Sofitel Legend Metropole Hotel"). Mentions that already
 * carry an entityId (the user linked them) keep it.
 */

const PREFIX: Record<EntityType, string> = { PERSON: 'person', ORG: 'org', PLACE: 'place', DATE: 'date', MISC: 'misc' };
const RESOLVED = new Set<EntityType>(['PERSON', 'ORG', 'PLACE']);

/** What one article brings to the corpus-wide choices: its full names, its lone family names, its places and organisations. */
export interface EntityInputs {
  /** Person key → how many mentions, and the family names they are written with. */
  people: Map<string, { count: number; families: Set<string> }>;
  /**
   * Lone family names (lower case) that need a full name, and what the choice hangs on: `local` when the
   * article's own full names decide it (one of them is the most mentioned here), `tie` when the corpus's
   * order decides between the article's own, `none` when the article names no one of that family in full
   * (then the corpus's most salient does).
   */
  lone: Map<string, 'local' | 'tie' | 'none'>;
  /** `TYPE|key` of a place or organisation → the name as first written in the article (its alias shown). */
  names: Map<string, string>;
}

/** A place's or organisation's name as shown: the well-known form of an alias. */
const shown = memoString((text: string): string => intern(knownAlias(text) ?? text));
const placeKey = memoString((text: string): string => `PLACE|${nameKey(shown(text))}`);
const orgKey = memoString((text: string): string => `ORG|${nameKey(shown(text))}`);

/*
 * Entity ids as one string per id across the corpus (a million mentions at 10,000 articles): a person's by
 * their key, a place's or organisation's by its group (made once per grouping), a date's by its value.
 */
const personId = memoString((key: string): string => intern(`person:${slug(key)}`));
const dateId = memoString((value: string): string => intern(`date:${value}`));

function nameOf(type: EntityType, text: string): string {
  return type === 'PLACE' ? placeKey(text) : type === 'ORG' ? orgKey(text) : `${type}|${nameKey(shown(text))}`;
}

export function entityInputs(mentions: readonly Mention[]): EntityInputs {
  const inputs: EntityInputs = { people: new Map(), lone: new Map(), names: new Map() };
  const lone = new Set<string>();
  let linked = false;
  // who the article itself says each name is (src/core/entities/withinArticle.ts)
  const people = articlePeople(mentions);
  for (const m of mentions) {
    if (m.entityId) { if (m.type === 'PERSON' && m.entityId.startsWith('person:')) linked = true; continue; }
    if (m.type === 'PERSON') {
      if (wordCount(m.text) < 2) { lone.add(m.text.toLowerCase()); continue; }
      const key = personKey(m.text);
      const p = inputs.people.get(key) ?? inputs.people.set(key, { count: 0, families: new Set() }).get(key)!;
      p.count++;
      p.families.add(familyName(m.text));
    } else if (m.type === 'PLACE' || m.type === 'ORG') {
      const name = nameOf(m.type, m.text);
      if (!inputs.names.has(name)) inputs.names.set(name, shown(m.text));
    }
  }
  const { decided, open } = people;
  for (const word of lone) {
    // a name linked by the user may be a candidate too: then the corpus's order may matter
    inputs.lone.set(word, linked ? 'tie' : decided.has(word) ? 'local' : open.get(word) ?? 'none');
  }
  // "Tim Sloan" beside "Timothy J. Sloan": which form names them is the corpus's order of that family
  for (const family of people.formalFamilies) if (inputs.lone.get(family) !== 'none') inputs.lone.set(family, 'tie');
  return inputs;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const joinKeysCache = new Map<string, { endings: string[]; acronym?: string }>();

/** "Metropole Hotel" joins "Sofitel Legend Metropole Hotel"; "WPK" joins "Workers' Party of Korea": the strings a shorter name may be to join this one (worked out once per name). */
function joinKeys(longer: string): { endings: string[]; acronym?: string } {
  let known = joinKeysCache.get(longer);
  if (!known) {
    if (joinKeysCache.size > 200_000) joinKeysCache.clear();
    joinKeysCache.set(longer, (known = joinKeysOf(longer)));
  }
  return known;
}

function joinKeysOf(longer: string): { endings: string[]; acronym?: string } {
  const l = nameKey(longer).split(' ');
  const endings: string[] = [];
  for (let k = 2; k < l.length; k++) endings.push(l.slice(l.length - k).join(' '));
  // "Sofitel Legend Metropole" (hotel written in lower case) joins "Sofitel Legend Metropole Hotel"
  if (l.length - 1 >= 2 && /^(hotel|palace|hall|airport|building|party|committee)$/.test(l[l.length - 1])) endings.push(l.slice(0, l.length - 1).join(' '));
  const acronym = initials(longer);
  return { endings, ...(/^[A-Z]{2,6}$/.test(acronym) ? { acronym } : {}) };
}

/** The corpus-wide choices behind entity ids, updated as articles change. */
export class EntityIndex {
  private readonly peopleCount = new Map<string, number>();
  private readonly peopleFamilies = new Map<string, Map<string, number>>();
  private readonly byFamily = new Map<string, Set<string>>();
  /** Family → full-name ids in order of salience in the corpus (most mentioned first). */
  private readonly ranking = new Map<string, string[]>();
  /** Family → the articles whose lone family name the corpus's order of full names may decide, and how. */
  private readonly lonePaths = new Map<string, Map<string, 'tie' | 'none'>>();
  /** `TYPE|key` → the article (first by path) and how it writes the name. */
  private readonly namePaths = new Map<string, Map<string, string>>();
  private readonly original = new Map<string, { path: string; text: string }>();
  private readonly groups = new Map<string, string>();
  private readonly touchedFamilies = new Set<string>();
  private regroup = false;

  /** Replaces one article's inputs (undefined: none, before it was added or after it was removed). */
  update(path: string, old: EntityInputs | undefined, next: EntityInputs | undefined): void {
    for (const [key, p] of old?.people ?? []) this.addPerson(key, p, -1);
    for (const [key, p] of next?.people ?? []) this.addPerson(key, p, 1);
    for (const family of old?.lone.keys() ?? []) this.lonePaths.get(family)?.delete(path);
    for (const [family, how] of next?.lone ?? []) if (how !== 'local') (this.lonePaths.get(family) ?? this.lonePaths.set(family, new Map()).get(family)!).set(path, how);
    for (const [name, text] of old?.names ?? []) if (next?.names.get(name) !== text) this.removeName(name, path);
    for (const [name, text] of next?.names ?? []) if (old?.names.get(name) !== text) this.addName(name, path, text);
  }

  private addPerson(key: string, p: { count: number; families: Set<string> }, sign: 1 | -1): void {
    const count = (this.peopleCount.get(key) ?? 0) + sign * p.count;
    if (count) this.peopleCount.set(key, count);
    else this.peopleCount.delete(key);
    const families = this.peopleFamilies.get(key) ?? this.peopleFamilies.set(key, new Map()).get(key)!;
    for (const f of p.families) {
      const n = (families.get(f) ?? 0) + sign;
      if (n) families.set(f, n);
      else families.delete(f);
      const keys = this.byFamily.get(f) ?? this.byFamily.set(f, new Set()).get(f)!;
      if (n) keys.add(key);
      else keys.delete(key);
    }
    if (!families.size) this.peopleFamilies.delete(key);
    for (const f of p.families) this.touchedFamilies.add(f);
    for (const f of families.keys()) this.touchedFamilies.add(f);
  }

  private addName(name: string, path: string, text: string): void {
    (this.namePaths.get(name) ?? this.namePaths.set(name, new Map()).get(name)!).set(path, text);
    const first = this.original.get(name);
    if (!first || path <= first.path) {
      this.original.set(name, { path, text });
      if (first?.text !== text) this.regroup = true;
    }
  }

  private removeName(name: string, path: string): void {
    const paths = this.namePaths.get(name);
    if (!paths?.delete(path)) return;
    if (this.original.get(name)?.path !== path) return;
    if (!paths.size) {
      this.namePaths.delete(name);
      this.original.delete(name);
      this.regroup = true;
      return;
    }
    let first: { path: string; text: string } | undefined;
    for (const [p, text] of paths) if (!first || p < first.path) first = { path: p, text };
    if (first!.text !== this.original.get(name)!.text) this.regroup = true;
    this.original.set(name, first!);
  }

  /**
   * Brings the corpus-wide choices up to date after updates; returns the articles whose mentions may now be
   * another entity (a family name whose most salient full name changed, a name that joined another group).
   */
  settle(): Set<string> {
    const affected = new Set<string>();
    for (const family of this.touchedFamilies) {
      const keys = [...(this.byFamily.get(family) ?? [])];
      if (!keys.length) this.byFamily.delete(family);
      const ids = keys.map(key => ({ id: personId(key), count: this.peopleCount.get(key) ?? 0 }))
        .sort((a, b) => b.count - a.count || byText(a.id, b.id)).map(x => x.id);
      const before = this.ranking.get(family);
      if (before && before.length === ids.length && before.every((id, i) => id === ids[i])) continue;
      if (ids.length) this.ranking.set(family, ids);
      else this.ranking.delete(family);
      // an article whose own full names decide is not touched; one with none only when the first changes
      const firstChanged = before?.[0] !== ids[0];
      for (const [path, how] of this.lonePaths.get(family) ?? []) if (how === 'tie' || firstChanged) affected.add(path);
    }
    this.touchedFamilies.clear();
    if (this.regroup) {
      this.regroup = false;
      const next = this.group();
      for (const [name, id] of next) if (this.groups.get(name) !== id) for (const [path] of this.namePaths.get(name) ?? []) affected.add(path);
      this.groups.clear();
      for (const [name, id] of next) this.groups.set(name, id);
    }
    return affected;
  }

  /** Places and organisations: the longest names first; a shorter one joins the earliest group it joins. */
  private group(): Map<string, string> {
    const out = new Map<string, string>();
    for (const type of ['PLACE', 'ORG'] as const) {
      const names = [...this.original.keys()].filter(n => n.startsWith(`${type}|`)).map(n => ({ name: n, key: n.slice(type.length + 1) }));
      names.sort((a, b) => words(b.key).length - words(a.key).length || b.key.length - a.key.length || byText(a.key, b.key));
      const groupIds: string[] = [];
      const byEnding = new Map<string, number>();
      const byAcronym = new Map<string, number>();
      const register = (text: string, group: number) => {
        const { endings, acronym } = joinKeys(text);
        for (const e of endings) if (!(byEnding.get(e)! <= group)) byEnding.set(e, group);
        if (acronym && !(byAcronym.get(acronym)! <= group)) byAcronym.set(acronym, group);
      };
      for (const { name, key } of names) {
        const text = this.original.get(name)!.text;
        let group = byEnding.get(key);
        if (key.includes(' ') === false) group = undefined; // a one-word name joins only as an acronym
        if (/^[A-Z]{2,6}$/.test(text)) {
          const g = byAcronym.get(text);
          if (g !== undefined && (group === undefined || g < group)) group = g;
        }
        if (group === undefined) {
          group = groupIds.length;
          groupIds.push(intern(`${PREFIX[type]}:${slug(text)}`));
        }
        register(text, group);
        out.set(name, groupIds[group]);
      }
    }
    return out;
  }

  /**
   * A person key's entity id in an article: one person written in a short and a formal form ("Tim Sloan",
   * "Timothy J. Sloan") takes the form the corpus writes most, so that every article calls them the same
   * (the family's ranking changes with those counts, and the article is resolved again: see entityInputs).
   */
  private namedBy(people: ArticlePeople): (key: string) => string {
    if (!people.formal.size) return personId;
    const forms = new Map<string, string[]>();
    for (const [short, full] of people.formal) for (const k of [short, full]) forms.set(k, [full, ...[...people.formal].filter(([, f]) => f === full).map(([s]) => s)]);
    return key => {
      const group = forms.get(key);
      if (!group) return personId(key);
      // the form first in the family's ranking (the most written in the corpus): the order whose change
      // resolves the article again, so an edit elsewhere gives what resolving from scratch gives
      const ranking = this.ranking.get(group[0].split(' ').pop()!) ?? [];
      const at = (k: string) => { const i = ranking.indexOf(personId(k)); return i < 0 ? Infinity : i; };
      return personId(group.reduce((a, b) => (at(b) < at(a) ? b : a)));
    };
  }

  /** One article's mentions with their entity ids (each a `ResolvedMention` over the input's, which is not changed). */
  assign(article: MentionsAndQuotes): MentionsAndQuotes {
    const mentions = article.mentions.map(m => new ResolvedMention(m));
    const people = articlePeople(article.mentions);
    const named = this.namedBy(people);
    for (const m of mentions) if (m.type === 'PERSON' && !m.entityId && wordCount(m.text) >= 2) m.entityId = named(personKey(m.text));
    const local = new Map<string, number>();
    let linked = false;
    for (const m of mentions) if (m.type === 'PERSON' && m.entityId?.startsWith('person:')) local.set(m.entityId, (local.get(m.entityId) ?? 0) + 1);
    for (const m of article.mentions) if (m.type === 'PERSON' && m.entityId?.startsWith('person:')) linked = true;
    const chosen = new Map<string, string | undefined>();
    for (const m of mentions) {
      if (m.type !== 'PERSON' || m.entityId) continue;
      // the article's pronoun tells which of its people of that family this one is ("Clinton … her")
      const told = linked ? undefined : people.byMention.get(m.start);
      if (told) { m.entityId = named(told); continue; }
      const family = m.text.toLowerCase();
      if (!chosen.has(family)) {
        // the article's own decision first (none when the user linked a name: the corpus's order may matter)
        const own = linked ? undefined : people.decided.get(family);
        let best: string | undefined = own && named(own);
        if (!best) for (const id of this.ranking.get(family) ?? []) if (best === undefined || (local.get(id) ?? 0) > (local.get(best) ?? 0)) best = id;
        chosen.set(family, best);
      }
      m.entityId = chosen.get(family) ?? personId(m.text);
    }
    for (const m of mentions) {
      if (m.entityId) continue;
      if (m.type === 'PLACE' || m.type === 'ORG') m.entityId = this.groups.get(nameOf(m.type, m.text));
      else if (!RESOLVED.has(m.type)) m.entityId = m.type === 'DATE' && m.value ? dateId(m.value) : intern(`${PREFIX[m.type]}:${slug(m.text)}`);
    }
    return { mentions, quotes: article.quotes };
  }
}
