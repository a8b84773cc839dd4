import {
  type AttributeDefinition,
  COMMON_ATTRIBUTES,
  findAttribute,
  findSchemaExtension,
  type ResourceTypeDefinition,
  resolveAttribute,
  type SchemaDefinition,
  sameUrn,
} from '@roster/scim';
import { canonicalPathPrefix, canonicalSchemaUrn, isUrn } from './scim-urns';

/** Where a top-level key of a client's resource body belongs. */
export type BodyKey =
  | { readonly kind: 'ignored' }
  | { readonly kind: 'attribute'; readonly definition: AttributeDefinition; readonly extensionUrn?: string }
  | { readonly kind: 'extension'; readonly urn: string; readonly schema?: SchemaDefinition }
  | { readonly kind: 'core' }
  | { readonly kind: 'unknown'; readonly key: string };

// Read-only attributes clients echo back (Okta's GET-then-PUT, OneLogin's `"id": null`),
// and the password, which a directory broker has no use for and must not store.
const IGNORED: Record<'User' | 'Group', ReadonlySet<string>> = {
  User: new Set(['id', 'meta', 'groups', 'password', 'schemas']),
  Group: new Set(['id', 'meta', 'schemas']),
};

/** Resolves a key of a POST/PUT body (case-insensitively, 1.1 and malformed URNs included). */
export function resolveBodyKey(key: string, resourceType: ResourceTypeDefinition): BodyKey {
  const type = resourceType.id as 'User' | 'Group';
  if (IGNORED[type].has(key.toLowerCase())) return { kind: 'ignored' };
  return isUrn(key) ? resolveUrnKey(key, resourceType) : resolveNameKey(key, resourceType);
}

/** The bare attribute names of an extension that IdPs put at the top level (Entra's old examples). */
export function bareExtensionAttribute(
  name: string,
  resourceType: ResourceTypeDefinition,
): { definition: AttributeDefinition; urn: string } | undefined {
  if (findAttribute(resourceType.schema.attributes, name) || findAttribute(COMMON_ATTRIBUTES, name)) return undefined;
  for (const { schema } of resourceType.schemaExtensions) {
    const definition = findAttribute(schema.attributes, name);
    if (definition) return { definition, urn: schema.id };
  }
  return undefined;
}

function resolveNameKey(key: string, resourceType: ResourceTypeDefinition): BodyKey {
  const definition = findAttribute(resourceType.schema.attributes, key) ?? findAttribute(COMMON_ATTRIBUTES, key);
  if (definition) return { kind: 'attribute', definition };
  const extension = bareExtensionAttribute(key, resourceType);
  if (extension) return { kind: 'attribute', definition: extension.definition, extensionUrn: extension.urn };
  return { kind: 'unknown', key };
}

function resolveUrnKey(key: string, resourceType: ResourceTypeDefinition): BodyKey {
  const type = resourceType.id as 'User' | 'Group';
  const urn = canonicalSchemaUrn(key, type);
  if (sameUrn(urn, resourceType.schema.id)) return { kind: 'core' };
  const schema = findSchemaExtension(resourceType, urn);
  if (schema) return { kind: 'extension', urn: schema.id, schema };
  // A URN-qualified attribute used as a key (`urn:...:enterprise:2.0:User:department`).
  const resolved = resolveAttribute(resourceType, canonicalPathPrefix(key, type));
  if (resolved && resolved.subAttribute === undefined) {
    if (!resolved.isExtension) return { kind: 'attribute', definition: resolved.attribute };
    return { kind: 'attribute', definition: resolved.attribute, extensionUrn: resolved.schema?.id as string };
  }
  return { kind: 'extension', urn: key };
}
