import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Doc } from './conll';
import { emptyLexicon, type Lexicon } from '../../src/core/ner/tagger/features';
import { tokenize } from '../../src/core/text/tokens';
import { sentences } from '../../src/core/text/sentences';
import { buildClusters } from './clusters';

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
  return lexicon;
}

/** Gazetteers distilled from npm data packages by scripts/ner/gazetteers.mjs (devDependencies). */
async function loadGazetteers(): Promise<Record<string, Iterable<string>>> {
  const file = path.join(process.cwd(), 'scripts', 'ner', 'gazetteers.mjs');
  const module = (await import(pathToFileURL(file).href)) as { loadGazetteers(): Promise<Record<string, Set<string>>> };
  return module.loadGazetteers();
}
