// Reads PolNeAR: one article text and its brat standoff annotation (Source, Cue, Content spans linked by an
// `E` line per attribution). Offsets in brat count code points; they are turned into UTF-16 offsets here.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Span } from '../../src/core/text/span';

export interface GoldAttribution {
  source: Span[];
  cue: Span[];
  content: Span[];
}

export interface GoldArticle {
  name: string;
  text: string;
  attributions: GoldAttribution[];
}

/** UTF-16 offset of each code-point offset (identity for texts without astral characters). */
function codePointOffsets(text: string): (offset: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return o => o;
  const map: number[] = [];
  let u = 0;
  for (const ch of text) { map.push(u); u += ch.length; }
  map.push(u);
  return o => map[o];
}

export function readBrat(text: string, ann: string): GoldAttribution[] {
  const at = codePointOffsets(text);
  const spans = new Map<string, Span[]>();
  const relations: GoldAttribution[] = [];
  for (const line of ann.split('\n')) {
    const t = /^(T\d+)\t\S+ ([\d ;]+)\t/.exec(line);
    if (t) spans.set(t[1], t[2].split(';').map(f => { const [s, e] = f.trim().split(' ').map(Number); return { start: at(s), end: at(e) }; }));
  }
  for (const line of ann.split('\n')) {
    if (!/^E\d+\t/.test(line)) continue;
    const r: GoldAttribution = { source: [], cue: [], content: [] };
    for (const part of line.split('\t')[1].split(/\s+/)) {
      const [role, id] = part.split(':');
      const key = role.replace(/\d+$/, '').toLowerCase();
      if ((key === 'source' || key === 'cue' || key === 'content') && spans.has(id)) r[key].push(...spans.get(id)!);
    }
    relations.push(r);
  }
  return relations;
}

/** The articles of a PolNeAR folder; where several annotators worked on one, the first annotation is used. */
export function readPolnear(folder: string): GoldArticle[] {
  const files = fs.readdirSync(folder).sort();
  return files.filter(f => f.endsWith('.txt')).flatMap(f => {
    const name = f.slice(0, -4);
    const ann = files.find(a => a.endsWith('.ann') && a.slice(0, -9) === name);
    if (!ann) return [];
    const text = fs.readFileSync(path.join(folder, f), 'utf8');
    return [{ name, text, attributions: readBrat(text, fs.readFileSync(path.join(folder, ann), 'utf8')) }];
  });
}
