/**
 * A function of an object, remembered for the last few objects it was asked about. What an article brings to a
 * corpus-wide pass is worked out when it is brought, and again when it is taken back at the article's next
 * change; the few articles being edited find it here instead, while the thousands of others keep no copy of it.
 */
export function recently<K extends object, V>(compute: (key: K) => V, size = 16): (key: K) => V {
  const keys: K[] = [];
  const values: V[] = [];
  return key => {
    const i = keys.indexOf(key);
    if (i >= 0) return values[i];
    const value = compute(key);
    keys.push(key);
    values.push(value);
    if (keys.length > size) { keys.shift(); values.shift(); }
    return value;
  };
}
