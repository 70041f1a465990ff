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
 * V8 (for 13 characters or more), and kept it would keep the article's text alive after the article is gone
 * (or beside the compact form the corpus keeps of it: src/core/text/heldText.ts). Parsed back from JSON, the
 * copy is one byte a character when its characters allow, whatever the text it was cut from. Shorter strings
 * are copies already.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
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
    interned.set((one = detached(s)), one);
  }
  return one;
}

/**
 * Every short string in a value read from JSON or handed over by a worker, as the one string of it: neither
 * JSON.parse of a text with a curly quote in it (Node 24's) nor a structured clone shares equal strings, so 10,000
 * analyses read back held "model" 900,000 times, "PERSON" 330,000 times, each date value and each trigger
 * word once per mention (22 MB of 57 MB of strings at 3,000 articles). Changes the value in place. A value
 * walked already, here or by a reader that shared its strings as it read them (`noteShared`), is skipped.
 */
export function internStrings(value: object): void {
  if (shared.has(value)) return;
  walk(value);
  shared.add(value);
}

/** Says that every short string in `value` was made the one string of it (by `shareString`) as it was read. */
export function noteShared(value: object): void {
  shared.add(value);
}

/** A string read into a value that stays: the one string of it when short (see `internStrings`). */
export function shareString(s: string): string {
  return s.length <= SHARED_LENGTH ? intern(s) : s;
}

/** A stretch cut from a text, as a value that stays keeps it: the one string of it when short, else a copy of its own (`detached`). */
export function keptStretch(s: string): string {
  return s.length <= SHARED_LENGTH ? intern(s) : detached(s);
}

const shared = new WeakSet<object>();

function walk(value: object): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v === 'string') value[i] = shareString(v); else if (v !== null && typeof v === 'object') walk(v);
    }
    return;
  }
  const holder = value as Record<string, unknown>;
  for (const key in holder) {
    const v = holder[key];
    if (typeof v === 'string') holder[key] = shareString(v); else if (v !== null && typeof v === 'object') walk(v);
  }
}

/** Longer strings (a quotation, an explanation of a date) are rarely written twice; a shared one would be a copy beside the text. */
const SHARED_LENGTH = 60;
