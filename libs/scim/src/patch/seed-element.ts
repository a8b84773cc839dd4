import type { Filter } from '../filter/filter-ast';
import type { AttributeDefinition } from '../schema/attribute-definition';
import { findAttribute } from '../schema/resolve-attribute';
import { type JsonObject, setOwn } from './json-value';

/**
 * The element an `add` to `emails[type eq "work"].value` creates when no email
 * matches: the filter's `eq` terms, which is the only reading that makes the new
 * element match the filter. Undefined when the filter is not a conjunction of `eq`.
 */
export function seedElement(filter: Filter, definition: AttributeDefinition): JsonObject | undefined {
  if (definition.type !== 'complex') return undefined;
  if (filter.kind === 'and') {
    const left = seedElement(filter.left, definition);
    const right = seedElement(filter.right, definition);
    return left && right && { ...left, ...right };
  }
  if (filter.kind !== 'compare' || filter.op !== 'eq' || filter.value === null) return undefined;
  const sub = findAttribute(definition.subAttributes, filter.path.name);
  if (sub === undefined) return undefined;
  const seed: JsonObject = {};
  setOwn(seed, sub.name, filter.value);
  return seed;
}
