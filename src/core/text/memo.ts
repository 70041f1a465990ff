/**
 * A pure function of a string, remembered for the strings it was last given: corpus-wide passes ask for the
 * key of the same few thousand names ("Trump", "North Korea") a million times. Bounded: past `limit`
 * entries the memory starts afresh, so a corpus of rare names never grows it without end.
 */
export function memoString<T>(f: (s: string) => T, limit = 100_000): (s: string) => T {
  let known = new Map<string, T>();
  return (s: string): T => {
    let value = known.get(s);
    if (value === undefined && !known.has(s)) {
      if (known.size >= limit) known = new Map();
      value = f(s);
      known.set(intern(s), value); // the one string of that name: no copy beside the mentions'
    }
    return value as T;
  };
}

/**
 * A string that holds only its own characters: a name taken out of an article is a view of the whole text in
 * V8 (for 13 characters or more), and kept as a key it would keep the article's text alive after the article
 * is gone.
 */
function ownCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

let interned = new Map<string, string>();

/**
 * One string for every equal name: the corpus's passes look names up in maps many times over, and a lookup
 * by the very string a map holds skips hashing and comparing its characters; a million mentions of a few
 * thousand names also keep a few thousand strings, none of them holding its article's text.
 */
export function intern(s: string): string {
  let one = interned.get(s);
  if (one === undefined) {
    if (interned.size >= 500_000) interned = new Map();
    interned.set((one = ownCopy(s)), one);
  }
  return one;
}
