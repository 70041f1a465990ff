import type { ArticleView, CorpusView } from '../corpus';
import { agreement, prefixWords, stemsOf, type QuoteWords } from './quoteWords';
import type { QuoteRef, Utterance } from './utterances';

/**
 * The same words of one speaker (undefined: unattributed), however many times quoted: compared with other
 * quotes once, as one. What it matches depends only on its words and speaker, never on where it is quoted,
 * so it is kept while any article quotes it and found again only for words no article quoted before.
 */
interface Remark extends QuoteWords {
  key: string;
  speaker?: string;
  /** The speaker as a number for union-find; 0 when unattributed. */
  speakerNumber: number;
  wording: Wording;
  /** How many speech quotes of the corpus it stands for. */
  count: number;
  /** The words its matches must hold one of (see prefixWords); undefined when too short to be matched by words. */
  rarest?: number[];
  /** The remarks it matches as the shorter one (either way when as long), and how well. */
  matches?: Map<Remark, number>;
  matchedBy?: Set<Remark>;
  /** Set during one search, so that a remark met in several lists is compared once. */
  seen: number;
  /** Its first quote in the corpus's order, as of `round`. */
  first: number;
  round: number;
}

/** The same words by anyone: an unattributed quote joins the first attributed one with the same words, and the other way round. */
interface Wording {
  said: string;
  remarks: number;
  round: number;
  firstAttributed: number;
  firstUnattributed: number;
}

/** One speech quote of an article. */
interface Quoted {
  ref: QuoteRef;
  remark: Remark;
  /** The utterance it was in last time, for handing the same object out again when its group did not change. */
  utterance?: Utterance;
}

/** Remarks by the content words they hold, per speaker and for everyone: a speaker's remarks match only that speaker's and the unattributed. */
class WordLists {
  private readonly bySpeaker = new Map<string | undefined, Map<number, Set<Remark>>>();
  private readonly everyone = new Map<number, Set<Remark>>();

  add(r: Remark, words: readonly number[]): void {
    const own = this.bySpeaker.get(r.speaker) ?? this.bySpeaker.set(r.speaker, new Map()).get(r.speaker)!;
    for (const lists of [own, this.everyone]) for (const w of words) (lists.get(w) ?? lists.set(w, new Set()).get(w)!).add(r);
  }

  delete(r: Remark, words: readonly number[]): void {
    for (const lists of [this.bySpeaker.get(r.speaker)!, this.everyone]) {
      for (const w of words) if (lists.get(w)?.delete(r) && !lists.get(w)!.size) lists.delete(w);
    }
  }

  /** How many remarks hold the word. */
  count(word: number): number {
    return this.everyone.get(word)?.size ?? 0;
  }

  /** The lists of the remarks holding the word that a remark of `speaker` may match. */
  lists(word: number, speaker: string | undefined): Array<Set<Remark> | undefined> {
    if (speaker === undefined) return [this.everyone.get(word)];
    return [this.bySpeaker.get(speaker)?.get(word), this.bySpeaker.get(undefined)?.get(word)];
  }
}

/**
 * The corpus's speech quotes grouped into utterances (see groupUtterances), kept up to date as the corpus
 * changes: an article whose view is new has its quotes read again, and only words no article quoted before are
 * compared with the rest of the corpus; then the quotes are linked in the corpus's order, in one pass over them.
 * Article views are taken as they are given, never changed afterwards (the corpus makes a new view for a change).
 */
export class UtteranceIndex {
  /** By path: the article view last seen (an unchanged article keeps its view across corpus views) and its speech quotes. */
  private readonly articles = new Map<string, { view: ArticleView; quoted: Quoted[] }>();
  private readonly remarks = new Map<string, Remark>();
  private readonly wordings = new Map<string, Wording>();
  private readonly numbers = new Map<string, number>();
  private readonly speakers = new Map<string, number>();
  /** Remarks by all their content words, and by their rarest only. */
  private readonly byWord = new WordLists();
  private readonly byRarest = new WordLists();
  private searches = 0;
  private rounds = 0;

  /** The utterances of the corpus as `view` has it; equal to groupUtterances(view), whatever views came before. */
  update(view: CorpusView): Utterance[] {
    const emptied: Remark[] = [], added = new Set<Remark>();
    for (const [path, known] of this.articles) {
      if (view.articles.get(path) === known.view) continue;
      for (const q of known.quoted) if (!--q.remark.count) emptied.push(q.remark);
      this.articles.delete(path);
    }
    for (const [path, article] of view.articles) if (!this.articles.has(path)) this.articles.set(path, { view: article, quoted: this.read(article, added) });
    for (const r of emptied) if (!r.count) this.forget(r);
    // every new remark is listed before any is searched: new remarks find each other as the shorter one
    for (const r of added) this.byWord.add(r, r.content);
    for (const r of added) {
      r.rarest = prefixWords(r, w => this.byWord.count(w));
      if (r.rarest) this.byRarest.add(r, r.rarest);
    }
    for (const r of added) this.search(r, added);
    return this.group(view);
  }

  /** An article's speech quotes, each with its remark; remarks no article quoted before are added to `added`. */
  private read(article: ArticleView, added: Set<Remark>): Quoted[] {
    const quoted: Quoted[] = [];
    article.quotes.forEach((q, index) => {
      if (q.kind !== 'speech') return;
      const s = q.speaker;
      const ref: QuoteRef = { path: article.path, index, start: q.start, end: q.end, text: q.text, ...(s?.entityId ? { speakerId: s.entityId } : {}), ...(s ? { speakerName: s.name } : {}) };
      const remark = this.remarkOf(s ? s.entityId ?? `name:${s.name.toLowerCase()}` : undefined, q.text, added);
      remark.count++;
      quoted.push({ ref, remark });
    });
    return quoted;
  }

