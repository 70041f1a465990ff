// W3C Web Annotation (JSON-LD, https://www.w3.org/TR/annotation-model/): the user's annotations as an
// AnnotationCollection, each one targeting its article with a TextQuoteSelector and a TextPositionSelector, its
// kind, label, note, rating and links as bodies. Read back by src/core/import/w3c.ts; Hypothesis and Recogito
// read and write the same model.
import type { CorpusView, PlacedAnnotation } from '../corpus';
import { CONTEXT_LENGTH, type Annotation, type AnnotationKind, type AnnotationLinks } from '../annotations/model';
import { CodePointOffsets } from '../text/codePoints';
import { contentHash } from '../text/hash';

export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** The IRI of one of our annotations: this prefix and its id (so that an import knows it again). */
export const ANNOTATION_IRI = 'urn:source-annotator:annotation:';
/** Links are bodies whose source is this prefix, the link's role and its value (`urn:source-annotator:speaker:person%3Akim-jong-un`). */
export const LINK_IRI = 'urn:source-annotator:';

/** The links of an annotation and its event date, as the roles of their bodies' IRIs. */
export const LINK_ROLES = { entity: 'entityId', speaker: 'speaker', event: 'eventId', claimant: 'claimant' } as const satisfies Record<string, keyof AnnotationLinks>;
export type LinkRole = keyof typeof LINK_ROLES | 'date';

/** Why the user made the annotation, in the model's words (its `motivation`). */
const MOTIVATION: Record<AnnotationKind, string> = {
  person: 'identifying', organisation: 'identifying', place: 'identifying', event: 'classifying', quote: 'classifying',
  claim: 'questioning', note: 'commenting', 'not-entity': 'classifying', 'not-quote': 'classifying',
};

export interface W3cBody {
  type: 'TextualBody' | 'SpecificResource';
  purpose: string;
  value?: string;
  format?: string;
  source?: string;
}

export function linkIri(role: LinkRole, value: string): string {
  return `${LINK_IRI}${role}:${encodeURIComponent(value)}`;
}

/** The bodies of an annotation: kind (classifying), label (identifying), note (commenting), rating (assessing), links and date. */
export function bodiesOf(a: Annotation): W3cBody[] {
  const bodies: W3cBody[] = [{ type: 'TextualBody', purpose: 'classifying', value: a.kind }];
  if (a.label) bodies.push({ type: 'TextualBody', purpose: 'identifying', value: a.label });
  if (a.note) bodies.push({ type: 'TextualBody', purpose: 'commenting', value: a.note, format: 'text/plain' });
  if (a.rating) bodies.push({ type: 'TextualBody', purpose: 'assessing', value: a.rating });
  for (const [role, key] of Object.entries(LINK_ROLES)) {
    const value = a.links[key];
    if (value) bodies.push({ type: 'SpecificResource', purpose: role === 'event' ? 'linking' : 'identifying', source: linkIri(role as LinkRole, value) });
  }
  if (a.date) bodies.push({ type: 'SpecificResource', purpose: 'describing', source: linkIri('date', a.date) });
  return bodies;
}

/**
 * Where an annotation is, as the selectors say it. Placed for sure (anchored, moved): the text where it is
 * now, with the article's context either side. Waiting for review, or orphaned: the anchor as saved — its
 * words, context and offsets — so that an import into the same text finds the same candidate (or none) again.
 */
export function selectorsOf(text: string, offsets: CodePointOffsets, p: PlacedAnnotation): object[] {
  const sure = p.span && (p.status === 'anchored' || p.status === 'moved');
  const { start, end } = sure ? p.span! : p.annotation.anchor;
  const quote = sure
    ? { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start), suffix: text.slice(end, end + CONTEXT_LENGTH) }
    : { exact: p.annotation.anchor.text, prefix: p.annotation.anchor.prefix, suffix: p.annotation.anchor.suffix };
  return [
    { type: 'TextQuoteSelector', ...quote },
    { type: 'TextPositionSelector', start: offsets.toPoints(start), end: offsets.toPoints(end) },
  ];
}

function annotationLd(a: Annotation, source: string, selector: object[]): object {
  return {
    id: ANNOTATION_IRI + a.id,
    type: 'Annotation',
    motivation: a.kind === 'claim' && a.rating ? 'assessing' : MOTIVATION[a.kind],
    ...(a.author ? { creator: { type: 'Person', name: a.author } } : {}),
    ...(a.created ? { created: a.created } : {}),
    ...(a.updated ? { modified: a.updated } : {}),
    body: bodiesOf(a),
    target: { source, selector },
  };
}

/** The user's annotations of the whole corpus as one AnnotationCollection (its one page embedded). */
export function exportW3c(view: CorpusView, relative: (path: string) => string = p => p): string {
  const items: object[] = [];
  for (const [path, article] of view.articles) {
    if (!article.annotations.length) continue;
    const offsets = new CodePointOffsets(article.text);
    for (const p of article.annotations) items.push(annotationLd(p.annotation, relative(path), selectorsOf(article.text, offsets, p)));
  }
  const id = `urn:source-annotator:collection:${contentHash(items.map(i => (i as { id: string }).id).join('\n')).replace(/[^\w-]/g, '')}`;
  const collection = {
    '@context': W3C_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: 'Source Annotator annotations',
    total: items.length,
    first: { id: `${id}:page:1`, type: 'AnnotationPage', startIndex: 0, items },
  };
  return JSON.stringify(collection, null, 2) + '\n';
}
