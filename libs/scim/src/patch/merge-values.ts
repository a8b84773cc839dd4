import type { AttributeDefinition } from '../schema/attribute-definition';
import { findAttribute } from '../schema/resolve-attribute';
import { deepEqual, isPlainObject, type JsonObject, readCi, writeCi } from './json-value';

/**
 * Merges sub-attributes into a complex value, as both add and replace do
 * (RFC 7644 §3.5.2.1/§3.5.2.3: unspecified sub-attributes stay). A null
 * sub-attribute unassigns it. Mutates and returns `current` when it is an object.
 */
export function mergeObjects(current: unknown, patch: JsonObject): JsonObject {
  const merged = isPlainObject(current) ? current : {};
  for (const [key, value] of Object.entries(patch)) writeCi(merged, key, value === null ? undefined : value);
  return merged;
}

/** Appends the new values that are not already there, identical values being duplicates. */
export function appendUnique(definition: AttributeDefinition, current: unknown, added: readonly unknown[]): unknown[] {
  const list = Array.isArray(current) ? current : [];
  const fresh: unknown[] = [];
  for (const item of added) {
    if (!list.some((existing) => deepEqual(existing, item))) {
      list.push(item);
      fresh.push(item);
    }
  }
  keepSinglePrimary(definition, list, fresh);
  return list;
}

/**
 * RFC 7643 §2.4: "primary" is true at most once. When the values just written
 * include a primary one, the others stop being primary.
 */
export function keepSinglePrimary(definition: AttributeDefinition, list: unknown[], written: readonly unknown[]): void {
  const primary = findAttribute(definition.subAttributes, 'primary');
  if (primary === undefined) return;
  const winner = written.find((item) => isPlainObject(item) && readCi(item, primary.name) === true);
  if (winner === undefined) return;
  for (const item of list) {
    if (item !== winner && isPlainObject(item) && readCi(item, primary.name) === true) writeCi(item, primary.name, false);
  }
}
