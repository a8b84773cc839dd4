import { ScimError } from '../errors/scim-error';
import type { AttributeDefinition, ResourceTypeDefinition } from '../schema/attribute-definition';
import { type AttributePath, parseAttributePath } from '../schema/attribute-path';
import { COMMON_ATTRIBUTES } from '../schema/common-attributes';
import { findAttribute } from '../schema/resolve-attribute';
import { sameUrn } from '../schema/schema-urns';
import { findKey, isPlainObject, type JsonObject } from '../patch/json-value';

/** The `attributes` / `excludedAttributes` of a request (RFC 7644 §3.9), already split on commas. */
export interface AttributeSelection {
  readonly attributes?: readonly string[];
  readonly excludedAttributes?: readonly string[];
}

/** One selected path, resolved against the resource type. */
interface Selection {
  /** The extension URN key it lives under; undefined for core attributes. */
  readonly container?: string;
  readonly name: string;
  readonly subAttribute?: string;
}

/**
 * Applies `attributes` / `excludedAttributes` to a full SCIM resource: with
 * `attributes`, only those (plus `returned: always` ones: id, schemas) are kept;
 * with `excludedAttributes`, those are dropped unless always returned.
 * @throws ScimError 400 invalidValue for a malformed attribute path.
 */
export function projectAttributes(
  resource: JsonObject,
  selection: AttributeSelection,
  resourceType: ResourceTypeDefinition,
): JsonObject {
  if (selection.attributes?.length) return keepOnly(resource, selection.attributes.map((path) => resolve(path, resourceType)));
  if (selection.excludedAttributes?.length) {
    return drop(resource, selection.excludedAttributes.map((path) => resolve(path, resourceType)), resourceType);
  }
  return resource;
}

/** True when a selection leaves out the attribute `name` entirely, so it need not be loaded. */
export function isAttributeExcluded(selection: AttributeSelection, name: string): boolean {
  const lower = name.toLowerCase();
  const mentions = (paths?: readonly string[]) =>
    (paths ?? []).some((path) => parseAttributePath(path)?.name.toLowerCase() === lower);
  if (selection.attributes?.length) return !mentions(selection.attributes);
  return (selection.excludedAttributes ?? []).some((path) => {
    const parsed = parseAttributePath(path);
    return parsed?.name.toLowerCase() === lower && parsed.subAttribute === undefined;
  });
}

function resolve(text: string, resourceType: ResourceTypeDefinition): Selection {
  const path = parseAttributePath(text.trim());
  if (path === undefined) throw ScimError.invalidValue(`"${text}" is not an attribute path`);
  const extension = extensionOf(path, resourceType);
  if (extension !== undefined && path.uri !== undefined && sameUrn(`${path.uri}:${path.name}`, extension)) {
    return { name: extension };
  }
  return { container: extension, name: path.name, subAttribute: path.subAttribute };
}

// A path under an extension URN addresses that extension's object; the core URN is the top level.
function extensionOf(path: AttributePath, resourceType: ResourceTypeDefinition): string | undefined {
  if (path.uri === undefined) return undefined;
  const full = `${path.uri}:${path.name}`;
  for (const { schema } of resourceType.schemaExtensions) {
    if (sameUrn(schema.id, path.uri) || sameUrn(schema.id, full)) return schema.id;
  }
  return sameUrn(resourceType.schema.id, path.uri) ? undefined : path.uri;
}

function keepOnly(resource: JsonObject, selections: Selection[]): JsonObject {
  const result: JsonObject = {};
  for (const key of ['schemas', 'id']) if (key in resource) result[key] = resource[key];
  for (const selection of selections) {
    const source = selection.container === undefined ? resource : childObject(resource, selection.container);
    if (source === undefined) continue;
    const key = findKey(source, selection.name);
    if (key === undefined) continue;
    const picked = selection.subAttribute === undefined ? source[key] : pickSub(source[key], selection.subAttribute);
    const target = selection.container === undefined ? result : ensureChild(result, resource, selection.container);
    target[key] = mergePicked(target[key], picked);
  }
  return result;
}

function drop(resource: JsonObject, selections: Selection[], resourceType: ResourceTypeDefinition): JsonObject {
  const result = structuredClone(resource);
  for (const selection of selections) {
    if (selection.container === undefined && isAlwaysReturned(selection.name, resourceType)) continue;
    const target = selection.container === undefined ? result : childObject(result, selection.container);
    if (target === undefined) continue;
    const key = findKey(target, selection.name);
    if (key === undefined) continue;
    if (selection.subAttribute === undefined) delete target[key];
    else dropSub(target[key], selection.subAttribute);
  }
  return result;
}

function isAlwaysReturned(name: string, resourceType: ResourceTypeDefinition): boolean {
  if (name.toLowerCase() === 'schemas') return true;
  const definition: AttributeDefinition | undefined =
    findAttribute(COMMON_ATTRIBUTES, name) ?? findAttribute(resourceType.schema.attributes, name);
  return definition?.returned === 'always';
}

function childObject(resource: JsonObject, urn: string): JsonObject | undefined {
  const key = findKey(resource, urn);
  const child = key === undefined ? undefined : resource[key];
  return isPlainObject(child) ? child : undefined;
}

function ensureChild(result: JsonObject, resource: JsonObject, urn: string): JsonObject {
  const key = findKey(resource, urn) ?? urn;
  const existing = result[key];
  if (isPlainObject(existing)) return existing;
  const created: JsonObject = {};
  result[key] = created;
  return created;
}

function pickSub(value: unknown, sub: string): unknown {
  const pick = (element: unknown): JsonObject => {
    if (!isPlainObject(element)) return {};
    const key = findKey(element, sub);
    return key === undefined ? {} : { [key]: element[key] };
  };
  return Array.isArray(value) ? value.map(pick) : pick(value);
}

// `name.givenName` and `name.familyName` asked together must both survive.
function mergePicked(existing: unknown, picked: unknown): unknown {
  if (isPlainObject(existing) && isPlainObject(picked)) return { ...existing, ...picked };
  if (Array.isArray(existing) && Array.isArray(picked)) {
    return picked.map((element, index) => ({ ...(existing[index] as JsonObject), ...(element as JsonObject) }));
  }
  return picked;
}

function dropSub(value: unknown, sub: string): void {
  for (const element of Array.isArray(value) ? value : [value]) {
    if (!isPlainObject(element)) continue;
    const key = findKey(element, sub);
    if (key !== undefined) delete element[key];
  }
}
