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
