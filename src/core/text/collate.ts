/** The comparison `a.localeCompare(b)` makes, with one collator made once rather than one per comparison. */
export const collate = new Intl.Collator().compare;
