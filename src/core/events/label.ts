import type { EventItem } from './group';

/*
 * An event's label as a reader writes it in a timeline: the noun (with its ordinal and the word that says
 * what kind), the participants by the names the articles write, and the place — "Second Trump–Kim summit,
 * Hanoi", "North Korea's nuclear test". Never a sentence.
 */

function mostCommon(values: (string | undefined)[]): { value?: string; count: number } {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let value: string | undefined, count = 0;
  for (const [v, n] of counts) if (n > count) { value = v; count = n; }
  return { value, count };
}

/** The shortest name the mentions write for an entity ("Trump" rather than "Donald Trump"). */
function writtenName(items: readonly EventItem[], id: string): string {
  let name = '';
  for (const i of items) i.participants.forEach((p, k) => { if (p === id && (!name || i.names[k].length < name.length)) name = i.names[k]; });
  return name;
}

const possessive = (name: string) => (/s$/.test(name) ? `${name}’` : `${name}’s`);

export function eventLabel(items: readonly EventItem[]): string {
  // the noun: the one the mentions write most, a noun written as such counting twice a verb's ("summit" over "met")
  const weighted = items.flatMap(i => (i.text.toLowerCase().startsWith(i.noun.slice(0, 4)) && !/ed$/.test(i.text.toLowerCase()) ? [i.noun, i.noun] : [i.noun]));
  const noun = mostCommon(weighted).value ?? items[0].noun;
  const same = items.filter(i => i.noun === noun);
  const ordinal = mostCommon(items.map(i => i.ordinal)).value;
  const modifier = mostCommon(same.map(i => i.modifier));
  const what = [ordinal, modifier.count * 3 >= same.length ? modifier.value : undefined, noun].filter(Boolean).join(' ');
  const counts = new Map<string, number>();
  for (const i of items) for (const p of new Set(i.participants)) counts.set(p, (counts.get(p) ?? 0) + 1);
  const who = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([id]) => writtenName(items, id)).filter(Boolean);
  const place = mostCommon(items.map(i => i.placeName)).value;
  let label: string;
  if (who.length === 2) label = [ordinal, `${who[0]}–${who[1]}`, modifier.count * 3 >= same.length ? modifier.value : undefined, noun].filter(Boolean).join(' ');
  else if (who.length === 1) label = `${possessive(who[0])} ${what}`;
  else label = what;
  if (place && !who.includes(place)) label += `, ${place}`;
  return label.charAt(0).toUpperCase() + label.slice(1);
}
