import { ScimError } from '../errors/scim-error';
import type { ResourceTypeDefinition } from '../schema/attribute-definition';
import { GROUP_RESOURCE_TYPE } from '../schema/resource-types';
import { sameUrn } from '../schema/schema-urns';
import { applyPatchOperations } from '../patch/apply-patch';
import { findKey, isPlainObject, type JsonObject, readCi } from '../patch/json-value';

// Assigned by the server or derived from other resources: a client may echo them
// (Okta's GET-then-PUT does), they are never taken from it. `password` is
// write-only and Roster has no use for it, so it is never stored at all.
const SERVER_OWNED = ['id', 'meta', 'schemas', 'groups', 'members', 'password'];

/** A POST/PUT body turned into what Roster stores; Group members come back apart. */
export interface ResourceInput {
  readonly resource: JsonObject;
  /** Group `members[].value`s in order, without duplicates; undefined when the body has no `members`. */
  readonly memberIds?: string[];
}

/**
 * Validates a POST or PUT body against the resource type and returns the
 * resource to store (core attributes at the top level in schema casing,
 * extensions under their URN). The body is applied as one path-less `add` onto
 * an empty resource, so full writes and PATCHes share one validator.
 * @throws ScimError 400 invalidSyntax / invalidValue / mutability.
 */
export function readResource(body: unknown, resourceType: ResourceTypeDefinition): ResourceInput {
  if (!isPlainObject(body)) throw ScimError.invalidSyntax('The request body must be a JSON object');
  const value: JsonObject = {};
  for (const [key, item] of Object.entries(body)) {
    if (!SERVER_OWNED.some((name) => name === key.toLowerCase())) value[key] = item;
  }
  const start: JsonObject = { schemas: declaredSchemas(body, resourceType) };
  const { resource } = applyPatchOperations(start, [{ op: 'add', value }], resourceType);
  requirePresent(resource, resourceType);
  return resourceType === GROUP_RESOURCE_TYPE ? { resource, memberIds: readMemberIds(body) } : { resource };
}

function declaredSchemas(body: JsonObject, resourceType: ResourceTypeDefinition): string[] {
  const sent = readCi(body, 'schemas');
  const listed = Array.isArray(sent) ? sent.filter((urn): urn is string => typeof urn === 'string') : [];
  const core = resourceType.schema.id;
  const rest = listed.filter((urn) => !sameUrn(urn, core));
  // Extensions are listed by syncSchemas once their data is added; keep only what has data or is unknown.
  return [core, ...rest.filter((urn) => findKey(body, urn) !== undefined || !isKnownExtension(urn, resourceType))];
}

function isKnownExtension(urn: string, resourceType: ResourceTypeDefinition): boolean {
  return resourceType.schemaExtensions.some((extension) => sameUrn(extension.schema.id, urn));
}

function requirePresent(resource: JsonObject, resourceType: ResourceTypeDefinition): void {
  for (const attribute of resourceType.schema.attributes) {
    if (!attribute.required) continue;
    const value = readCi(resource, attribute.name);
    if (typeof value !== 'string' || value.trim() === '') {
      throw ScimError.invalidValue(`"${attribute.name}" is required`);
    }
  }
}

function readMemberIds(body: JsonObject): string[] | undefined {
  const members = readCi(body, 'members');
  if (members === undefined || members === null) return undefined;
  if (!Array.isArray(members)) throw ScimError.invalidValue('"members" must be an array');
  const ids = members.map((member) => {
    const id = isPlainObject(member) ? readCi(member, 'value') : undefined;
    if (typeof id !== 'string' || id === '') throw ScimError.invalidValue('Every member needs a string "value"');
    return id;
  });
  return [...new Set(ids)];
}
