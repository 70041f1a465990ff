/** The code point (as a string, a surrogate pair whole) that starts at `at`. */
export function pointAt(text: string, at: number): string {
  return String.fromCodePoint(text.codePointAt(at)!);
}

/** The code point (as a string, a surrogate pair whole) that ends right before `at`. */
export function pointBefore(text: string, at: number): string {
  const low = text.charCodeAt(at - 1);
  return low >= 0xdc00 && low <= 0xdfff && at >= 2 ? text.slice(at - 2, at) : text[at - 1];
}

/**
 * What an offset would cut in two, in words, or undefined when it falls between characters: the two code
 * units of one character (an emoji, a rare letter) or the CR and LF of one line break.
 */
export function splitAt(text: string, at: number): string | undefined {
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  if (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) return 'a character written with two code units (an emoji, a rare letter)';
  if (before === 13 && after === 10) return 'a CRLF line break';
  return undefined;
}

/**
 * Offsets counted in Unicode code points (as brat, the W3C TextPositionSelector and RFC 5147 `#char=` count
 * them: an emoji is one) to and from the core's UTF-16 offsets, for one text. A text without characters
 * outside the Basic Multilingual Plane has the same offsets both ways.
 */
export class CodePointOffsets {
  /** UTF-16 offsets where a character written with two code units starts. */
  private readonly pairs: number[] = [];

  constructor(text: string) {
    for (let i = 0; i < text.length - 1; i++) {
      const high = text.charCodeAt(i);
      if (high < 0xd800 || high > 0xdbff) continue;
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) this.pairs.push(i++);
    }
  }

  /** The code point offset of a UTF-16 offset (one inside a pair counts as before its character). */
  toPoints(units: number): number {
    let lo = 0;
    let hi = this.pairs.length;
    while (lo < hi) { const mid = (lo + hi) >>> 1; if (this.pairs[mid] + 2 <= units) lo = mid + 1; else hi = mid; }
    return units - lo;
  }

  /** The UTF-16 offset of a code point offset. */
  toUnits(points: number): number {
    // the pair i starts at code point pairs[i] - i: those before `points` add a code unit each
    let lo = 0;
    let hi = this.pairs.length;
    while (lo < hi) { const mid = (lo + hi) >>> 1; if (this.pairs[mid] - mid < points) lo = mid + 1; else hi = mid; }
    return points + lo;
  }
}
