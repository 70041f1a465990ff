import type { Mention } from '../model';
import type { Span } from '../text/span';
import { isCapitalised, type Token } from '../text/tokens';

/*
 * Who leads which country, as the article itself says it: "North Korean leader Kim Jong Un", "U.S. President
 * Donald Trump" (the title the recogniser reads with a name), "Top leader of the Democratic People's Republic of
 * Korea (DPRK) Kim Jong Un". With it, "the DPRK leader" and "the U.S. president" are those people, and "the two
 * leaders" the two leaders the article named last. Nothing is known beforehand: an article that never says
 * who leads a country resolves no such phrase.
 */

/** Words that head a leader's title ("leader", "President", "Prime Minister"). */
const HEADS = /\b(?:leader|president|chairman|premier|prime minister|chancellor|king|queen|ruler|emperor|head of state)$/i;

export interface Leader {
  /** The country as the article writes it in the title or apposition ("North Korean", "DPRK", "U.S."); '' when the title names none. */
  country: string;
  person: Mention;
}

/** Two ways of writing a country are one when equal, or one is the other's adjective ("North Korea", "North Korean"; "Vietnam", "Vietnamese"). */
export function sameCountry(a: string, b: string): boolean {
  const x = a.toLowerCase().replace(/\./g, ''), y = b.toLowerCase().replace(/\./g, '');
  if (!x || !y) return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 4 && long.length - short.length <= 3 && long.startsWith(short.replace(/[aeiou]$/, ''));
}

/** The country a title names ("North Korean leader" → "North Korean"; "President" → none). */
function countryOfTitle(title: string): string | undefined {
  const m = /^(.*?)\s+(?:top\s+|supreme\s+)?(\S+(?:\s+minister)?(?:\s+of\s+state)?)$/i.exec(title.trim());
  return m && HEADS.test(title) && isCapitalised(m[1]) ? m[1] : undefined;
}

/** The leaders an article names, in the order of their naming. */
export function leadersOf(text: string, mentions: readonly Mention[]): Leader[] {
  const out: Leader[] = [];
  const people = mentions.filter(m => m.type === 'PERSON');
  for (const p of people) {
    // a title without a country ("President Donald Trump", "Chairman Kim") makes a leader of no known country
    if (p.title && HEADS.test(p.title)) { out.push({ country: countryOfTitle(p.title) ?? '', person: p }); continue; }
    // "leader of the Democratic People's Republic of Korea (DPRK) Kim Jong Un": the places between the title and the name
    const before = text.slice(Math.max(0, p.start - 120), p.start);
    const m = /\b(?:leader|president|chairman|premier|prime minister|king|ruler)\s+of\s+(?:the\s+)?([^,.;:\n]*?)\s*$/i.exec(before);
    if (!m) continue;
    const from = p.start - m[0].length + m[0].indexOf(m[1]);
    const places = mentions.filter(x => x.type === 'PLACE' && x.start >= from && x.end <= p.start);
    for (const place of places) out.push({ country: place.text, person: p });
  }
  return out.sort((a, b) => a.person.start - b.person.start);
}

/** The person who leads `country` by the article's own naming, the latest naming before `at` first. */
export function leaderOf(leaders: readonly Leader[], country: string, at: number): Mention | undefined {
  const known = leaders.filter(l => sameCountry(l.country, country));
  return (known.filter(l => l.person.start < at).pop() ?? known[0])?.person;
}

const nameWords = (m: Mention) => new Set(m.text.split(/\s+/));

/**
 * "The two leaders", "the leaders", "both leaders": the two people of different countries the article named
 * as leaders and mentioned last before the phrase ("Kim" counts as a mention of "Kim Jong Un").
 */
export function lastTwoLeaders(leaders: readonly Leader[], mentions: readonly Mention[], at: number): Mention[] {
  const byCountry: Leader[] = [];
  for (const l of leaders) if (!byCountry.some(b => sameCountry(b.country, l.country) || b.person.text === l.person.text)) byCountry.push(l);
  if (byCountry.length < 2) return [];
  const lastSeen = (l: Leader) => {
    const words = nameWords(l.person);
    const seen = mentions.filter(m => m.type === 'PERSON' && m.start < at && [...nameWords(m)].every(w => words.has(w)));
    return seen.length ? seen[seen.length - 1].start : -1;
  };
  return byCountry.map(l => ({ l, seen: lastSeen(l) })).filter(x => x.seen >= 0).sort((a, b) => b.seen - a.seen).slice(0, 2).map(x => x.l.person);
}

/** "the (two) leaders", "both leaders" at token i of a clause: the span it covers, or undefined. */
export function leadersPhrase(tokens: readonly Token[], i: number): Span | undefined {
  const w = (k: number) => tokens[k]?.text.toLowerCase() ?? '';
  if (w(i) !== 'the' && w(i) !== 'both') return undefined;
  const k = w(i + 1) === 'two' ? i + 2 : i + 1;
  return w(k) === 'leaders' ? { start: tokens[i].start, end: tokens[k].end } : undefined;
}
