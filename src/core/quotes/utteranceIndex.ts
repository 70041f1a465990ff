import type { ArticleView, CorpusView } from '../corpus';
import { agreement, prefixWords, stemsOf } from './quoteWords';
import { UtteranceGroups, type ArticleQuotes, type Quoted, type Remark, type Wording } from './utteranceGroups';
import type { QuoteRef, Utterance } from './utterance';

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
 * changes: an article whose view is new has its quotes read again, only words no article quoted before are
 * compared with the rest of the corpus, and only the quotes linked to what changed are grouped again
 * (utteranceGroups.ts). Article views are taken as given, never changed afterwards (the corpus makes a new view).
 */
export class UtteranceIndex {
  /** By path: the article view last seen (an unchanged article keeps its view across corpus views) and its speech quotes. */
  private readonly articles = new Map<string, ArticleQuotes>();
  private readonly remarks = new Map<string, Remark>();
  private readonly wordings = new Map<string, Wording>();
  private readonly numbers = new Map<string, number>();
  private readonly speakers = new Map<string, number>();
  /** Remarks by all their content words, and by their rarest only. */
  private readonly byWord = new WordLists();
  private readonly byRarest = new WordLists();
  private readonly groups = new UtteranceGroups();
  private searches = 0;

  /** The last view brought up to date with, and its utterances. */
  private last: { view: CorpusView; utterances: Utterance[] } | undefined;

  /**
   * The utterances of the corpus as `view` has it; equal to groupUtterances(view), whatever views came before.
   * Brought up to date only for the articles whose view is new, and not at all for the view of the last call.
   */
  update(view: CorpusView): Utterance[] {
    if (this.last?.view !== view) this.last = { view, utterances: this.regroup(view) };
    return this.last.utterances;
  }

  private regroup(view: CorpusView): Utterance[] {
    const added = new Set<Remark>(), inOrder: ArticleQuotes[] = [], emptied: Remark[] = [];
    const drop = (known: ArticleQuotes) => {
      for (const q of known.quoted) {
        q.remark.quoted.delete(q);
        this.groups.touch(q.remark);
        if (!q.remark.quoted.size) emptied.push(q.remark);
      }
    };
    view.articles.forEach((article, path) => {
      let known = this.articles.get(path);
      if (known?.view !== article) {
        if (known) drop(known);
        this.articles.set(path, (known = this.read(article, added)));
      }
      inOrder.push(known);
    });
    // articles gone from the corpus: looked for only when there are any
    if (this.articles.size > inOrder.length) {
      for (const [path, known] of this.articles) if (view.articles.get(path) !== known.view) drop(known), this.articles.delete(path);
    }
    for (const r of emptied) if (!r.quoted.size) this.forget(r);
    // every new remark is listed before any is searched: new remarks find each other as the shorter one
    for (const r of added) this.byWord.add(r, r.content);
    for (const r of added) {
      r.rarest = prefixWords(r, w => this.byWord.count(w));
      if (r.rarest) this.byRarest.add(r, r.rarest);
    }
    for (const r of added) this.search(r, added);
    return this.groups.regroup(inOrder);
  }

  /** An article's speech quotes, each with its remark; remarks no article quoted before are added to `added`. */
  private read(view: ArticleView, added: Set<Remark>): ArticleQuotes {
    const article: ArticleQuotes = { view, quoted: [], rank: -1 };
    view.quotes.forEach((q, index) => {
      if (q.kind !== 'speech') return;
      const s = q.speaker;
      const ref: QuoteRef = { path: view.path, index, start: q.start, end: q.end, text: q.text, ...(s?.entityId ? { speakerId: s.entityId } : {}), ...(s ? { speakerName: s.name } : {}) };
      const remark = this.remarkOf(s ? s.entityId ?? `name:${s.name.toLowerCase()}` : undefined, q.text, added);
      const quoted: Quoted = { ref, remark, article };
      remark.quoted.add(quoted);
      this.groups.touch(remark);
      article.quoted.push(quoted);
    });
    return article;
  }

  private remarkOf(speaker: string | undefined, text: string, added: Set<Remark>): Remark {
    const { stems, content, said } = stemsOf(text);
    const key = `${speaker ?? ''}|${said}`;
    const known = this.remarks.get(key);
    if (known) return known;
    const wording = this.wordings.get(said) ?? this.wordings.set(said, { said, remarks: new Set(), round: 0, firstAttributed: -1, firstUnattributed: -1 }).get(said)!;
    const number = (w: string) => this.numbers.get(w) ?? this.numbers.set(w, this.numbers.size).get(w)!;
    const speakerNumber = speaker === undefined ? 0 : this.speakers.get(speaker) ?? this.speakers.set(speaker, this.speakers.size + 1).get(speaker)!;
    const remark: Remark = { key, speaker, speakerNumber, wording, quoted: new Set(), stems, content: content.map(number).sort((x, y) => x - y), seen: 0, visited: 0, first: 0, round: 0 };
    this.remarks.set(key, remark);
    wording.remarks.add(remark);
    if (!speaker) wording.unattributed = remark;
    added.add(remark);
    return remark;
  }

  /** A remark no article quotes any more leaves the lists and its matches. */
  private forget(r: Remark): void {
    this.groups.lose(r);
    this.byWord.delete(r, r.content);
    if (r.rarest) this.byRarest.delete(r, r.rarest);
    for (const other of r.matches?.keys() ?? []) other.matchedBy!.delete(r);
    for (const other of r.matchedBy ?? []) other.matches!.delete(r);
    this.remarks.delete(r.key);
    r.wording.remarks.delete(r);
    if (r.wording.unattributed === r) r.wording.unattributed = undefined;
    if (!r.wording.remarks.size) this.wordings.delete(r.wording.said);
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
}
