import type { EntityType } from '../model';

export const ANNOTATION_KINDS = ['person', 'organisation', 'place', 'event', 'quote', 'claim', 'note', 'not-entity', 'not-quote'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

export const KIND_LABELS: Record<AnnotationKind, string> = {
  person: 'Person', organisation: 'Organisation', place: 'Place', event: 'Event', quote: 'Quote', claim: 'Claim', note: 'Note',
  'not-entity': 'Not an entity', 'not-quote': 'Not a quotation',
};

/** The entity type an annotation kind stands for, when it marks an entity. */
export const KIND_ENTITY_TYPE: Partial<Record<AnnotationKind, EntityType>> = { person: 'PERSON', organisation: 'ORG', place: 'PLACE' };

/** Where an annotation sits: the exact text, some context either side, and the offsets when saved. */
export interface Anchor {
  text: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  /**
   * Look-alikes when it was anchored: how many other occurrences of the same text could be taken for it (a
   * caption repeating a sentence). Absent when there are none.
   */
  repeats?: number;
  /**
   * With look-alikes: the characters of stored context (both sides together) the closest of them shares. The
   * annotation is then placed elsewhere without review only where more of it agrees — never, if that is all.
   */
  repeatContext?: number;
}

export interface AnnotationLinks {
  /** The entity this mention is (person:kim-jong-un). */
  entityId?: string;
  /** For a quote: who said it (an entityId, or a name). */
  speaker?: string;
  /** For an event: the event it belongs to. */
  eventId?: string;
  /** For a claim: who made it (an entityId, or a name). */
  claimant?: string;
}

export interface Annotation {
  id: string;
  kind: AnnotationKind;
  /** The name or short title: "Kim Jong Un", "Summit opens". */
  label?: string;
  note?: string;
  /** For an event: its ISO date. */
  date?: string;
  /** For a claim: the verdict on it ("False", "Mostly true"…: the words of the setting sourceAnnotator.claimRatings). */
  rating?: string;
  links: AnnotationLinks;
  author: string;
  created: string;
  updated: string;
  anchor: Anchor;
}

/** One sidecar file: every annotation of one article. */
export interface Sidecar {
  version: 1;
  /** The article's file name, for people reading the sidecar. */
  article: string;
  /** Content hash of the article when the sidecar was last saved. */
  contentHash: string;
  /** The article's publication date as the user set it (`YYYY-MM-DD`): wins over the one its text states. */
  published?: string;
  annotations: Annotation[];
}

export const CONTEXT_LENGTH = 32;

/** The sidecar's file name for an article: `a.txt` → `a.txt.annotations.yaml` (so a.txt and a.md never share one). */
export function sidecarName(articleFileName: string): string {
  return `${articleFileName}.annotations.yaml`;
}

export const SIDECAR_SUFFIX = '.annotations.yaml';

export function articleNameOfSidecar(sidecarFileName: string): string | undefined {
  return sidecarFileName.endsWith(SIDECAR_SUFFIX) ? sidecarFileName.slice(0, -SIDECAR_SUFFIX.length) : undefined;
}

/** A fresh, unique annotation id: time plus randomness, short enough to read in a diff. */
export function newAnnotationId(now = Date.now(), random = Math.random): string {
  return `a-${now.toString(36)}-${Math.floor(random() * 36 ** 4).toString(36).padStart(4, '0')}`;
}

export function emptySidecar(article: string, contentHash: string): Sidecar {
  return { version: 1, article, contentHash, annotations: [] };
}