  private remarkOf(speaker: string | undefined, text: string, added: Set<Remark>): Remark {
    const { stems, content, said } = stemsOf(text);
    const key = `${speaker ?? ''}|${said}`;
    const known = this.remarks.get(key);
    if (known) return known;
    const wording = this.wordings.get(said) ?? this.wordings.set(said, { said, remarks: 0, round: 0, firstAttributed: -1, firstUnattributed: -1 }).get(said)!;
    wording.remarks++;
    const number = (w: string) => this.numbers.get(w) ?? this.numbers.set(w, this.numbers.size).get(w)!;
    const speakerNumber = speaker === undefined ? 0 : this.speakers.get(speaker) ?? this.speakers.set(speaker, this.speakers.size + 1).get(speaker)!;
    const remark: Remark = { key, speaker, speakerNumber, wording, stems, content: content.map(number).sort((x, y) => x - y), count: 0, seen: 0, first: 0, round: 0 };
    this.remarks.set(key, remark);
    added.add(remark);
    return remark;
  }

  /** A remark no article quotes any more leaves the lists and its matches. */
  private forget(r: Remark): void {
    this.byWord.delete(r, r.content);
    if (r.rarest) this.byRarest.delete(r, r.rarest);
    for (const other of r.matches?.keys() ?? []) other.matchedBy!.delete(r);
    for (const other of r.matchedBy ?? []) other.matches!.delete(r);
    this.remarks.delete(r.key);
    if (!--r.wording.remarks) this.wordings.delete(r.wording.said);
  }

  /**
   * A new remark's matches: as the shorter one, among the remarks holding one of its rarest words; as the longer
   * one, among the remarks already there whose rarest words it holds (new remarks find each other the first way).
   */
  private search(r: Remark, added: Set<Remark>): void {
    let seen = ++this.searches;
    for (const w of r.rarest ?? []) {
      for (const list of this.byWord.lists(w, r.speaker)) {
        for (const other of list ?? []) {
          if (other.seen === seen || other === r) continue;
          other.seen = seen;
          if (other.stems.length >= r.stems.length) this.match(r, other);
        }
      }
    }
    seen = ++this.searches;
    for (const w of r.content) {
      for (const list of this.byRarest.lists(w, r.speaker)) {
        for (const other of list ?? []) {
          if (other.seen === seen || added.has(other)) continue;
          other.seen = seen;
          if (other.stems.length <= r.stems.length) this.match(other, r);
        }
      }
    }
  }

  private match(short: Remark, long: Remark): void {
    const score = agreement(short, long);
    if (!score) return;
    (short.matches ??= new Map()).set(long, score);
    (long.matchedBy ??= new Set()).add(short);
  }

  /** The quotes in the corpus's order, linked where they match, best matches first, into utterances. */
  private group(view: CorpusView): Utterance[] {
    const round = ++this.rounds;
    const items: Quoted[] = [];
    for (const path of view.articles.keys()) for (const q of this.articles.get(path)!.quoted) items.push(q);
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
    for (const r of this.remarks.values()) {
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
    // The groups in the order of their first quotes, each as a run of quote numbers in `order`.
    const group = new Int32Array(n).fill(-1), size = new Int32Array(n + 1), order = new Int32Array(n);
    let groups = 0;
    for (let i = 0; i < n; i++) {
      const r = root(i);
      if (group[r] < 0) group[r] = groups++;
      size[group[r] + 1]++;
    }
    for (let g = 1; g <= groups; g++) size[g] += size[g - 1];
    const next = size.slice(0, groups);
    for (let i = 0; i < n; i++) order[next[group[root(i)]]++] = i;
    const utterances: Utterance[] = [];
    for (let g = 0; g < groups; g++) utterances.push(utteranceOf(Array.from(order.subarray(size[g], size[g + 1]), i => items[i])));
    return utterances.sort((x, y) => byPlace(x.quotes[0], y.quotes[0]));
  }
}

const byPlace = (x: QuoteRef, y: QuoteRef) => (x.path < y.path ? -1 : x.path > y.path ? 1 : x.start - y.start);

/** The utterance of a group of quotes (in the corpus's order); the one made last time when the group and its longest version are the same. */
function utteranceOf(group: Quoted[]): Utterance {
  const longest = group.reduce((best, g) => (g.remark.stems.length > best.remark.stems.length ? g : best), group[0]);
  const last = group[0].utterance;
  if (last && last.quotes.length === group.length && last.text === longest.ref.text && group.every(g => g.utterance === last)) return last;
  const quotes = group.map(g => g.ref).sort(byPlace);
  const named = quotes.find(q => q.speakerId) ?? quotes.find(q => q.speakerName);
  const utterance: Utterance = {
    id: `utterance:${named?.speakerId ?? 'unknown'}:${quotes[0].path}:${quotes[0].start}`,
    ...(named?.speakerId ? { speakerId: named.speakerId } : {}), ...(named?.speakerName ? { speakerName: named.speakerName } : {}),
    text: longest.ref.text, quotes, sources: [...new Set(quotes.map(q => q.path))].sort(),
  };
  for (const g of group) g.utterance = utterance;
  return utterance;
}
