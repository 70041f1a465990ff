import type { ArticleView } from '../corpus';
import type { QuoteWords } from './quoteWords';
import type { QuoteRef, Utterance } from './utterance';

/**
 * The same words of one speaker (undefined: unattributed), however many times quoted: compared with other
 * quotes once, as one. What it matches depends only on its words and speaker, never on where it is quoted,
 * so it is kept while any article quotes it and found again only for words no article quoted before.
 */
export interface Remark extends QuoteWords {
  key: string;
  speaker?: string;
  /** The speaker as a number for union-find; 0 when unattributed. */
  speakerNumber: number;
  wording: Wording;
  quoted: Set<Quoted>;
  /** The words its matches must hold one of (see prefixWords); undefined when too short to be matched by words. */
  rarest?: number[];
  /** The remarks it matches as the shorter one (either way when as long), and how well. */
  matches?: Map<Remark, number>;
  matchedBy?: Set<Remark>;
  /** Set during one search, so that a remark met in several lists is compared once. */
  seen: number;
  cluster?: Cluster;
  /** Set when its cluster is grouped again. */
  visited: number;
  /** Its first quote among its cluster's, as of `round`. */
  first: number;
  round: number;
}

/** The same words by anyone: an unattributed quote joins the first attributed one with the same words, and the other way round. */
export interface Wording {
  said: string;
  remarks: Set<Remark>;
  unattributed?: Remark;
  round: number;
  firstAttributed: number;
  firstUnattributed: number;
}

/** One speech quote of an article. */
export interface Quoted {
  ref: QuoteRef;
  remark: Remark;
  article: ArticleQuotes;
  /** The utterance it was in last time, for handing the same object out again when its group did not change. */
  utterance?: Utterance;
}

/** An article's view as last seen, its speech quotes, and its place in the corpus's order (-1 until placed). */
export interface ArticleQuotes {
  view: ArticleView;
  quoted: Quoted[];
  rank: number;
}

/**
 * Remarks linked by matches, or by the same words when one of them is unattributed: quotes are only ever joined
 * within one cluster, so a cluster whose remarks and quotes did not change keeps its utterances.
 */
interface Cluster {
  remarks: Remark[];
  utterances: Utterance[];
}

const byPlace = (x: QuoteRef, y: QuoteRef) => (x.path < y.path ? -1 : x.path > y.path ? 1 : x.start - y.start);

/**
 * The corpus's utterances in order, kept up to date: only the clusters of remarks that changed are grouped
 * again, and their utterances replace the old ones in the list. Ties of place (two quotes of one article at the
 * same start) go in the order of the groups' first quotes, as grouping from scratch has them.
 */
export class UtteranceGroups {
  private list: Utterance[] = [];
  /** Each utterance's first quote in the corpus's order. */
  private readonly firstOf = new WeakMap<Utterance, Quoted>();
  private readonly seeds = new Set<Remark>();
  private readonly stale = new Set<Cluster>();
  private rounds = 0;

  /** A remark whose quotes changed, or a new one. */
  touch(r: Remark): void {
    this.seeds.add(r);
  }

  /** A remark no article quotes any more: the rest of its cluster is grouped again (it may fall apart). */
  lose(r: Remark): void {
    this.seeds.delete(r);
    if (!r.cluster) return;
    this.stale.add(r.cluster);
    for (const other of r.cluster.remarks) if (other !== r && other.quoted.size) this.seeds.add(other);
  }

  /** The utterances, given the articles in the corpus's order. */
  regroup(articles: ArticleQuotes[]): Utterance[] {
    // quotes are ordered by their articles' ranks: when the articles kept in the corpus changed their order, all is grouped again
    let last = -1, ordered = true;
    articles.forEach((a, rank) => {
      if (a.rank >= 0) ordered &&= a.rank > last, last = a.rank;
      a.rank = rank;
    });
    if (!ordered) for (const a of articles) for (const q of a.quoted) this.seeds.add(q.remark);
    const round = ++this.rounds, made: Utterance[] = [];
    for (const seed of this.seeds) {
      if (seed.visited === round || !seed.quoted.size) continue;
      const remarks = [seed];
      seed.visited = round;
      for (let i = 0; i < remarks.length; i++) {
        const r = remarks[i];
        if (r.cluster) this.stale.add(r.cluster);
        const linked = [...r.matches?.keys() ?? [], ...r.matchedBy ?? [], ...(r.wording.unattributed ? r.wording.remarks : [])];
        for (const other of linked) if (other.visited !== round) other.visited = round, remarks.push(other);
      }
      const cluster: Cluster = { remarks, utterances: this.group(remarks) };
      for (const r of remarks) r.cluster = cluster;
      for (const u of cluster.utterances) made.push(u);
    }
    this.seeds.clear();
    const old = new Set<Utterance>();
    for (const c of this.stale) for (const u of c.utterances) old.add(u);
    this.stale.clear();
    const kept = new Set(made.filter(u => old.has(u)));
    const gone = [...old].filter(u => !kept.has(u)), fresh = made.filter(u => !kept.has(u));
    if (ordered && gone.length + fresh.length <= 64) this.patch(gone, fresh);
    else this.list = [...this.list.filter(u => !old.has(u)), ...made].sort((x, y) => this.order(x, y));
    return this.list.slice(); // the caller's to keep or change
  }

