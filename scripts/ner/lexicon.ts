import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Doc } from './conll';
import { emptyLexicon, type Lexicon } from '../../src/core/ner/tagger/features';
import { tokenize } from '../../src/core/text/tokens';
import { sentences } from '../../src/core/text/sentences';
import { buildClusters } from './clusters';

const MAX_LOWERCASE = 40000;

function textFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...textFiles(p));
    else if (entry.name.endsWith('.txt')) out.push(p);
  }
  return out;
}

/**
 * What the features know beyond the labelled sentences: the words ordinary news text writes in lower case
 * (from the training text and any unlabelled news given), and the gazetteers of scripts/ner/gazetteers.mjs.
 */
export async function buildLexicon(train: Doc[], unlabelled: string[], withGazetteers: boolean, withClusters = true): Promise<Lexicon> {
  const lexicon = emptyLexicon();
  // how often each word is written in lower case, and capitalised where a sentence does not force it
  const lower = new Map<string, number>();
  const capital = new Map<string, number>();
  const count = (w: string, sentenceStart: boolean) => {
    if (/^\p{Ll}[\p{Ll}'’-]*$/u.test(w)) lower.set(w, (lower.get(w) ?? 0) + 1);
    else if (!sentenceStart && /^\p{Lu}\p{Ll}[\p{Ll}'’-]*$/u.test(w)) capital.set(w.toLowerCase(), (capital.get(w.toLowerCase()) ?? 0) + 1);
  };
  for (const doc of train) for (const s of doc.sentences) s.words.forEach((w, i) => count(w, i === 0));
  const unlabelledSentences: string[][] = [];
  for (const dir of unlabelled) {
    for (const file of textFiles(dir)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const s of sentences(text)) {
        const words = tokenize(text.slice(s.start, s.end)).map(t => t.text);
        words.forEach((w, i) => count(w, i === 0));
        unlabelledSentences.push(words);
      }
    }
  }
  if (withClusters) {
    // word clusters from all the text at hand, labels unused
    const clusters = buildClusters([...train.flatMap(d => d.sentences.map(s => s.words)), ...unlabelledSentences]);
    for (const [w, c] of clusters) lexicon.clusters.set(w, c);
  }
  // words news writes in lower case at least twice as often as capitalised mid-sentence
  [...lower].filter(([w, n]) => n >= 2 && n >= 2 * (capital.get(w) ?? 0)).sort((a, b) => b[1] - a[1]).slice(0, MAX_LOWERCASE).forEach(([w]) => lexicon.lowercase.add(w));
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
