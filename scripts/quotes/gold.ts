// What PolNeAR says of a quote we found, shared by the evaluation and the speaker model's training: the gold
// quotations of an attribution, the attribution a quote lies in, and whether a speaker is its Source.
import type { Span } from '../../src/core/text/span';
import type { GoldAttribution } from './brat';

export const overlap = (x: Span, y: Span) => Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
const PRONOUN = /^(he|she|they|it|we|i|you|his|her|their)$/i;

/** Gold quoted stretches of an attribution: each double-quoted run in its Content fragments. */
export function goldQuotes(text: string, r: GoldAttribution): Span[] {
  const out: Span[] = [];
  for (const f of r.content) {
    const s = text.slice(f.start, f.end);
    // curly, straight, and two apostrophes or backticks closed by two apostrophes (NYT style)
    const re = /“[^”“]*(?:”|$)|"[^"]*(?:"|$)|(?:''|``)(?:(?!'')[^])*(?:''|$)/g;
    for (let m = re.exec(s); m; m = re.exec(s)) if (/\p{L}/u.test(m[0])) out.push({ start: f.start + m.index, end: f.start + m.index + m[0].length });
  }
  return out;
}

/** The attribution whose Content holds at least half of a quote's words, if any. */
export function homeOf(attributions: GoldAttribution[], inner: Span): GoldAttribution | undefined {
  const len = Math.max(1, inner.end - inner.start);
  return attributions.find(r => r.content.reduce((n, f) => n + overlap(f, inner), 0) >= len / 2);
}

/** Is our speaker the gold Source? The same place in the text, or the same name. */
export function sameSpeaker(text: string, r: GoldAttribution, speaker: Span & { name: string }): 'span' | 'name' | false {
  if (r.source.some(s => overlap(s, speaker) > 0)) return 'span';
  const source = r.source.map(s => text.slice(s.start, s.end)).join(' ').toLowerCase();
  const words = speaker.name.replace(/['’]s$/, '').split(/\s+/).filter(w => /^\p{Lu}/u.test(w));
  const family = words[words.length - 1]?.toLowerCase();
  if (family && !PRONOUN.test(family) && new RegExp(`(^|[^\\p{L}])${family.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\p{L}]|$)`, 'u').test(source)) return 'name';
  return false;
}
