import type { AttributeDefinition, ResourceTypeDefinition, SchemaDefinition } from './attribute-definition';
import { type AttributePath, parseAttributePath } from './attribute-path';
import { COMMON_ATTRIBUTES } from './common-attributes';
import { sameUrn } from './schema-urns';

/** An attribute path matched against a resource type's schemas, with canonical definitions. */
export interface ResolvedAttribute {
  /** The schema holding the attribute; undefined for the common attributes (id, externalId, meta). */
  readonly schema?: SchemaDefinition;
  /** True when the attribute lives in an extension, i.e. under its URN key in the resource. */
  readonly isExtension: boolean;
  readonly attribute: AttributeDefinition;
  readonly subAttribute?: AttributeDefinition;
}

// Schemas are constants: each attribute list is indexed by lower-cased name once.
const byLowerName = new WeakMap<readonly AttributeDefinition[], Map<string, AttributeDefinition>>();

/** Finds an attribute definition by name, case-insensitively. */
export function findAttribute(
  attributes: readonly AttributeDefinition[] | undefined,
  name: string,
): AttributeDefinition | undefined {
  if (attributes === undefined) return undefined;
  let index = byLowerName.get(attributes);
  if (index === undefined) {
    // The first of two same-named attributes wins, as a linear search would find it.
    index = new Map([...attributes].reverse().map((attribute) => [attribute.name.toLowerCase(), attribute]));
    byLowerName.set(attributes, index);
  }
  return index.get(name.toLowerCase());
}

/** The extension schema with this URN, case-insensitively. */
export function findSchemaExtension(resourceType: ResourceTypeDefinition, urn: string): SchemaDefinition | undefined {
  return resourceType.schemaExtensions.find((extension) => sameUrn(extension.schema.id, urn))?.schema;
}

/**
 * Resolves a path (`userName`, `name.givenName`, `urn:...:User:name.givenName`,
 * `urn:...:enterprise:2.0:User:manager.value`) case-insensitively. Unqualified
 * names are looked up in the core schema and the common attributes only.
 */
export function resolveAttribute(
  resourceType: ResourceTypeDefinition,
  path: AttributePath | string,
): ResolvedAttribute | undefined {
  const parsed = typeof path === 'string' ? parseAttributePath(path) : path;
  if (parsed === undefined) return undefined;
  const found = findTopLevel(resourceType, parsed);
  if (found === undefined || parsed.subAttribute === undefined) return found;
  const subAttribute = findAttribute(found.attribute.subAttributes, parsed.subAttribute);
  return subAttribute && { ...found, subAttribute };
}

function findTopLevel(resourceType: ResourceTypeDefinition, path: AttributePath): ResolvedAttribute | undefined {
  const core = resourceType.schema;
  if (path.uri === undefined || sameUrn(path.uri, core.id)) {
    const inCore = findAttribute(core.attributes, path.name);
    if (inCore) return { schema: core, isExtension: false, attribute: inCore };
    const common = findAttribute(COMMON_ATTRIBUTES, path.name);
    return common && { isExtension: false, attribute: common };
  }
  const extension = findSchemaExtension(resourceType, path.uri);
  const attribute = findAttribute(extension?.attributes, path.name);
  return attribute && { schema: extension, isExtension: true, attribute };
}
