/** FNV-1a over 32 bits: how a feature string becomes its key in the model file. */

export const FNV_OFFSET = 0x811c9dc5;

/** The FNV state `h` carried on over the characters of `s`. */
export function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** FNV-1a, 32 bits: the key of a feature in the model file. */
export function featureHash(s: string): number {
  return fnv(FNV_OFFSET, s) >>> 0;
}

/** The state after `name` + `value`: where a two-value feature goes on with "|" + value2. */
export const pairState = (name: string, value: string) => fnv(fnv(FNV_OFFSET, name), value);

/** featureHash(name + value + "|" + value2) from pairState(name, value): the tagger caches that state per word. */
export const pairHash = (state: number, value2: string) => fnv(Math.imul(state ^ 124, 0x01000193), value2) >>> 0;

/** featureHash(name + value) or featureHash(name + value + "|" + value2), without building the string. */
export function partsHash(name: string, value: string, value2?: string): number {
  const h = pairState(name, value);
  return value2 === undefined ? h >>> 0 : pairHash(h, value2);
}
