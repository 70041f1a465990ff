// Reads TimeML documents (TimeBank, TempEval-3): the plain text of <TEXT> with the tags stripped and the
// entities decoded, every TIMEX3 in it with its span in that text, type and value, and the document creation
// time (DCT) from <DCT>.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface GoldTimex { start: number; end: number; type: string; value: string; text: string }
/** An EVENT trigger with its TimeML class (OCCURRENCE, REPORTING, STATE…) and its instance's part of speech and tense. */
export interface GoldEvent { start: number; end: number; eid: string; eventClass: string; pos: string; tense: string; text: string }
export interface TimemlDocument { name: string; text: string; created: string; timexes: GoldTimex[]; events: GoldEvent[] }

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|apos|#\d+);/g, (_, e: string) => e.startsWith('#') ? String.fromCharCode(Number(e.slice(1))) : ENTITIES[e]);
const attribute = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? '';

export function readTimeml(name: string, xml: string): TimemlDocument {
  const created = attribute(/<DCT>\s*(<TIMEX3[^>]*>)/.exec(xml)?.[1] ?? '', 'value').slice(0, 10);
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';
  let text = '';
  const timexes: GoldTimex[] = [];
  const events: GoldEvent[] = [];
  const instances = new Map<string, string>();
  for (const m of xml.matchAll(/<MAKEINSTANCE[^>]*>/g)) instances.set(attribute(m[0], 'eventID'), m[0]);
  let event: { start: number; tag: string } | undefined;
  const open: { start: number; type: string; value: string }[] = [];
  const re = /<(\/?)([A-Za-z0-9]+)([^>]*)>|([^<]+)/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[4] !== undefined) { text += decode(m[4]); continue; }
    if (m[2] === 'EVENT') {
      if (!m[1]) { event = { start: text.length, tag: m[3] }; continue; }
      if (!event) continue;
      const eid = attribute(event.tag, 'eid'), instance = instances.get(eid) ?? '';
      events.push({ start: event.start, end: text.length, eid, eventClass: attribute(event.tag, 'class'), pos: attribute(instance, 'pos'), tense: attribute(instance, 'tense'), text: text.slice(event.start) });
      event = undefined;
      continue;
    }
    if (m[2] !== 'TIMEX3') continue;
    if (!m[1]) open.push({ start: text.length, type: attribute(m[3], 'type'), value: attribute(m[3], 'value') });
    else { const o = open.pop(); if (o) timexes.push({ ...o, end: text.length, text: text.slice(o.start) }); }
  }
  return { name, text, created, timexes, events };
}

export function readTimebank(folder: string): TimemlDocument[] {
  return fs.readdirSync(folder).filter(f => f.endsWith('.tml')).sort()
    .map(f => readTimeml(f.replace(/\.tml$/, ''), fs.readFileSync(path.join(folder, f), 'utf8')));
}

/** Which part a document belongs to, fixed by its name: about a third held out, the rest for tuning. */
export function part(name: string): 'tuning' | 'held-out' {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h % 3 === 0 ? 'held-out' : 'tuning';
}
