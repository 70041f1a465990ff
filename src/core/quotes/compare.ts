import type { ArticleView, CorpusView } from '../corpus';
import { containsOffset } from '../text/span';
import { compareWords, utteranceOf, type Utterance } from './utterances';

/** One quoted passage of an article, with the attribution that article gives it. */
export interface QuotePassage {
  /** Index into the article's `quotes`. */
  index: number;
  /** The quote's span in the article, quotation marks included. */
  start: number;
  end: number;
  text: string;
  speakerName?: string;
  speakerId?: string;
  /** How the speaker was found: "cue “said”, before the quote". */
  how?: string;
  /** The attribution verb, when there is one: "said". */
  cue?: string;
  /** Its words all appear in a longer passage of the same article: not repeated in the version's text. */
  repeat?: boolean;
}

/** A stretch of a version's words: the same as the reference's, only in this version, or the reference's left out here. */
export interface WordChange {
  text: string;
  change: 'same' | 'added' | 'missing';
}

/** One article's rendering of the utterance. */
export interface QuoteVersion {
  path: string;
  /** The article's file name without the extension: "xinhua-kim-trump-meet-hanoi". */
  outlet: string;
  /** The article's passages of this utterance, in reading order (usually one). */
  passages: QuotePassage[];
  /** The words as this article prints them; several passages joined by "… " (kept with the word before it when compared). */
  text: string;
  /** The span of the passage the comparison was started from (reference), else of the first passage. */
  start: number;
  end: number;
  /** The attribution of the first attributed passage (of the first passage when none is attributed). */
  speakerName?: string;
  speakerId?: string;
  how?: string;
  cue?: string;
  isReference: boolean;
  /**
   * Word by word against the reference, in this version's reading order and spelling: compareWords(this
   * version, the reference), its 'first' words `added`, its 'second' ones `missing`.
   */
  changes: WordChange[];
  /** How many words this version has that the reference does not, and the reference's words it leaves out. */
  added: number;
  missing: number;
  /** Word for word the reference's words (case, quotation marks and punctuation aside). */
  sameAsReference: boolean;
}

/** The versions of one utterance side by side: the reference first, then the other sources in path order. */
export interface QuoteComparison {
  utteranceId: string;
  /** Who said it, as the utterance is attributed across the sources. */
  speakerName?: string;
  speakerId?: string;
  reference: QuoteVersion;
  versions: QuoteVersion[];
}

/** The name an article goes by: its file name without the extension. */
export function outletName(path: string): string {
  const file = path.slice(path.lastIndexOf('/') + 1);
  let name = file;
  try { name = decodeURIComponent(file); } catch { /* a file name with a stray %: keep it as written */ }
  return name.replace(/\.[^.]+$/, '');
}

/** The first few words of a quote, for a title: "outcome that everybody will…". */
export function openingWords(text: string, count = 5): string {
  const words = text.trim().split(/\s+/);
  return words.length > count ? `${words.slice(0, count).join(' ').replace(/[,;:.!?]+$/, '')}…` : words.join(' ');
}

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** The passages of one article's version: attribution from the article's own quote, repeats marked. */
function passagesOf(view: CorpusView, utterance: Utterance, path: string): QuotePassage[] {
  const article = view.articles.get(path);
  const passages = utterance.quotes.filter(r => r.path === path).map((r): QuotePassage => {
    const q = article?.quotes[r.index];
    const speaker = q?.speaker;
    return {
      index: r.index, start: r.start, end: r.end, text: r.text,
      ...(speaker ? { speakerName: speaker.name } : {}), ...(speaker?.entityId ? { speakerId: speaker.entityId } : {}),
      ...(q?.how ? { how: q.how } : {}), ...(q?.cue ? { cue: q.cue.text } : {}),
    };
  });
  // a passage whose words all appear, in order, in a longer (or earlier identical) one is the same words again
  passages.forEach((p, i) => {
    const within = (o: QuotePassage, j: number) => j !== i && !o.repeat && (o.text.length > p.text.length || (o.text.length === p.text.length && j < i));
    if (passages.some((o, j) => within(o, j) && !compareWords(p.text, o.text).some(d => d.in === 'first'))) p.repeat = true;
  });
  return passages;
}

function versionOf(path: string, passages: QuotePassage[], at: QuotePassage): Omit<QuoteVersion, 'isReference' | 'changes' | 'added' | 'missing' | 'sameAsReference'> {
  const attributed = passages.find(p => p.speakerId) ?? passages.find(p => p.speakerName) ?? passages[0];
  return {
    path, outlet: outletName(path), passages,
    text: passages.filter(p => !p.repeat).map(p => p.text.trim()).join('… '),
    start: at.start, end: at.end,
    ...(attributed?.speakerName ? { speakerName: attributed.speakerName } : {}), ...(attributed?.speakerId ? { speakerId: attributed.speakerId } : {}),
    ...(attributed?.how ? { how: attributed.how } : {}), ...(attributed?.cue ? { cue: attributed.cue } : {}),
  };
}

/**
 * The versions of an utterance side by side, each marked word by word against the reference: the version of
 * the article (and quote) the comparison is started from, or else the first source's.
 */
export function compareVersions(view: CorpusView, utterance: Utterance, from?: { path: string; index: number }): QuoteComparison {
  const start = utterance.quotes.find(q => q.path === from?.path && q.index === from.index) ?? utterance.quotes[0];
  const [reference, ...others] = [start.path, ...utterance.sources.filter(p => p !== start.path)].map(path => {
    const passages = passagesOf(view, utterance, path);
    return versionOf(path, passages, passages.find(p => p.index === start.index && path === start.path) ?? passages[0]);
  });
  const versions = [reference, ...others].map((v, i): QuoteVersion => {
    const changes = compareWords(v.text, reference.text).map(d => ({ text: d.text, change: d.in === 'both' ? 'same' : d.in === 'first' ? 'added' : 'missing' } as WordChange));
    const added = changes.filter(c => c.change === 'added').reduce((n, c) => n + countWords(c.text), 0);
    const missing = changes.filter(c => c.change === 'missing').reduce((n, c) => n + countWords(c.text), 0);
    return { ...v, isReference: i === 0, changes, added, missing, sameAsReference: !added && !missing };
  });
  return {
    utteranceId: utterance.id,
    ...(utterance.speakerName ? { speakerName: utterance.speakerName } : {}), ...(utterance.speakerId ? { speakerId: utterance.speakerId } : {}),
    reference: versions[0], versions,
  };
}

/** The comparison for one quote of an article (its index in the article's quotes), or undefined for a quote in no utterance. */
export function compareQuote(view: CorpusView, utterances: readonly Utterance[], path: string, quoteIndex: number): QuoteComparison | undefined {
  const utterance = utteranceOf(utterances, path, quoteIndex);
  return utterance && compareVersions(view, utterance, { path, index: quoteIndex });
}

/**
 * The quote of an article meant by a place and, when known, its words: the quote with those words nearest the
 * place (it may have moved with an edit), else the quote around the place; -1 when there is none.
 */
export function findQuote(article: ArticleView, at: { start: number; text?: string }): number {
  let best = -1;
  article.quotes.forEach((q, i) => {
    if (q.text === at.text && (best < 0 || Math.abs(q.start - at.start) < Math.abs(article.quotes[best].start - at.start))) best = i;
  });
  return best >= 0 ? best : article.quotes.findIndex(q => containsOffset(q, at.start));
}
