// brat standoff (https://brat.nlplab.org/standoff.html), read by brat and INCEpTION: per article its text
// (`name.txt`, exactly the article's) and its annotations (`name.ann`), offsets in Unicode code points as brat
// counts them. What the article shows: entities (T, with N lines linking them to the corpus's entities),
// quotations (T) and their speakers (R), and the user's other annotations (claims, notes, events, corrections:
// T, with their notes as `#` lines and a claim's rating or an event's date as A lines). Read back by
// src/core/import/brat.ts.
import type { ArticleView, CorpusView } from '../corpus';
import type { Annotation, AnnotationKind } from '../annotations/model';
import type { EntityType } from '../model';
import type { Span } from '../text/span';
import { CodePointOffsets } from '../text/codePoints';

/** brat's entity types for ours, and the types of the user's annotations that are no entity or quotation. */
export const BRAT_ENTITY_TYPES: Record<EntityType, string> = { PERSON: 'Person', ORG: 'Organisation', PLACE: 'Place', DATE: 'Date' } as Record<EntityType, string>;
export const BRAT_KIND_TYPES: Partial<Record<AnnotationKind, string>> = { claim: 'Claim', note: 'Note', event: 'Event', 'not-entity': 'Not_entity', 'not-quote': 'Not_quotation' };
export const BRAT_QUOTE = 'Quotation';
export const BRAT_SPEAKER = 'Speaker';
/** The prefix of our ids in N lines' references (`source-annotator:person:kim-jong-un`). */
export const BRAT_REFERENCE = 'source-annotator';

export interface BratDocument {
  /** The document's name: the article's path relative to the folder, without `.txt` (`a.txt` → `a`; `b.md` → `b.md`). */
  name: string;
  txt: string;
  ann: string;
}

/** The brat name of an article's relative path. */
export function bratName(relative: string): string {
  return relative.replace(/\.txt$/i, '');
}

/** One line's worth of text for the .ann file: no tabs or line breaks. */
const oneLine = (s: string) => s.replace(/[\t\r\n]+/g, ' ');

/** A reference to one of ours or a name, written without spaces (brat separates fields by them). */
export const bratReference = (value: string) => `${BRAT_REFERENCE}:${encodeURI(value)}`;

/** Builds one .ann file: numbered lines of each kind; a stretch of one type is written once. */
class AnnFile {
  private readonly lines: string[] = [];
  private readonly counts = { T: 0, R: 0, N: 0, A: 0, '#': 0 };
  private readonly bound = new Map<string, string>();

  constructor(private readonly text: string, private readonly offsets: CodePointOffsets) {}

  private next(kind: keyof AnnFile['counts']): string {
    return `${kind}${++this.counts[kind]}`;
  }

  /** The T line of a stretch (split into fragments at line breaks, as brat writes them); its id. */
  textBound(type: string, span: Span): string {
    const key = `${type}:${span.start}:${span.end}`;
    const known = this.bound.get(key);
    if (known) return known;
    const fragments: Span[] = [];
    const re = /[^\r\n]+/g;
    const covered = this.text.slice(span.start, span.end);
    for (let m = re.exec(covered); m; m = re.exec(covered)) fragments.push({ start: span.start + m.index, end: span.start + m.index + m[0].length });
    if (!fragments.length) return '';
    const id = this.next('T');
    const where = fragments.map(f => `${this.offsets.toPoints(f.start)} ${this.offsets.toPoints(f.end)}`).join(';');
    this.lines.push(`${id}\t${type} ${where}\t${oneLine(fragments.map(f => this.text.slice(f.start, f.end)).join(' '))}`);
    this.bound.set(key, id);
    return id;
  }

  /** Existing T line of one of these types at exactly this stretch. */
  boundAt(types: string[], span: Span): string | undefined {
    for (const type of types) {
      const id = this.bound.get(`${type}:${span.start}:${span.end}`);
      if (id) return id;
    }
    return undefined;
  }

  relation(type: string, from: string, to: string): void {
    this.lines.push(`${this.next('R')}\t${type} Arg1:${from} Arg2:${to}`);
  }

  reference(type: string, target: string, value: string, name: string): void {
    this.lines.push(`${this.next('N')}\t${type} ${target} ${bratReference(value)}\t${oneLine(name)}`);
  }

  attribute(name: string, target: string, value: string): void {
    this.lines.push(`${this.next('A')}\t${name} ${target} ${value.replace(/\s+/g, '_')}`);
  }

  note(target: string, note: string): void {
    this.lines.push(`${this.next('#')}\tAnnotatorNotes ${target}\t${oneLine(note)}`);
  }

  toString(): string {
    return this.lines.map(l => l + '\n').join('');
  }
}

const placedForSure = (a: ArticleView) => a.annotations.filter(p => p.span && (p.status === 'anchored' || p.status === 'moved'));

/** The .ann of one article as the user sees it (see the top of this file). */
export function bratAnn(view: CorpusView, article: ArticleView): string {
  const file = new AnnFile(article.text, new CodePointOffsets(article.text));
  const byId = new Map<string, Annotation>(article.annotations.map(p => [p.annotation.id, p.annotation]));
  const noteOf = (target: string, id: string | undefined) => {
    const note = id ? byId.get(id)?.note : undefined;
    if (target && note) file.note(target, note);
  };
  const personTypes = [BRAT_ENTITY_TYPES.PERSON, BRAT_SPEAKER];
  for (const m of [...article.mentions].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const type = BRAT_ENTITY_TYPES[m.type];
    if (!type) continue;
    const id = file.textBound(type, m);
    if (id && m.entityId && m.type !== 'DATE') file.reference('Reference', id, m.entityId, view.entities.get(m.entityId)?.name ?? m.label ?? m.text);
    noteOf(id, m.annotationId);
  }
  for (const q of article.quotes) {
    if (q.kind !== 'speech') continue;
    const id = file.textBound(BRAT_QUOTE, q);
    if (!id) continue;
    noteOf(id, q.annotationId);
    const s = q.speaker;
    if (!s) continue;
    const name = s.entityId ? view.entities.get(s.entityId)?.name ?? s.name : s.name;
    if (s.end > s.start) {
      let speaker = file.boundAt(personTypes, s);
      if (!speaker) {
        speaker = file.textBound(BRAT_SPEAKER, s);
        if (speaker && s.entityId) file.reference('Reference', speaker, s.entityId, name);
      }
      if (speaker) file.relation(BRAT_SPEAKER, id, speaker);
    } else file.reference(BRAT_SPEAKER, id, s.entityId ?? s.name, name); // set by the user, named nowhere in the text
  }
  for (const p of placedForSure(article)) {
    const a = p.annotation;
    const type = BRAT_KIND_TYPES[a.kind];
    if (!type) continue;
    const id = file.textBound(type, p.span!);
    if (!id) continue;
    if (a.rating) file.attribute('Rating', id, a.rating);
    if (a.date) file.attribute('Date', id, a.date);
    if (a.links.claimant) file.reference('Claimant', id, a.links.claimant, view.entities.get(a.links.claimant)?.name ?? a.links.claimant);
    if (a.links.eventId) file.reference('Reference', id, a.links.eventId, a.label ?? a.anchor.text);
    else if (a.label) file.note(id, `Label: ${a.label}`);
    if (a.note) file.note(id, a.note);
  }
  return file.toString();
}

/** Every article as a brat document, an article at a time. */
export function* bratDocuments(view: CorpusView, relative: (path: string) => string = p => p): Generator<BratDocument> {
  for (const [path, article] of view.articles) yield { name: bratName(relative(path)), txt: article.text, ann: bratAnn(view, article) };
}