  /** Takes the utterances gone out of the list and puts the new ones in, each found by binary search. */
  private patch(gone: Utterance[], fresh: Utterance[]): void {
    const list = this.list;
    const at = (before: (x: Utterance) => boolean) => {
      let lo = 0, hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (before(list[mid])) lo = mid + 1; else hi = mid;
      }
      return lo;
    };
    const places = gone.map(u => {
      let i = at(x => byPlace(x.quotes[0], u.quotes[0]) < 0);
      while (i < list.length && list[i] !== u) i++;
      return i;
    });
    for (const i of places.sort((x, y) => y - x)) if (i < list.length) list.splice(i, 1);
    for (const u of fresh) list.splice(at(x => this.order(x, u) <= 0), 0, u);
  }

  /** The order of grouping from scratch: by first quote's place, then by the group's first quote in the corpus's order. */
  private order(x: Utterance, y: Utterance): number {
    const a = this.firstOf.get(x)!, b = this.firstOf.get(y)!;
    return byPlace(x.quotes[0], y.quotes[0]) || a.article.rank - b.article.rank || a.ref.index - b.ref.index;
  }

  /** A cluster's quotes in the corpus's order, linked where they match, best matches first, into utterances. */
  private group(remarks: Remark[]): Utterance[] {
    const round = ++this.rounds;
    const items: Quoted[] = [];
    for (const r of remarks) for (const q of r.quoted) items.push(q);
    if (items.length === 1) return [this.utteranceOf(items)];
    items.sort((a, b) => a.article.rank - b.article.rank || a.ref.index - b.ref.index);
    const n = items.length;
    // Identical words, however short ("No."): linked to the first such quote of the same speaker, and an
    // unattributed quote to the first attributed one (or the other way round). These links come before any
    // match, in the order of their quotes: as one number each, they sort without a comparison function.
    const identical = new Float64Array(2 * n);
    let links = 0;
    for (let i = 0; i < n; i++) {
      const r = items[i].remark, w = r.wording;
      if (r.round !== round) r.round = round, r.first = i;
      if (w.round !== round) w.round = round, w.firstAttributed = w.firstUnattributed = -1;
      if (r.first !== i) identical[links++] = r.first * n + i;
      const other = r.speaker ? w.firstUnattributed : w.firstAttributed;
      if (other >= 0) identical[links++] = other * n + i;
      if (r.speaker && w.firstAttributed < 0) w.firstAttributed = i;
      else if (!r.speaker && w.firstUnattributed < 0) w.firstUnattributed = i;
    }
    // Matches link first quotes: the shorter one first, or of two as long the one quoted first.
    const matches: Array<[number, number, number]> = [];
    for (const r of remarks) {
      for (const [other, score] of r.matches ?? []) if (r.stems.length < other.stems.length || r.first < other.first) matches.push([r.first, other.first, score]);
    }
    matches.sort((x, y) => y[2] - x[2] || x[0] - y[0] || x[1] - y[1]);
    // Union-find, best matches first, so an unattributed quote joins the speaker it agrees with most.
    const parent = new Int32Array(n), speaker = new Int32Array(n);
    for (let i = 0; i < n; i++) parent[i] = i, speaker[i] = items[i].remark.speakerNumber;
    const root = (i: number): number => {
      while (parent[i] !== i) i = parent[i] = parent[parent[i]];
      return i;
    };
    const join = (a: number, b: number) => {
      const ra = root(a), rb = root(b);
      if (ra === rb || (speaker[ra] && speaker[rb] && speaker[ra] !== speaker[rb])) return;
      parent[rb] = ra;
      speaker[ra] ||= speaker[rb];
    };
    for (const link of identical.subarray(0, links).sort()) join(Math.floor(link / n), link % n);
    for (const [a, b] of matches) join(a, b);
    const groups = new Map<number, Quoted[]>();
    items.forEach((it, i) => (groups.get(root(i)) ?? groups.set(root(i), []).get(root(i))!).push(it));
    return [...groups.values()].map(group => this.utteranceOf(group));
  }

  /** The utterance of a group of quotes (in the corpus's order); the one made last time when the group and its longest version are the same. */
  private utteranceOf(group: Quoted[]): Utterance {
    const longest = group.reduce((best, g) => (g.remark.stems.length > best.remark.stems.length ? g : best), group[0]);
    const last = group[0].utterance;
    if (last && last.quotes.length === group.length && last.text === longest.ref.text && group.every(g => g.utterance === last)) {
      this.firstOf.set(last, group[0]);
      return last;
    }
    const quotes = group.map(g => g.ref).sort(byPlace);
    const named = quotes.find(q => q.speakerId) ?? quotes.find(q => q.speakerName);
    const utterance: Utterance = {
      id: `utterance:${named?.speakerId ?? 'unknown'}:${quotes[0].path}:${quotes[0].start}`,
      ...(named?.speakerId ? { speakerId: named.speakerId } : {}), ...(named?.speakerName ? { speakerName: named.speakerName } : {}),
      text: longest.ref.text, quotes, sources: [...new Set(quotes.map(q => q.path))].sort(),
    };
    for (const g of group) g.utterance = utterance;
    this.firstOf.set(utterance, group[0]);
    return utterance;
  }
}
