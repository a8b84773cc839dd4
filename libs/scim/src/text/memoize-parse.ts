/**
 * Remembers the results of a pure parser of short texts (attribute paths):
 * every SCIM request of a client sends the same few paths again, and parsing
 * them is a visible share of a request's CPU. Results are shared between
 * callers, so they must be treated as immutable (their types are readonly).
 * Failures are not remembered. The cache forgets everything once full, so a
 * client sending endless distinct paths costs memory once, not forever.
 */
export function memoizeParse<T>(parse: (text: string) => T, capacity = 1000): (text: string) => T {
  const results = new Map<string, T>();
  return (text) => {
    const known = results.get(text);
    if (known !== undefined || results.has(text)) return known as T;
    const parsed = parse(text);
    if (results.size >= capacity) results.clear();
    results.set(text, parsed);
    return parsed;
  };
}
