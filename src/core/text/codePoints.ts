/** The code point (as a string, a surrogate pair whole) that starts at `at`. */
export function pointAt(text: string, at: number): string {
  return String.fromCodePoint(text.codePointAt(at)!);
}

/** The code point (as a string, a surrogate pair whole) that ends right before `at`. */
export function pointBefore(text: string, at: number): string {
  const low = text.charCodeAt(at - 1);
  return low >= 0xdc00 && low <= 0xdfff && at >= 2 ? text.slice(at - 2, at) : text[at - 1];
}
