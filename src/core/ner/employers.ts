import type { Mention } from '../model';
import type { Token } from '../text/tokens';
import { isCapitalised } from '../text/tokens';
import { ROLE_WORDS, TITLES, has } from './lexicon';
import type { Lexicon } from './tagger/features';

/** At most this many title or role words between an employer and its person ("Chief Executive Officer"). */
const MOST_ROLE_WORDS = 4;

/**
 * "Wells Fargo Chief Executive John Stumpf", "former Penn State coach Joe Paterno": a name written before a
 * role and a person is where that person works, an organisation (a place when the gazetteer knows it as one,
 * "Ohio Gov. John Kasich"), wherever the article writes it; and its first word alone ("Wells said") too, when
 * no person of the article has that word for a name. The name is left a person when the article also writes
 * its last word alone (the "Obama" of "Michelle Obama chief of staff Tina Tchen"): that is how people are
 * named again, and an employer's last word ("Fargo", "State") is not.
 */
export function employers(tokenised: readonly Token[][], mentions: Mention[], lexicon: Lexicon): void {
  const byStart = new Map<number, Mention>();
  for (const m of mentions) if (m.type !== 'DATE') byStart.set(m.start, m);
  let alone: Map<string, number> | undefined; // capitalised words the article writes, how often (counted when first asked)
  const written = (word: string) => {
    if (!alone) {
      alone = new Map();
      for (const tokens of tokenised) for (const t of tokens) if (isCapitalised(t.text)) alone.set(t.text, (alone.get(t.text) ?? 0) + 1);
    }
    return alone.get(word) ?? 0;
  };
  const found = new Set<string>();
  let named: Map<string, number> | undefined; // how often the article writes each name (counted when first asked)
  const timesNamed = (name: string) => {
    if (!named) { named = new Map(); for (const m of mentions) named.set(m.text, (named.get(m.text) ?? 0) + 1); }
    return named.get(name) ?? 0;
  };
  for (const tokens of tokenised) {
    for (let i = 0; i < tokens.length; i++) {
      const m = byStart.get(tokens[i].start);
      if (!m || m.type !== 'PERSON' || found.has(m.text)) continue;
      let j = i;
      while (j < tokens.length && tokens[j].end <= m.end) j++;
      const first = j;
      while (j < tokens.length && j - first < MOST_ROLE_WORDS && isRoleWord(tokens[j].text)) j++;
      const next = j > first && j < tokens.length ? byStart.get(tokens[j].start) : undefined;
      if (next?.type !== 'PERSON') continue;
      const words = m.text.split(/\s+/);
      if (words.length < 2 || written(words[words.length - 1]) > timesNamed(m.text)) continue;
      found.add(m.text);
    }
  }
  if (!found.size) return;
  const persons = new Set<string>(); // the words of the article's people named in full
  for (const m of mentions) if (m.type === 'PERSON' && !found.has(m.text) && /\s/.test(m.text)) for (const w of m.text.split(/\s+/)) persons.add(w);
  const firsts = new Set([...found].map(name => name.split(/\s+/)[0]).filter(w => !persons.has(w)));
  for (const m of mentions) {
    if (found.has(m.text)) m.type = lexicon.gazetteer.get(m.text.toLowerCase())?.some(k => k.startsWith('LOC.')) ? 'PLACE' : 'ORG';
    else if (firsts.has(m.text) && m.type === 'PERSON') m.type = 'ORG';
  }
}

/** A title ("Chief", "Gov.") or a role ("coach", "spokesman", "Executive"), as news writes them before a name. */
function isRoleWord(word: string): boolean {
  return (isCapitalised(word) && has(TITLES, word)) || has(ROLE_WORDS, word) || ROLES.has(word.toLowerCase());
}

/** Roles that stand before a name in news and are not in the recogniser's title lists. */
const ROLES = new Set(['coach', 'executive', 'officer', 'employee', 'manager', 'chairman', 'president', 'vice', 'senior', 'former', 'economist', 'strategist', 'spokesperson']);
