/** A JSON object as stored: a SCIM resource or one of its complex values. */
export type JsonObject = Record<string, unknown>;

/** True for `{...}` JSON objects (not arrays, not null, not class instances). */
export function isPlainObject(value: unknown): value is JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  // Compared structurally, not with `Object.prototype`: structuredClone may build
  // objects in another realm (Jest's VM context does exactly that).
  const prototype = Object.getPrototypeOf(value) as object | null;
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

/** Structural equality of JSON values; object key order does not matter. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]));
}

/** The own key matching `name` case-insensitively, preferring an exact match. */
export function findKey(object: JsonObject, name: string): string | undefined {
  if (Object.hasOwn(object, name)) return name;
  const wanted = name.toLowerCase();
  return Object.keys(object).find((key) => key.toLowerCase() === wanted);
}

/** Reads an attribute by name, case-insensitively; own properties only. */
export function readCi(object: JsonObject, name: string): unknown {
  const key = findKey(object, name);
  return key === undefined ? undefined : object[key];
}

/**
 * Writes under the canonical name, dropping other casings of it; `undefined`
 * deletes. defineProperty keeps keys such as `__proto__` plain data.
 */
export function writeCi(object: JsonObject, name: string, value: unknown): void {
  const wanted = name.toLowerCase();
  for (const key of Object.keys(object)) {
    if (key.toLowerCase() === wanted) delete object[key];
  }
  if (value !== undefined) setOwn(object, name, value);
}

export function setOwn(object: JsonObject, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/** RFC 7643 §2.5: null, an empty array and (for us) an empty object all mean "no value". */
export function isUnassigned(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  return isPlainObject(value) && Object.keys(value).length === 0;
}
