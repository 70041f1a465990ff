import type { EntityType, Mention } from '../model';
import { sentences, paragraphs } from '../text/sentences';
import type { Span } from '../text/span';
import { tokenize, isCapitalised, isWord, type Token } from '../text/tokens';
import { findDates } from './dates';
import { markGenders } from '../entities/gender';
import {
  COMMON_WORDS, COUNTRIES, EVENT_HEADS, FIRST_NAMES, NAME_CONNECTORS, NATIONALITIES, NOT_NAMES, ORGANISATIONS, ORG_HEADS, PERSON_TITLES,
  PLACES, PLACE_HEADS, ROLE_WORDS, SURNAME_FIRST, TITLES, WEEKDAYS, has,
} from './lexicon';

/**
 * Rule-based named-entity recognition: capitalised runs, titles split off, classified by word lists and
 * shape, then made consistent across the article (a surname seen in a full name is that person elsewhere).
 * The interface (text in, mentions out) is the one the trained tagger of issue 3 keeps.
 */
export function recogniseEntities(text: string): Mention[] {
  const dates = findDates(text);
  const mentions: Mention[] = dates.map(d => ({ start: d.start, end: d.end, text: d.text, type: 'DATE', origin: 'model' }));
  const inDate = new Uint8Array(text.length + 1);
  for (const d of dates) inDate.fill(1, d.start, d.end);
  const taken = (t: Token) => inDate[t.start] === 1 || inDate[t.end - 1] === 1;
  const headlines = paragraphs(text).filter(p => isHeadline(text.slice(p.start, p.end)));
  const pending: Token[][] = [];
  let h = 0;
  for (const sentence of sentences(text)) {
    const tokens = tokenize(text.slice(sentence.start, sentence.end), sentence.start);
    while (h < headlines.length && headlines[h].end < sentence.end) h++;
    const inHeadline = h < headlines.length && headlines[h].start <= sentence.start && sentence.end <= headlines[h].end;
    for (const run of capitalisedRuns(tokens, taken, inHeadline)) {
      const found = classify(text, run, tokens);
      mentions.push(...found);
      if (!found.some(m => m.type !== 'MISC' || run.words.length > 1 && !run.headline)) pending.push(run.words);
    }
  }
  resolveInArticle(text, mentions, pending);
  markGenders(text, mentions);
  return mentions.sort((a, b) => a.start - b.start || b.end - a.end);
}

interface Run {
  words: Token[];
  /** Index in the sentence's tokens of the first word. */
  index: number;
  headline: boolean;
}

/** A title-case or all-caps line: every word capitalised, short function words too. */
export function isHeadline(line: string): boolean {
  // most lines end a sentence: decided before tokenising
  if (/[.!?]["”]?$/.test(line.trim())) return false;
  const words = tokenize(line).filter(isWord);
  if (words.length < 3 || words.length > 20) return false;
  const capitals = words.filter(w => isCapitalised(w.text) || /^\d/.test(w.text)).length;
  return capitals / words.length >= 0.75 && words.some(w => has(COMMON_WORDS, w.text) && isCapitalised(w.text));
}

function capitalisedRuns(tokens: Token[], taken: (t: Token) => boolean, headline: boolean): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!isNameWord(t) || taken(t) || (headline && has(COMMON_WORDS, t.text))) { i++; continue; }
    const start = i;
    let j = i + 1;
    while (j < tokens.length) {
      const next = tokens[j];
      if (isNameWord(next) && !taken(next) && !(headline && has(COMMON_WORDS, next.text)) && next.start - tokens[j - 1].end <= 1) { j++; continue; }
      // connectors inside a name: "Bank of England", "People's Republic of Korea"
      if (!headline && has(NAME_CONNECTORS, next.text) && !isCapitalised(next.text) && j + 1 < tokens.length && isNameWord(tokens[j + 1]) && !taken(tokens[j + 1])) { j += 2; continue; }
      break;
    }
    runs.push({ words: tokens.slice(start, j), index: start, headline });
    i = j;
  }
  return runs.flatMap(splitAtOrganisationHead);
}

