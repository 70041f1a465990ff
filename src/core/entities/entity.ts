import type { EntityType } from '../model';

/** One real-world referent, seen across the corpus. */
export interface Entity {
  id: string;
  type: EntityType;
  /** Canonical name: the longest full form seen (initials not counted), the most frequent among equals. */
  name: string;
  /** Every written form, with how often it was seen. */
  forms: Map<string, number>;
  titles: Set<string>;
}
