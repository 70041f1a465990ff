// CoNLL (the two-column layout of CoNLL-2003 that taggers train on): a token and its IOB2 tag per line, a
// blank line after each sentence, `-DOCSTART- O` before each article. The entities are the article's as the
// user sees them: their annotations added, their "Not an entity" removed, types and links as corrected.
import type { ArticleView, CorpusView } from '../corpus';
import type { EntityType, Mention } from '../model';
import { sentences } from '../text/sentences';
import type { Span } from '../text/span';
import { tokenize } from '../text/tokens';

/** The tags: CoNLL-2003's PER, ORG, LOC and MISC, and DATE as OntoNotes names it. */
export const CONLL_TAGS: Record<EntityType, string> = { PERSON: 'PER', ORG: 'ORG', PLACE: 'LOC', DATE: 'DATE', MISC: 'MISC' };

export const CONLL_DOCSTART = '-DOCSTART- O';

/** The article's entity mentions that IOB2 can tag: by start, without those overlapping an earlier one. */
export function taggableMentions(article: ArticleView): Mention[] {
  const kept: Mention[] = [];
  for (const m of [...article.mentions].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (!CONLL_TAGS[m.type] || m.end <= m.start) continue;
    if (kept.length && kept[kept.length - 1].end > m.start) continue;
    kept.push(m);
  }
  return kept;
}

/** Tokens of a stretch, cut where a mention begins or ends inside one ("Trump" of "Trump's"). */
function tokensOf(text: string, sentence: Span, cuts: Set<number>): Span[] {
  const out: Span[] = [];
  for (const t of tokenize(text.slice(sentence.start, sentence.end), sentence.start)) {
    let start = t.start;
    for (let i = t.start + 1; i < t.end; i++) {
      if (!cuts.has(i)) continue;
      out.push({ start, end: i });
      start = i;
    }
    out.push({ start, end: t.end });
  }
  return out;
}

/** One article's lines: its tokens with their tags, sentences apart (never inside an entity). */
export function conllLines(article: ArticleView): string[] {
  const { text } = article;
  const mentions = taggableMentions(article);
  const cuts = new Set(mentions.flatMap(m => [m.start, m.end]));
  const lines = [CONLL_DOCSTART, ''];
  let i = 0; // the first mention not yet behind us
  let open: Mention | undefined; // the mention the last token was in
  let sentenceOpen = false;
  for (const sentence of sentences(text)) {
    for (const token of tokensOf(text, sentence, cuts)) {
      while (i < mentions.length && mentions[i].end <= token.start) i++;
      const m = i < mentions.length && mentions[i].start <= token.start && token.end <= mentions[i].end ? mentions[i] : undefined;
      lines.push(`${text.slice(token.start, token.end)} ${m ? `${m === open ? 'I' : 'B'}-${CONLL_TAGS[m.type]}` : 'O'}`);
      open = m;
      sentenceOpen = true;
    }
    // a sentence ends here unless an entity runs on into the next one
    if (sentenceOpen && !(open && open.end > sentence.end)) {
      lines.push('');
      sentenceOpen = false;
      open = undefined;
    }
  }
  if (sentenceOpen) lines.push('');
  return lines;
}

/** The corpus in CoNLL, an article at a time. */
export function* exportConllChunks(view: CorpusView): Generator<string> {
  for (const article of view.articles.values()) yield conllLines(article).map(l => l + '\n').join('');
}
