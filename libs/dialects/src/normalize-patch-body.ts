import {
  isPlainObject,
  PATCH_OPS,
  type PatchOperation,
  type PatchOpName,
  type ResourceTypeDefinition,
  SCIM_URNS,
  ScimError,
} from '@roster/scim';
import type { ValueOptions } from './canonical-value';
import { canonicalPath, canonicalPathValue } from './canonical-path';
import type { DialectHint } from './dialect';
import { resolveBodyKey } from './resolve-body-key';
import { type ResourceTypeName, resourceTypeOf } from './resource-types';
import { canonicalSchemaUrn, isUrn } from './scim-urns';
import { containsTemplateArtefact } from './template-artefacts';

type JsonObject = Record<string, unknown>;

/** A PatchOp body the SCIM core accepts as it is. */
export interface CanonicalPatchBody {
  schemas: [typeof SCIM_URNS.patchOp];
  Operations: PatchOperation[];
}

/**
 * Turns a client's PATCH body into a canonical PatchOp, keeping the order of
 * its operations: `Operations` found in any casing (as are `op`, `path`,
 * `value`), `schemas` supplied, ops lowercased (Entra's `Replace`), string
 * booleans coerced where the target is boolean (`"False"`), paths and path-less
 * value keys with 1.1/malformed URNs or bare enterprise names rewritten,
 * values canonicalized for their attribute (`manager` as bare string or as
 * Entra's one-element array, `"$ref": null` in members, a multi-valued
 * attribute sent as one object). Path-less value objects keep their dotted
 * and URN-qualified keys (the core resolves them, splitting URNs at the last
 * `:`) but lose the read-only keys clients echo (Okta's `id` in a group rename)
 * and `password`; an operation left with nothing to do is dropped.
 * `members[value eq "..."]` removes and `members` value-array removes pass
 * through: the core turns them into membership operations.
 * @throws ScimError 400 invalidSyntax for a body without operations or an unknown op.
 */
export function normalizePatchBody(
  body: unknown,
  resourceType: ResourceTypeName,
  provider?: DialectHint,
): CanonicalPatchBody {
  if (!isPlainObject(body)) throw ScimError.invalidSyntax('A PATCH body must be a PatchOp JSON object');
  const operations = readCi(body, 'Operations');
  if (!Array.isArray(operations)) throw ScimError.invalidSyntax('A PATCH body needs an "Operations" array');
  const type = resourceTypeOf(resourceType);
  const options: ValueOptions = {
    emptyIsAbsent: provider === 'onelogin' || containsTemplateArtefact(body),
    keepNull: true,
  };
  const canonical = operations.flatMap((operation, index) => {
    const normalized = normalizeOperation(operation, index, type, options);
    return normalized === undefined ? [] : [normalized];
  });
  return { schemas: [SCIM_URNS.patchOp], Operations: canonical };
}

function normalizeOperation(
  operation: unknown,
  index: number,
  type: ResourceTypeDefinition,
  options: ValueOptions,
): PatchOperation | undefined {
  const where = `Operations[${index}]`;
  if (!isPlainObject(operation)) throw ScimError.invalidSyntax(`${where} must be an object`);
  const op = readOp(readCi(operation, 'op'), where);
  const rawPath = readCi(operation, 'path');
  const hasValue = findCi(operation, 'value') !== undefined && readCi(operation, 'value') !== undefined;
  const value = readCi(operation, 'value');
  if (typeof rawPath === 'string' && rawPath.trim() !== '') {
    const path = canonicalPath(rawPath, type);
    // The password never gets stored, whichever way it is addressed (as in POST/PUT bodies and value objects).
    if (type.id === 'User' && /(^|:)password$/i.test(path)) return undefined;
    if (!hasValue) return { op, path };
    const canonical = canonicalPathValue(path, value, type, options);
    // A value the client did not really send (an unresolved placeholder) is no instruction.
    if (canonical === undefined) return op === 'remove' ? { op, path } : undefined;
    return { op, path, value: canonical };
  }
  if (rawPath !== undefined && rawPath !== null && typeof rawPath !== 'string') {
    throw ScimError.invalidPath(`${where}.path must be a string`);
  }
  if (op === 'remove' || !isPlainObject(value)) return hasValue ? { op, value } : { op };
  const values = canonicalValueObject(value, type, options);
  return Object.keys(values).length === 0 ? undefined : { op, value: values };
}

function readOp(op: unknown, where: string): PatchOpName {
  const name = typeof op === 'string' ? op.trim().toLowerCase() : undefined;
  if (name !== undefined && (PATCH_OPS as readonly string[]).includes(name)) return name as PatchOpName;
  const got = typeof op === 'string' ? `"${op}"` : typeof op;
  throw ScimError.invalidSyntax(`${where}.op must be "add", "replace" or "remove", got ${got}`);
}

// Keys of a path-less value: attribute names, dotted sub-attribute paths, URN-qualified
// attribute paths, or whole extension objects under their URN.
function canonicalValueObject(value: JsonObject, type: ResourceTypeDefinition, options: ValueOptions): JsonObject {
  const result: JsonObject = {};
  for (const [key, item] of Object.entries(value)) {
    if (resolveBodyKey(key, type).kind === 'ignored') continue;
    const path = isUrn(key) ? canonicalSchemaUrn(key, type.id as ResourceTypeName) : key;
    const canonicalKey = path === key ? canonicalPath(key, type) : path;
    const canonical = canonicalPathValue(canonicalKey, item, type, options);
    if (canonical !== undefined) {
      Object.defineProperty(result, canonicalKey, {
        value: canonical,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return result;
}

function findCi(object: JsonObject, name: string): string | undefined {
  if (Object.hasOwn(object, name)) return name;
  return Object.keys(object).find((key) => key.toLowerCase() === name.toLowerCase());
}

function readCi(object: JsonObject, name: string): unknown {
  const key = findCi(object, name);
  return key === undefined ? undefined : object[key];
}
