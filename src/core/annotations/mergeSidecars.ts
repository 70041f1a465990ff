import { parseSidecar, serializeSidecar, type SidecarProblem } from './codec';
import { mergeAnnotations } from './merge';
import type { Sidecar } from './model';

/*
 * Git's merge of a sidecar, as a merge driver does it: the two branches' annotations merged by id with the
 * same three-way merge a save uses when another program wrote the file meanwhile (src/core/annotations/merge.ts),
 * so that two branches that each add an annotation never conflict. The driver is installed with the CLI's
 * `install-merge-driver`; git then runs the CLI's `merge-sidecars` for every `*.annotations.yaml`.
 */

/** Why a merge was not made: a side that cannot be read, with its problems. */
export interface MergeRefusal {
  side: 'ancestor' | 'ours' | 'theirs';
  problems: SidecarProblem[];
}

/**
 * The merged sidecar of `ours` and `theirs` since their common `ancestor` (empty when the file was added on
 * both branches), or why it cannot be made (a side that is not a readable sidecar: git then falls back to
 * its line-by-line merge). The article name is the one the sidecar belongs to; the content hash is the one
 * a side changed (ours when both did: anchors are found again against the article either way).
 */
export function mergeSidecarTexts(ancestor: string, ours: string, theirs: string, article: string): { content: string; sidecar: Sidecar } | { refused: MergeRefusal } {
  const read = { ancestor: parseSidecar(ancestor, article), ours: parseSidecar(ours, article), theirs: parseSidecar(theirs, article) };
  for (const side of ['ancestor', 'ours', 'theirs'] as const) {
    const parsed = read[side];
    if (!parsed.sidecar) return { refused: { side, problems: parsed.problems } };
  }
  const [base, mine, other] = [read.ancestor.sidecar!, read.ours.sidecar!, read.theirs.sidecar!];
  const contentHash = mine.contentHash === base.contentHash ? other.contentHash : mine.contentHash;
  const sidecar: Sidecar = { version: 1, article, contentHash, annotations: mergeAnnotations(base.annotations, mine.annotations, other.annotations) };
  return { content: serializeSidecar(sidecar), sidecar };
}
