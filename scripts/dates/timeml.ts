// Reads TimeML documents (TimeBank, TempEval-3): the plain text of <TEXT> with the tags stripped and the
// entities decoded, every TIMEX3 in it with its span in that text, type and value, and the document creation
// time (DCT) from <DCT>; each EVENT with its class, polarity and modality, and the times a TLINK puts it in.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface GoldTimex { start: number; end: number; type: string; value: string; text: string; tid?: string }
/**
 * An EVENT trigger with its TimeML class (OCCURRENCE, REPORTING, STATE…) and its instance's part of speech, tense,
 * polarity and modality; `times` the DATE/TIME expressions (the DCT included) its TLINKs relate it to, each with the
 * relation read from the event's side ("IS_INCLUDED": it happens within that time, the date a timeline gives it).
 */
export interface GoldEvent { start: number; end: number; eid: string; eventClass: string; pos: string; tense: string; text: string; polarity?: string; modality?: string; times?: { rel: string; value: string; dct: boolean }[] }
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
  const eventOf = new Map<string, string>();
  for (const m of xml.matchAll(/<MAKEINSTANCE[^>]*>/g)) {
    if (!instances.has(attribute(m[0], 'eventID'))) instances.set(attribute(m[0], 'eventID'), m[0]);
    eventOf.set(attribute(m[0], 'eiid'), attribute(m[0], 'eventID'));
  }
  let event: { start: number; tag: string } | undefined;
  const open: { start: number; type: string; value: string; tid: string }[] = [];
  const re = /<(\/?)([A-Za-z0-9]+)([^>]*)>|([^<]+)/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[4] !== undefined) { text += decode(m[4]); continue; }
    if (m[2] === 'EVENT') {
      if (!m[1]) { event = { start: text.length, tag: m[3] }; continue; }
      if (!event) continue;
      const eid = attribute(event.tag, 'eid'), instance = instances.get(eid) ?? '';
      events.push({
        start: event.start, end: text.length, eid, eventClass: attribute(event.tag, 'class'), pos: attribute(instance, 'pos'), tense: attribute(instance, 'tense'),
        polarity: attribute(instance, 'polarity'), modality: attribute(instance, 'modality'), text: text.slice(event.start),
      });
      event = undefined;
      continue;
    }
    if (m[2] !== 'TIMEX3') continue;
    if (!m[1]) open.push({ start: text.length, type: attribute(m[3], 'type'), value: attribute(m[3], 'value'), tid: attribute(m[3], 'tid') });
    else { const o = open.pop(); if (o) timexes.push({ ...o, end: text.length, text: text.slice(o.start) }); }
  }
  anchorEvents(xml, events, timexes, eventOf);
  return { name, text, created, timexes, events };
}

/** A relation read the other way round (a time that INCLUDES an event: the event IS_INCLUDED in it). */
const INVERSE: Record<string, string> = { INCLUDES: 'IS_INCLUDED', IS_INCLUDED: 'INCLUDES', BEFORE: 'AFTER', AFTER: 'BEFORE', IBEFORE: 'IAFTER', IAFTER: 'IBEFORE', BEGINS: 'BEGUN_BY', BEGUN_BY: 'BEGINS', ENDS: 'ENDED_BY', ENDED_BY: 'ENDS' };

/** Each event's `times`: the DATE/TIME expressions (the DCT's included) its TLINKs relate it to. */
function anchorEvents(xml: string, events: GoldEvent[], timexes: GoldTimex[], eventOf: Map<string, string>): void {
  const dct = /<DCT>\s*(<TIMEX3[^>]*>)/.exec(xml)?.[1] ?? '';
  const dctId = attribute(dct, 'tid');
  const times = new Map<string, string>([[dctId, attribute(dct, 'value')]]);
  for (const t of timexes) if (t.tid && (t.type === 'DATE' || t.type === 'TIME')) times.set(t.tid, t.value);
  const byEid = new Map(events.map(e => [e.eid, e]));
  for (const m of xml.matchAll(/<TLINK[^>]*>/g)) {
    const rel = attribute(m[0], 'relType');
    const fromEvent = attribute(m[0], 'eventInstanceID') !== '';
    const eiid = fromEvent ? attribute(m[0], 'eventInstanceID') : attribute(m[0], 'relatedToEventInstance');
    const tid = fromEvent ? attribute(m[0], 'relatedToTime') : attribute(m[0], 'timeID');
    const event = byEid.get(eventOf.get(eiid) ?? ''), value = times.get(tid);
    if (event && value) (event.times ??= []).push({ rel: fromEvent ? rel : INVERSE[rel] ?? rel, value, dct: tid === dctId });
  }
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
