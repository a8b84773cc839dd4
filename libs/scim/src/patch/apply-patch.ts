import { ScimError } from '../errors/scim-error';
import type { ResourceTypeDefinition } from '../schema/attribute-definition';
import { applyOperation } from './apply-operation';
import { deepEqual, isPlainObject, type JsonObject, readCi } from './json-value';
import type { ApplyPatchOptions, PatchOperation, PatchResult } from './patch-operation';
import { readPatchOperations } from './read-patch-request';
import { syncSchemas } from './sync-schemas';

/**
 * Applies an RFC 7644 §3.5.2 PatchOp body to a stored SCIM resource (core
 * attributes at the top level, extensions under their URN key). Atomic: works
 * on a deep copy and returns it, so on any error the input is untouched.
 * Attribute names match case-insensitively and come out in schema casing.
 * Ops must already be canonical (lowercase); IdP dialects are normalized before.
 * @throws ScimError 400 (invalidSyntax, invalidPath, invalidValue, noTarget, mutability).
 */
export function applyPatch(
  resource: Record<string, unknown>,
  body: unknown,
  resourceType: ResourceTypeDefinition,
  options: ApplyPatchOptions = {},
): PatchResult {
  return applyPatchOperations(resource, readPatchOperations(body), resourceType, options);
}

/** As `applyPatch`, for operations already read from a body. */
export function applyPatchOperations(
  resource: Record<string, unknown>,
  operations: readonly PatchOperation[],
  resourceType: ResourceTypeDefinition,
  options: ApplyPatchOptions = {},
): PatchResult {
  if (!isPlainObject(resource)) throw ScimError.invalidValue('The resource to patch must be a JSON object');
  const working = structuredClone(resource);
  for (const operation of operations) applyOperation(working, operation, { resourceType, options });
  syncSchemas(resource, working, resourceType);
  return { resource: working, changedAttributes: changedTopLevelAttributes(resource, working) };
}

/** Top-level keys (case-insensitively) whose values differ, named as in `after` when present. */
export function changedTopLevelAttributes(before: JsonObject, after: JsonObject): string[] {
  const names = new Map<string, string>();
  for (const key of [...Object.keys(before), ...Object.keys(after)]) names.set(key.toLowerCase(), key);
  return [...names.values()].filter((name) => !deepEqual(readCi(before, name), readCi(after, name)));
}
