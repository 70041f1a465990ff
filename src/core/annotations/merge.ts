import type { Annotation } from './model';

/**
 * Merges two versions of one sidecar's annotations by id, three-way: `base` is what we read before our
 * change, `ours` the result of our change, `theirs` what another program (a git pull, the CLI, another
 * editor) wrote meanwhile. Nothing either side added or edited is lost:
 * - an id on one side only is kept, unless it was in `base` and the side that has it left it unchanged
 *   while the other side deleted it (a deletion wins only over an annotation nobody edited);
 * - an id on both sides: if one side left it as it was in `base`, the other side's version; if both
 *   changed it, the one with the later `updated` (ours when equal or when neither date can be read).
 * Without a base (nothing read before), every annotation of both sides is kept.
 * The result is in `ours`' order, then the annotations only `theirs` has, in theirs' order.
 */
export function mergeAnnotations(base: readonly Annotation[], ours: readonly Annotation[], theirs: readonly Annotation[]): Annotation[] {
  const before = new Map(base.map(a => [a.id, a]));
  const theirsById = new Map(theirs.map(a => [a.id, a]));
  const oursById = new Map(ours.map(a => [a.id, a]));
  const merged: Annotation[] = [];
  for (const mine of ours) {
    const other = theirsById.get(mine.id);
    const was = before.get(mine.id);
    if (!other) {
      // they deleted it: gone, unless we changed it since
      if (!was || !sameAnnotation(was, mine)) merged.push(mine);
      continue;
    }
    if (was && sameAnnotation(was, mine)) merged.push(other);
    else if (was && sameAnnotation(was, other)) merged.push(mine);
    else merged.push(laterUpdate(other, mine) ? other : mine);
  }
  for (const other of theirs) {
    if (oursById.has(other.id)) continue;
    const was = before.get(other.id);
    // we deleted it: gone, unless they changed it since
    if (!was || !sameAnnotation(was, other)) merged.push(other);
  }
  return merged;
}

/** Whether `a` was updated strictly later than `b` (ISO timestamps; unreadable ones are never later). */
function laterUpdate(a: Annotation, b: Annotation): boolean {
  const ta = Date.parse(a.updated);
  const tb = Date.parse(b.updated);
  if (Number.isNaN(ta)) return false;
  return Number.isNaN(tb) || ta > tb;
}

/** Two annotations with the same content, whatever the order of their keys. */
export function sameAnnotation(a: Annotation, b: Annotation): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