function isNameWord(t: Token): boolean {
  return isCapitalised(t.text) && isWord(t) && !(t.text.length > 1 && t.text === t.text.toUpperCase() && /^[A-Z]{2,}$/.test(t.text) && t.text.length > 5);
}

/** "Workers' Party Kim Yong Chol" → the party, then the person. */
function splitAtOrganisationHead(run: Run): Run[] {
  for (let k = 1; k < run.words.length - 1; k++) {
    const w = run.words[k];
    if (has(ORG_HEADS, w.text) && has(SURNAME_FIRST, run.words[k + 1].text) || has(ORG_HEADS, w.text) && has(FIRST_NAMES, run.words[k + 1].text)) {
      return [{ ...run, words: run.words.slice(0, k + 1) }, ...splitAtOrganisationHead({ ...run, words: run.words.slice(k + 1), index: run.index + k + 1 })];
    }
  }
  return [run];
}

// a module constant: a literal with \p{…} is rebuilt on every call once bundled (esbuild writes it as new RegExp)
const NAME_LIKE = /^\p{Lu}[\p{Ll}'’.-]*[\p{Ll}.]?$|^\p{Lu}\.$/u;
const POSSESSIVE = /['’]s?$/;
const bare = (word: string) => word.replace(POSSESSIVE, '');

/** Classifies one capitalised run: zero, one or two mentions (a country before a title: "U.S. President …"). */
function classify(text: string, run: Run, sentenceTokens: Token[]): Mention[] {
  let words = run.words.slice();
  const atSentenceStart = run.index === 0 || /^["“‘(–—-]$/.test(sentenceTokens[run.index - 1]?.text ?? '');
  // sentence-initial common words: "The", "When", "Calling"
  while (words.length && (has(COMMON_WORDS, bare(words[0].text)) || (atSentenceStart && words[0] === run.words[0] && words.length > 1 && /(ing|ed|ly)$/.test(words[0].text)))) {
    words = words.slice(1);
  }
  while (words.length && has(NAME_CONNECTORS, words[0].text)) words = words.slice(1);
  // "Later Mr. Trump", "Earlier President Trump": a sentence's first word before a title is not a name
  if (atSentenceStart && words.length > 2 && words[0] === run.words[0] && has(TITLES, words[1].text) && !has(TITLES, words[0].text) && !knownName(words[0].text)) words = words.slice(1);
  if (!words.length) return [];
  const out: Mention[] = [];
  // a country or nationality before a title: "U.S. President Donald Trump", "North Korean President Kim Jong Un"
  for (const n of [2, 1]) {
    if (words.length > n + 1 && has(TITLES, words[n].text) && !has(NAME_CONNECTORS, words[n].text)) {
      const prefix = text.slice(words[0].start, words[n - 1].end);
      const type: EntityType | undefined = has(COUNTRIES, prefix) || has(PLACES, prefix) ? 'PLACE' : has(NATIONALITIES, prefix) ? 'MISC' : has(ORGANISATIONS, prefix) ? 'ORG' : undefined;
      if (type) {
        out.push({ start: words[0].start, end: words[n - 1].end, text: prefix, type, origin: 'model' });
        break;
      }
    }
  }
  const prefixEnd = out.length ? out[0].end : -1;
  const titleStartIndex = words.findIndex(w => w.start > prefixEnd);
  let titleEnd = titleStartIndex;
  while (titleEnd < words.length - 1 && has(TITLES, words[titleEnd].text)) titleEnd++;
  // a title ending in a connector is no title ("Bank of …" is not a title; "Secretary of State" is)
  while (titleEnd > titleStartIndex && has(NAME_CONNECTORS, words[titleEnd - 1].text)) titleEnd--;
  const titleWords = words.slice(titleStartIndex, titleEnd);
  const nameWords = words.slice(titleEnd);
  const first = nameWords[0];
  const lastWord = nameWords[nameWords.length - 1];
  const start = first.start;
  const end = /['’]s$/.test(lastWord.text) && lastWord.text.length > 2 ? lastWord.end - 2 : lastWord.text.endsWith("'") || lastWord.text.endsWith('’') ? lastWord.end - 1 : lastWord.end;
  const name = text.slice(start, end);
  const lower = name.toLowerCase();
  const role = roleBefore(text, sentenceTokens, run.index + run.words.indexOf(words[0]));
  const writtenTitle = titleWords.length ? text.slice(out.length ? out[0].start : titleWords[0].start, titleWords[titleWords.length - 1].end) : '';
  const title = [role, writtenTitle].filter(Boolean).join(' ') || undefined;
  const emit = (type: EntityType): Mention[] => [...out, { start, end, text: name, type, origin: 'model', ...(title && type === 'PERSON' ? { title } : {}) }];
  const lastBare = bare(lastWord.text);
  const before = sentenceTokens[run.index - 1];
  const after = sentenceTokens[run.index + run.words.length];

  if (has(NATIONALITIES, lower) || has(NATIONALITIES, bare(lower))) return emit('MISC');
  if (has(COUNTRIES, lower) || has(PLACES, lower) || has(COUNTRIES, bare(lower)) || has(PLACES, bare(lower))) return emit('PLACE');
  if (has(ORGANISATIONS, lower) || has(ORGANISATIONS, bare(lower))) return emit('ORG');
  if (nameWords.length > 1 && has(EVENT_HEADS, lastBare)) return emit('MISC');
  if (nameWords.length > 1 && has(ORG_HEADS, lastBare)) return emit('ORG');
  if (nameWords.length > 1 && has(PLACE_HEADS, lastBare)) return emit('PLACE');
  // "Workers' Party of Korea", "Republic of Korea": the head before "of" decides
  const ofAt = nameWords.findIndex((w, k) => k > 0 && w.text === 'of');
  if (ofAt > 0 && has(ORG_HEADS, bare(nameWords[ofAt - 1].text))) return emit('ORG');
  if (ofAt > 0 && has(PLACE_HEADS, bare(nameWords[ofAt - 1].text))) return emit('PLACE');
  // "the hotel Metropole Hanoi", "the Sofitel Legend Metropole hotel"
  const possessive = /['’]s?$/.test(lastWord.text);
  const headNoun = (t: Token | undefined, heads: Set<string>) => Boolean(t && !isCapitalised(t.text) && has(heads, t.text));
  if (headNoun(before, PLACE_HEADS) || (!possessive && headNoun(after, PLACE_HEADS))) return emit('PLACE');
  if (headNoun(before, ORG_HEADS) || (!possessive && headNoun(after, ORG_HEADS))) return emit('ORG');
  if (/^(Ministry|Department|University|Bank|Bureau|Council|Committee|Office|Institute|Board|House)$/.test(first.text) && nameWords.length > 2) return emit('ORG');
  if (/^(Republic|Kingdom|Gulf|Sea|Bay|Isle|Lake|Mount|City|Province|State)$/.test(first.text) && nameWords.length > 2) return emit('PLACE');
  if (/^(North|South|East|West)$/.test(first.text) && nameWords.length === 2 && (has(COUNTRIES, nameWords[1].text) || has(PLACES, nameWords[1].text))) return emit('PLACE');
  const personTitle = titleWords.some(w => has(PERSON_TITLES, w.text)) || Boolean(role);
  if (nameWords.length === 1) {
    if (has(NOT_NAMES, name)) return out;
    if (/^[A-Z]{2,4}$/.test(name)) return emit('ORG');
    if (personTitle) return emit('PERSON');
    return out; // decided at article level
  }
  if (run.headline && !personTitle) return out; // headline words are decided at article level, one by one
  const nameLike = nameWords.every(w => NAME_LIKE.test(w.text) || has(NAME_CONNECTORS, w.text));
  const lexiconWord = nameWords.some(w => has(COMMON_WORDS, bare(w.text)) || has(COUNTRIES, bare(w.text)) || has(PLACES, bare(w.text)) || has(NATIONALITIES, bare(w.text)));
  if (nameLike && (personTitle || has(FIRST_NAMES, first.text) || has(SURNAME_FIRST, first.text) || (nameWords.length <= 3 && !lexiconWord))) return emit('PERSON');
  if (nameWords.length === 2 && (has(PLACES, lastBare) || has(COUNTRIES, lastBare))) return emit('PLACE');
  return emit(nameWords.some(w => /^[A-Z]{2,}$/.test(w.text)) ? 'ORG' : 'MISC');
}

function knownName(word: string): boolean {
  return has(COUNTRIES, word) || has(PLACES, word) || has(NATIONALITIES, word) || has(ORGANISATIONS, word) || has(FIRST_NAMES, word) || has(SURNAME_FIRST, word);
}

/** "North Korean leader Kim Jong Un": the lower-case role word and what qualifies it, kept as the title. */
function roleBefore(text: string, tokens: Token[], index: number): string | undefined {
  const prev = tokens[index - 1];
  if (!prev || !has(ROLE_WORDS, prev.text) || isCapitalised(prev.text)) return undefined;
  let k = index - 2;
  while (k >= 0 && (isCapitalised(tokens[k].text) || tokens[k].text === '.') && isWord(tokens[k]) && !has(COMMON_WORDS, tokens[k].text)) k--;
  return text.slice(tokens[k + 1].start, prev.end);
}

/**
 * Article-level consistency: a single capitalised word that is the family name of a person named in full
 * elsewhere in the article is that person ("Trump", "Kim"); other single words are places or organisations
 * only when a word list knows them.
 */
function resolveInArticle(text: string, mentions: Mention[], pending: Token[][]): void {
  const people = mentions.filter(m => m.type === 'PERSON' && /\s/.test(m.text));
  const surnames = new Set<string>();
  for (const p of people) {
    const parts = p.text.split(/\s+/);
    surnames.add(parts[parts.length - 1].toLowerCase());
    if (has(SURNAME_FIRST, parts[0])) surnames.add(parts[0].toLowerCase());
  }
  for (const m of mentions) if (m.type === 'PERSON' && !/\s/.test(m.text)) surnames.add(m.text.toLowerCase());
  const covered = new Uint8Array(text.length + 1);
  for (const m of mentions) covered.fill(1, m.start, m.end);
  const free = (span: Span) => { for (let i = span.start; i < span.end; i++) if (covered[i]) return false; return true; };
  for (const words of pending) {
    for (const w of words) {
      const bare = w.text.replace(/['’]s$/, '');
      const span: Span = { start: w.start, end: w.start + bare.length };
      if (!free(span)) continue;
      const parts = bare.split('-');
      if (parts.length > 1 && parts.every(p => surnames.has(p.toLowerCase()))) {
        let offset = w.start;
        for (const p of parts) {
          mentions.push({ start: offset, end: offset + p.length, text: p, type: 'PERSON', origin: 'model' });
          offset += p.length + 1;
        }
        continue;
      }
      const type: EntityType | undefined = surnames.has(bare.toLowerCase()) ? 'PERSON'
        : has(COUNTRIES, bare) || has(PLACES, bare) ? 'PLACE'
        : has(ORGANISATIONS, bare) ? 'ORG'
        : has(NATIONALITIES, bare) ? 'MISC'
        : undefined;
      if (type && !has(COMMON_WORDS, bare) && !has(WEEKDAYS, bare)) mentions.push({ ...span, text: text.slice(span.start, span.end), type, origin: 'model' });
    }
  }
}
