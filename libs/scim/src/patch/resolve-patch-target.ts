import { ScimError } from '../errors/scim-error';
import type { ParsedPathExpression } from '../filter/filter-parser';
import type { Filter } from '../filter/filter-ast';
import type { AttributeDefinition, ResourceTypeDefinition, SchemaDefinition } from '../schema/attribute-definition';
import { findAttribute, findSchemaExtension, resolveAttribute } from '../schema/resolve-attribute';
import { sameUrn } from '../schema/schema-urns';
import { findKey, isPlainObject, type JsonObject } from './json-value';
import { parsePatchPath } from './parse-patch-path';

/** An attribute a PATCH operation acts on, with its schema definition. */
export interface AttributeTarget {
  readonly kind: 'attribute';
  readonly label: string;
  /** The extension URN key it lives under; undefined for core attributes. */
  readonly extensionUrn?: string;
  /** Canonical name (schema casing). */
  readonly name: string;
  /** Undefined for attributes of extensions we have no schema for: stored as sent. */
  readonly definition?: AttributeDefinition;
  readonly filter?: Filter;
  readonly subAttribute?: AttributeDefinition;
}

/** A whole extension object, e.g. path `urn:...:enterprise:2.0:User`. */
export interface ExtensionTarget {
  readonly kind: 'extension';
  readonly label: string;
  readonly urn: string;
  readonly schema?: SchemaDefinition;
}

export type PatchTarget = AttributeTarget | ExtensionTarget;

/** Resolves an operation's `path`. @throws ScimError 400 invalidPath. */
export function resolvePathTarget(path: string, resourceType: ResourceTypeDefinition, resource: JsonObject): PatchTarget {
  return resolveParsed(parsePatchPath(path), path, resourceType, resource);
}

/**
 * Resolves a key of a path-less `value` object: an attribute name, or an
 * extension URN whose value is the extension object. Unknown URN keys holding
 * objects are extensions we store as sent.
 */
export function resolveValueKey(
  key: string,
  value: unknown,
  resourceType: ResourceTypeDefinition,
  resource: JsonObject,
): PatchTarget {
  const known = findSchemaExtension(resourceType, key);
  if (known) return { kind: 'extension', label: key, urn: known.id, schema: known };
  const parsed = parseKey(key);
  if (parsed !== undefined && parsed.filter === undefined) {
    const target = tryResolve(parsed, key, resourceType, resource);
    if (target) return target;
  }
  if (isUnknownUrn(key, resourceType) && isPlainObject(value)) return { kind: 'extension', label: key, urn: key };
  throw unknownAttribute(key);
}

function parseKey(key: string): ParsedPathExpression | undefined {
  try {
    return parsePatchPath(key);
  } catch {
    return undefined;
  }
}

function resolveParsed(
  parsed: ParsedPathExpression,
  label: string,
  resourceType: ResourceTypeDefinition,
  resource: JsonObject,
): PatchTarget {
  const target = tryResolve(parsed, label, resourceType, resource);
  if (target === undefined) throw unknownAttribute(label);
  return target;
}

function tryResolve(
  parsed: ParsedPathExpression,
  label: string,
  resourceType: ResourceTypeDefinition,
  resource: JsonObject,
): PatchTarget | undefined {
  const { path } = parsed;
  const bare = parsed.filter === undefined && parsed.subAttribute === undefined && path.subAttribute === undefined;
  if (path.uri !== undefined && bare) {
    const urn = `${path.uri}:${path.name}`;
    const schema = findSchemaExtension(resourceType, urn);
    if (schema) return { kind: 'extension', label, urn: schema.id, schema };
    const stored = storedUnknownExtension(resource, resourceType, urn);
    if (stored) return { kind: 'extension', label, urn: stored };
  }
  const resolved = resolveAttribute(resourceType, { ...path, subAttribute: undefined });
  if (resolved) return attributeTarget(parsed, label, resolved.attribute, resolved.isExtension ? resolved.schema?.id : undefined);
  const stored = path.uri === undefined ? undefined : storedUnknownExtension(resource, resourceType, path.uri);
  if (stored === undefined || !bare) return undefined;
  return { kind: 'attribute', label, extensionUrn: stored, name: path.name };
}

function attributeTarget(
  parsed: ParsedPathExpression,
  label: string,
  definition: AttributeDefinition,
  extensionUrn: string | undefined,
): AttributeTarget {
  const subName = parsed.path.subAttribute ?? parsed.subAttribute;
  const subAttribute = subName === undefined ? undefined : findAttribute(definition.subAttributes, subName);
  if (subName !== undefined && subAttribute === undefined) {
    throw ScimError.invalidPath(`"${subName}" is not a sub-attribute of "${definition.name}" (in "${label}")`);
  }
  if (parsed.filter !== undefined && !definition.multiValued) {
    throw ScimError.invalidPath(`"${definition.name}" is single-valued and cannot take a [filter] (in "${label}")`);
  }
  return {
    kind: 'attribute',
    label,
    name: definition.name,
    definition,
    ...(extensionUrn === undefined ? {} : { extensionUrn }),
    ...(parsed.filter === undefined ? {} : { filter: parsed.filter }),
    ...(subAttribute === undefined ? {} : { subAttribute }),
  };
}

// An extension without a schema is only addressable by path once the resource holds it.
function storedUnknownExtension(resource: JsonObject, resourceType: ResourceTypeDefinition, urn: string): string | undefined {
  if (!isUnknownUrn(urn, resourceType)) return undefined;
  const key = findKey(resource, urn);
  return key !== undefined && isPlainObject(resource[key]) ? key : undefined;
}

// A URN that neither is nor lies inside one of the resource type's schemas.
function isUnknownUrn(urn: string, resourceType: ResourceTypeDefinition): boolean {
  if (!/^urn:/i.test(urn)) return false;
  const schemas = [resourceType.schema, ...resourceType.schemaExtensions.map((extension) => extension.schema)];
  const lower = urn.toLowerCase();
  return !schemas.some((schema) => sameUrn(schema.id, urn) || lower.startsWith(`${schema.id.toLowerCase()}:`));
}

function unknownAttribute(label: string): ScimError {
  return ScimError.invalidPath(`Unknown attribute "${label}"`);
}
