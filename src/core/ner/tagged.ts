import type { EntityType, Mention } from '../model';
import { sentences } from '../text/sentences';
import { isCapitalised, type Token } from '../text/tokens';
import { findDates } from './dates';
import { COUNTRIES, NATIONALITIES, PLACES, ROLE_WORDS, SURNAME_FIRST, TITLES, has } from './lexicon';
import { markGenders } from '../entities/gender';
import { employers } from './employers';
import { lineKinds, proseCapitals, truecaseHeadlines } from './headlines';
import { notAName, opensSentence } from './openings';
import { spansOf, type ConllType } from './tagger/labels';
import type { TaggerModel } from './tagger/model';
import { splitClitics } from './tagger/tokens';
import { tokensIn } from '../text/articleTokens';
import { pointAt, pointBefore } from '../text/codePoints';

const TYPE: Record<ConllType, EntityType> = { PER: 'PERSON', ORG: 'ORG', LOC: 'PLACE', MISC: 'MISC' };

// module constants: a literal with \p{…} is rebuilt on every call once bundled (esbuild writes it as new RegExp)
/** A capital, then a lower-case letter: "Trump", not "US" or "iPhone". */
const UPPER_LOWER = /^\p{Lu}\p{Ll}/u;
const UPPER_LOWER_OR_HYPHEN = /^\p{Lu}[\p{Ll}-]/u;
const HYPHENATED_PAIR = /(?<![\p{L}-])(\p{Lu}[\p{L}'’]*)((?:-\p{Lu}[\p{L}'’]*)+)(?![\p{L}-])/u;
const NAME_WORD = /^\p{Lu}[\p{L}'’-]+$/u;

/**
 * Entities by the trained tagger (people, organisations, places, other names) and dates by rule.
 * Titles stay outside names and are kept as the mention's title ("U.S. President", "North Korean leader").
 */
export function recogniseWithModel(text: string, model: TaggerModel): Mention[] {
  const dates = findDates(text);
  const mentions: Mention[] = dates.map(d => ({ start: d.start, end: d.end, text: d.text, type: 'DATE', origin: 'model' }));
  const inDate = new Uint8Array(text.length + 1);
  for (const d of dates) inDate.fill(1, d.start, d.end);
  const tokenised = sentences(text).map(s => splitClitics(tokensIn(text, s.start, s.end))).filter(t => t.length);
  // built by push, so that every sentence is the same kind of array to the tagger's compiled code (map() gave
  // packed and holey ones, and each new kind cost a deoptimisation)
  const kind = lineKinds(text, tokenised, model.lexicon);
  const prose = proseCapitals(tokenised, kind);
  const words = truecaseHeadlines(tokenised, kind, prose, model.lexicon).map(sentence => {
    const out: string[] = [];
    for (const word of sentence) out.push(ascii(word));
    return out;
  });
  const labels = model.tagDocument(words);
  tokenised.forEach((tokens, k) => {
    for (const tagged of spansOf(labels[k])) {
      // a name made a modifier is not one name with the name beside it (CoNLL tags "Ontario-based" a name of
      // its own kind): "the Hilary Clinton-run State Department" is the State Department
      const span = withoutModifier(tokens, tagged);
      let from = span.start;
      // a title the tagger took into a person's name ("Mr." "President") goes back to being a title; in an
      // organisation's name it is the name ("State Department", "Supreme Court"), all but an article ("The")
      const isTitle = span.type === 'ORG' ? (word: string) => /^(?:the|former|then)$/i.test(word) : (word: string) => has(TITLES, word);
      while (from < span.end - 1 && isTitle(tokens[from].text)) from++;
      // "Additionally, …", "Hey, …", "Meanwhile Trump said": a word capitalised because the sentence opens there
      if (opensSentence(tokens, from) && notAName(tokens[from].text, span.end - from === 1 && tokens[span.end]?.text === ',', model.lexicon, prose)) {
        if (span.end - from === 1) continue;
        from++;
      }
      // a headline's words the tagger read as a name though they went to lower case ("senator says budget deal")
      if (kind[tokens[from].start] && !isCapitalised(words[k][from])) continue;
      const first = tokens[from];
      // an organisation's last word the tagger left out as a title ("Penn State coach …", "Penn State.")
      const after = tokens[span.end];
      const tail = span.type === 'ORG' && after && isCapitalised(after.text) && has(TITLES, after.text) && !isCapitalised(tokens[span.end + 1]?.text ?? '') && text.slice(tokens[span.end - 1].end, after.start) === ' ';
      const last = tokens[tail ? span.end : span.end - 1];
      if (inDate[first.start] || inDate[last.end - 1]) continue;
      if (from === span.end - 1 && has(TITLES, first.text)) continue; // a title alone is no name
      // e-mail addresses and handles are not mentions ("Laignee.Barron@time.com", "@WhiteHouse")
      if (text[first.start - 1] === '@' || text[last.end] === '@') continue;
      // the plural possessive's apostrophe ("the United States’ willingness") is not part of the name
      // "John Kerry-led": the name ends where the modifier begins
      const end = span.modifierEnds ? last.start + last.text.indexOf('-') : /['’]$/.test(last.text) && last.text.length > 1 ? last.end - 1 : last.end;
      let type = TYPE[span.type];
      if (has(COUNTRIES, text.slice(first.start, end))) type = 'PLACE';
      const mention: Mention = { start: first.start, end, text: text.slice(first.start, end), type, origin: 'model' };
      if (type === 'PERSON') {
        const title = titleBefore(text, tokens, from);
        if (title) mention.title = title;
      }
      mentions.push(mention);
    }
  });
  honorifics(text, tokenised, words, mentions);
  countries(text, tokenised, mentions);
  employers(tokenised, mentions, model.lexicon);
  makeConsistent(text, mentions);
  markGenders(text, mentions, model.lexicon.genders);
  return mentions.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** A capitalised name made a modifier by a hyphen and a participle: "Clinton-run", "U.S.-backed", "Ohio-based". */
const MODIFIER = /^\p{Lu}[^\s-]*-(?:run|led|backed|based|owned|controlled|funded|linked|allied|sponsored|appointed|supported|dominated|held|affiliated|aligned|inspired|headed|operated|brokered|born|made)$/u;

const PLACE_MODIFIER = /-(?:born|based)$/;

/**
 * A tagged span's name where a word of it is a modifier: the name after the modifier ("U.S.-backed Syrian
 * Democratic Forces" → Syrian Democratic Forces); for a person, the name the modifier is made of when what
 * follows is no full name ("Donald Trump-led Republican field" → Donald Trump, "John Kerry-led" → John Kerry;
 * "German-born Chancellor Angela Merkel" → Angela Merkel). A place of birth or of business is no person
 * ("Cuban-born", "Dublin-based").
 */
function withoutModifier<S extends { type: string; start: number; end: number }>(tokens: Token[], span: S): S & { modifierEnds?: boolean } {
  for (let i = span.end - 1; i >= span.start; i--) {
    if (!MODIFIER.test(tokens[i].text)) continue;
    const after = span.end - i - 1;
    if (span.type === 'PER' && after < 2 && !PLACE_MODIFIER.test(tokens[i].text)) return { ...span, end: i + 1, modifierEnds: true };
    if (after > 0 && isCapitalised(tokens[i + 1].text)) return { ...span, start: i + 1 };
    return span;
  }
  return span;
}

/** The training text is ASCII: typographic quotes and apostrophes become plain ones (same length, same offsets). */
function ascii(word: string): string {
  return TYPOGRAPHIC.test(word) ? word.replace(/[’‘]/g, "'").replace(/[“”]/g, '"') : word;
}

const TYPOGRAPHIC = /[’‘“”]/;

/** A country's name the tagger left unlabelled ("senior US administration officials") is a place. */
function countries(text: string, tokenised: Token[][], mentions: Mention[]): void {
  const covered = new Uint8Array(text.length + 1);
  for (const m of mentions) covered.fill(1, m.start, m.end);
  for (const tokens of tokenised) {
    for (let i = 0; i < tokens.length; i++) {
      // a name starts with its first token's first letter: most tokens end here
      if (!isCapitalised(tokens[i].text)) continue;
      for (let n = 2; n >= 1; n--) {
        if (i + n > tokens.length) continue;
        const first = tokens[i];
        const last = tokens[i + n - 1];
        // two words a single space apart (/^\S+ \S+$/: tokens hold no white space), told before the lookup
        if (n === 2 && !(last.start === first.end + 1 && text.charCodeAt(first.end) === 32)) continue;
        const name = text.slice(first.start, last.end);
        if (name.length < 2 || !has(COUNTRIES, name)) continue;
        let free = true;
        for (let k = first.start; k < last.end && free; k++) if (covered[k]) free = false;
        if (!free) continue;
        mentions.push({ start: first.start, end: last.end, text: name, type: 'PLACE', origin: 'model' });
        covered.fill(1, first.start, last.end);
        break;
      }
    }
  }
}

const HONORIFIC = /^(Mr|Mrs|Ms|Dr|Mr\.|Mrs\.|Ms\.|Dr\.|President|Chairman|Chairwoman|Senator|Sen\.|Rep\.|Gov\.)$/;

/** "Mr. Kim", "President Moon": the capitalised words after an honorific are a person, whatever the tagger said. */
function honorifics(text: string, tokenised: Token[][], words: string[][], mentions: Mention[]): void {
  tokenised.forEach((tokens, k) => {
    // the words as the tagger read them: a headline's common words in lower case ("Senator says budget deal")
    const read = words[k];
    for (let i = 0; i + 1 < tokens.length; i++) {
      if (!HONORIFIC.test(tokens[i].text) || !UPPER_LOWER.test(read[i + 1]) || HONORIFIC.test(tokens[i + 1].text)) continue;
      let j = i + 1;
      while (j + 1 < tokens.length && j < i + 3 && UPPER_LOWER_OR_HYPHEN.test(read[j + 1])) j++;
      const start = tokens[i + 1].start;
      const end = tokens[j].end;
      const overlapping = mentions.filter(m => m.start < end && start < m.end);
      if (overlapping.some(m => m.type === 'PERSON')) continue;
      for (const m of overlapping) mentions.splice(mentions.indexOf(m), 1);
      mentions.push({ start, end, text: text.slice(start, end), type: 'PERSON', origin: 'model', title: tokens[i].text });
    }
  });
}

/**
 * One article, one reading: the same name gets the type most of its mentions got, and a lone family name
 * of a person named in full ("Kim" after "Kim Jong Un") is that person.
 */
function makeConsistent(text: string, mentions: Mention[]): void {
  const named = mentions.filter(m => m.type !== 'DATE');
  const votes = new Map<string, Map<EntityType, number>>();
  for (const m of named) {
    const v = votes.get(m.text) ?? new Map<EntityType, number>();
    v.set(m.type, (v.get(m.type) ?? 0) + 1);
    votes.set(m.text, v);
  }
  const family = new Set<string>();
  for (const m of named) {
    if (m.type !== 'PERSON') continue;
    const parts = m.text.split(/\s+/);
    if (parts.length < 2) continue;
    family.add(parts[parts.length - 1]);
    if (has(SURNAME_FIRST, parts[0])) family.add(parts[0]);
  }
  // a name written after an honorific anywhere in the article is a person everywhere in it
  for (const m of named) if (m.type === 'PERSON' && m.title && HONORIFIC.test(m.title.split(/\s+/).pop() ?? '')) family.add(m.text);
  // "the first Kim-Trump meeting", "the Trump-Kim Summit": two people named in the article, nothing more
  const split = new Set<Mention>();
  for (const m of named) {
    const pair = m.text.includes('-') ? HYPHENATED_PAIR.exec(m.text) : null; // a pair has its hyphen
    if (!pair) continue;
    const parts = pair[0].split('-');
    if (!parts.every(p => family.has(p))) continue;
    mentions.splice(mentions.indexOf(m), 1);
    split.add(m);
    let at = m.start + pair.index;
    for (const p of parts) { mentions.push({ start: at, end: at + p.length, text: p, type: 'PERSON', origin: 'model' }); at += p.length + 1; }
  }
  for (const m of named) {
    if (split.has(m)) continue;
    if (family.has(m.text)) { m.type = 'PERSON'; continue; }
    const v = votes.get(m.text)!;
    if (v.size > 1) m.type = [...v].sort((a, b) => b[1] - a[1])[0][0];
  }
  // and wherever else the article writes that name on its own, the tagger's miss is filled in
  if (!family.size) return;
  const covered = new Uint8Array(text.length + 1);
  for (const m of mentions) covered.fill(1, m.start, m.end);
  const names = [...family].filter(f => NAME_WORD.test(f)).flatMap(f => [f, f.toUpperCase()]);
  if (!names.length) return;
  for (const { start, end } of wordOccurrences(text, names)) {
    if (covered[start] || covered[end - 1]) continue;
    mentions.push({ start, end, text: text.slice(start, end), type: 'PERSON', origin: 'model' });
  }
}

const LETTER = /^\p{L}/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;
const UPPER = /^\p{Lu}/u;

/**
 * Where the names stand as words, in reading order, without overlaps: not after a letter, digit, "@", "." or
 * "-"; not before a letter, digit or "@", a hyphen and a capital, or a dot and a letter. At one place the
 * first name of the list that fits wins. One pass over the text, trying at each place only the names that
 * begin with its two characters: a search per name was names × length, on a 1 MB article most of its time.
 */
function wordOccurrences(text: string, names: string[]): { start: number; end: number }[] {
  // every name has two characters or more (NAME_WORD)
  const byStart = new Map<number, string[]>();
  const firsts = new Uint8Array(65536);
  for (const name of names) {
    const key = name.charCodeAt(0) * 65536 + name.charCodeAt(1);
    const list = byStart.get(key);
    if (list) list.push(name);
    else byStart.set(key, [name]);
    firsts[name.charCodeAt(0)] = 1;
  }
  const out: { start: number; end: number }[] = [];
  let after = 0;
  for (let start = 0; start + 1 < text.length; start++) {
    if (!firsts[text.charCodeAt(start)] || start < after) continue;
    const candidates = byStart.get(text.charCodeAt(start) * 65536 + text.charCodeAt(start + 1));
    if (!candidates) continue;
    if (start > 0) {
      const before = pointBefore(text, start);
      if (before === '@' || before === '.' || before === '-' || LETTER_OR_DIGIT.test(before)) continue;
    }
    for (const name of candidates) {
      const end = start + name.length;
      if (!text.startsWith(name, start)) continue;
      if (end < text.length) {
        const next = pointAt(text, end);
        if (next === '@' || LETTER_OR_DIGIT.test(next)) continue;
        if (next === '-' && end + 1 < text.length && UPPER.test(pointAt(text, end + 1))) continue;
        if (next === '.' && end + 1 < text.length && LETTER.test(pointAt(text, end + 1))) continue;
      }
      out.push({ start, end });
      after = end;
      break;
    }
  }
  return out;
}

/**
 * The title written before a person's name: capitalised titles ("Secretary of State"), a lower-case role
 * ("leader") and what qualifies it ("North Korean", "U.S."), as far back as such words go.
 */
function titleBefore(text: string, tokens: Token[], index: number): string | undefined {
  let k = index - 1;
  let sawTitle = false;
  while (k >= 0) {
    const w = tokens[k].text;
    if (has(TITLES, w) && (isCapitalised(w) || has(ROLE_WORDS, w))) { sawTitle = true; k--; continue; }
    // "Secretary of State", "Chief of Staff": a connector between two title words
    if (sawTitle && /^(of|the)$/.test(w) && k > 0 && has(TITLES, tokens[k - 1].text) && isCapitalised(tokens[k - 1].text)) { k--; continue; }
    if (!isCapitalised(w) && has(ROLE_WORDS, w)) { sawTitle = true; k--; continue; }
    if (sawTitle && (has(COUNTRIES, w) || has(NATIONALITIES, w) || has(PLACES, w) || /^(North|South|White)$/.test(w) || (k > 0 && has(NATIONALITIES, `${tokens[k - 1].text} ${w}`)))) { k--; continue; }
    break;
  }
  if (k + 1 >= index) return undefined;
  // never start on a connector ("of the")
  while (k + 1 < index && /^(of|the|and)$/i.test(tokens[k + 1].text)) k++;
  return k + 1 < index ? text.slice(tokens[k + 1].start, tokens[index - 1].end) : undefined;
}
