import type { ResourceTypeDefinition } from '../schema/attribute-definition';
import { sameUrn } from '../schema/schema-urns';
import { isPlainObject, type JsonObject, readCi, writeCi } from './json-value';

/**
 * Keeps a stored `schemas` list in step with the extensions a PATCH added or
 * removed (RFC 7643 §3: it lists the schemas the resource uses). Drops only
 * known extensions without data and extensions this PATCH removed, so other
 * ids clients list (Entra adds a non-URN one for groups) survive.
 */
export function syncSchemas(before: JsonObject, after: JsonObject, resourceType: ResourceTypeDefinition): void {
  const listed = readCi(after, 'schemas');
  if (!Array.isArray(listed) || !listed.every((urn) => typeof urn === 'string')) return;
  const present = extensionKeys(after);
  const removed = extensionKeys(before).filter((key) => !present.some((urn) => sameUrn(urn, key)));
  const known = resourceType.schemaExtensions.map((extension) => extension.schema.id);
  const kept = (listed as string[]).filter((urn) => {
    const has = (keys: readonly string[]): boolean => keys.some((key) => sameUrn(key, urn));
    return has(present) || (!has(known) && !has(removed));
  });
  const added = present.filter((key) => !kept.some((urn) => sameUrn(urn, key)));
  if (added.length > 0 || kept.length !== listed.length) writeCi(after, 'schemas', [...kept, ...added]);
}

function extensionKeys(resource: JsonObject): string[] {
  return Object.keys(resource).filter((key) => /^urn:/i.test(key) && isPlainObject(resource[key]));
}
