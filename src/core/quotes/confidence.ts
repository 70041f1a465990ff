// A quote's confidence in words a reader understands: the probability that its speaker is right, said as how
// many attributions this sure are right, and a speaker named with "probably" or "possibly" when it is not sure.

/** From here on a speaker is given plainly ("Said by …"). */
export const SURE = 0.9;
/** Below this, a speaker is only "possibly" the one. */
export const UNSURE = 0.7;

/** "Said by", "Probably said by" or "Possibly said by", by confidence. */
export function saidBy(confidence: number): string {
  return confidence >= SURE ? 'Said by' : confidence >= UNSURE ? 'Probably said by' : 'Possibly said by';
}

/** "very likely right: about 97 in 100 attributions this sure are" — the confidence as a frequency. */
export function confidenceWords(confidence: number): string {
  const n = Math.round(confidence * 100);
  if (confidence >= SURE) return `very likely right: about ${n} in 100 attributions this sure are`;
  if (confidence >= UNSURE) return `probably right: about ${n} in 100 attributions this sure are`;
  return `uncertain: only about ${n} in 100 attributions this sure are right — check the text`;
}
