import { ScimError } from '../errors/scim-error';
import { SCIM_URNS, sameUrn } from '../schema/schema-urns';
import { isPlainObject } from './json-value';
import { PATCH_OPS, type PatchOperation, type PatchOpName } from './patch-operation';

/**
 * Validates a PatchOp body and returns a private deep copy of its operations,
 * so applying them can never alias or mutate the caller's body.
 * @throws ScimError 400 invalidSyntax / invalidPath / invalidValue.
 */
export function readPatchOperations(body: unknown): PatchOperation[] {
  if (!isPlainObject(body)) throw ScimError.invalidSyntax('A PATCH body must be a PatchOp JSON object');
  checkSchemas(body.schemas);
  const operations = body.Operations;
  if (!Array.isArray(operations)) throw ScimError.invalidSyntax('A PATCH body needs an "Operations" array');
  return operations.map((operation, index) => readOperation(operation, index));
}

// `schemas` may be missing (real clients omit it) but must not name something else.
function checkSchemas(schemas: unknown): void {
  if (schemas === undefined) return;
  const valid = Array.isArray(schemas) && schemas.some((urn) => typeof urn === 'string' && sameUrn(urn, SCIM_URNS.patchOp));
  if (!valid) throw ScimError.invalidSyntax(`"schemas" must contain "${SCIM_URNS.patchOp}"`);
}

function readOperation(operation: unknown, index: number): PatchOperation {
  const where = `Operations[${index}]`;
  if (!isPlainObject(operation)) throw ScimError.invalidSyntax(`${where} must be an object`);
  const op = operation.op;
  if (typeof op !== 'string' || !(PATCH_OPS as readonly string[]).includes(op)) {
    const got = typeof op === 'string' ? `"${op}"` : typeof op;
    throw ScimError.invalidSyntax(`${where}.op must be "add", "replace" or "remove" (lowercase), got ${got}`);
  }
  const path = operation.path;
  if (path !== undefined && typeof path !== 'string') throw ScimError.invalidPath(`${where}.path must be a string`);
  const hasValue = Object.hasOwn(operation, 'value') && operation.value !== undefined;
  if (op !== 'remove' && !hasValue) throw ScimError.invalidValue(`${where} ("${op}") needs a "value"`);
  return {
    op: op as PatchOpName,
    ...(path === undefined ? {} : { path }),
    ...(hasValue ? { value: cloneValue(operation.value, where) } : {}),
  };
}

function cloneValue(value: unknown, where: string): unknown {
  try {
    return structuredClone(value);
  } catch {
    throw ScimError.invalidValue(`${where}.value is not JSON`);
  }
}
