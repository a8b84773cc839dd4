import { ScimError } from '../../errors/scim-error';
import { type AttributePath, formatAttributePath } from '../../schema/attribute-path';
import { sameUrn } from '../../schema/schema-urns';
import type {
  AttributeMapping,
  CollectionMapping,
  FilterMapping,
  JoinColumnMapping,
  JsonElementMapping,
  ScalarMapping,
} from './attribute-mapping';
import type { ScalarTarget, SqlTarget } from './sql-target';
import { identifier, jsonbAt, jsonbTextAt } from './sql-text';

const lowercaseIndexes = new WeakMap<FilterMapping, ReadonlyMap<string, AttributeMapping>>();

/**
 * Finds what a top-level filter path maps to. A path outside the allowlist is a
 * 400 invalidFilter naming it: silently matching everything or nothing would make
 * an IdP create duplicates or believe users are gone.
 */
export function resolveMappedPath(mapping: FilterMapping, path: AttributePath, alias: string): SqlTarget {
  const index = indexOf(mapping);
  const base = baseKey(mapping, path);
  const label = formatAttributePath(path);
  if (path.subAttribute !== undefined) {
    const exact = index.get(`${base}.${path.subAttribute.toLowerCase()}`);
    if (exact !== undefined) return toTarget(exact, label, alias);
    const parent = index.get(base);
    if (parent !== undefined && parent.kind !== 'column' && parent.kind !== 'jsonb') {
      if (findElement(parent, path.subAttribute) === undefined) throw notAllowed(label);
      const parentLabel = formatAttributePath({ ...path, subAttribute: undefined });
      return { kind: 'collection', label: parentLabel, mapping: parent, ownerAlias: alias, subAttribute: path.subAttribute };
    }
    throw notAllowed(label);
  }
  const found = index.get(base);
  if (found === undefined) throw notAllowed(label);
  return toTarget(found, label, alias);
}

/** The element mapping for a sub-attribute name, case-insensitively. */
export function findElement(
  mapping: CollectionMapping,
  name: string,
): JsonElementMapping | JoinColumnMapping | undefined {
  const elements: Readonly<Record<string, JsonElementMapping | JoinColumnMapping>> = mapping.elements;
  const wanted = name.toLowerCase();
  const key = Object.keys(elements).find((candidate) => candidate.toLowerCase() === wanted);
  return key === undefined ? undefined : elements[key];
}

/** A scalar mapping as SQL over the row alias. */
export function scalarTarget(mapping: ScalarMapping, label: string, alias: string): ScalarTarget {
  const column = `${identifier(alias)}.${identifier(mapping.column)}`;
  const common = { kind: 'scalar', label, type: mapping.type, caseExact: mapping.caseExact } as const;
  if (mapping.kind === 'column') return { ...common, native: column, text: column };
  return { ...common, json: jsonbAt(column, mapping.path), text: jsonbTextAt(column, mapping.path) };
}

function toTarget(found: AttributeMapping, label: string, alias: string): SqlTarget {
  if (found.kind === 'column' || found.kind === 'jsonb') return scalarTarget(found, label, alias);
  return { kind: 'collection', label, mapping: found, ownerAlias: alias };
}

function baseKey(mapping: FilterMapping, path: AttributePath): string {
  const qualified = path.uri !== undefined && !sameUrn(path.uri, mapping.coreSchemaUrn);
  return (qualified ? `${path.uri}:${path.name}` : path.name).toLowerCase();
}

function indexOf(mapping: FilterMapping): ReadonlyMap<string, AttributeMapping> {
  let index = lowercaseIndexes.get(mapping);
  if (index === undefined) {
    index = new Map(Object.entries(mapping.attributes).map(([key, value]) => [key.toLowerCase(), value]));
    lowercaseIndexes.set(mapping, index);
  }
  return index;
}

function notAllowed(label: string): ScimError {
  return ScimError.invalidFilter(`Filtering on "${label}" is not supported`);
}
