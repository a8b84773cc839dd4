import { SCIM_URNS, ScimError } from '@roster/scim';
import { BULK_LIMITS } from './bulk-limits';

export type BulkMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface BulkOperation {
  method: BulkMethod;
  bulkId?: string;
  version?: string;
  path: string;
  data?: unknown;
}

export interface BulkRequest {
  failOnErrors?: number;
  operations: BulkOperation[];
}

const METHODS = new Set<string>(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Reads an RFC 7644 §3.7 BulkRequest. @throws ScimError 400 invalidSyntax, 413 beyond maxOperations. */
export function readBulkRequest(body: unknown): BulkRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw ScimError.invalidSyntax('The bulk request must be a JSON object');
  const request = body as Record<string, unknown>;
  const schemas = request.schemas;
  if (
    Array.isArray(schemas) &&
    !schemas.some((urn) => typeof urn === 'string' && urn.toLowerCase() === SCIM_URNS.bulkRequest.toLowerCase())
  ) {
    throw ScimError.invalidSyntax(`A bulk request lists the schema ${SCIM_URNS.bulkRequest}`);
  }
  const operations = request.Operations ?? request.operations;
  if (!Array.isArray(operations)) throw ScimError.invalidSyntax('"Operations" must be an array');
  if (operations.length > BULK_LIMITS.maxOperations) {
    throw new ScimError({ status: 413, detail: `At most ${BULK_LIMITS.maxOperations} operations per bulk request` });
  }
  const failOnErrors = request.failOnErrors;
  if (
    failOnErrors !== undefined &&
    (typeof failOnErrors !== 'number' || !Number.isInteger(failOnErrors) || failOnErrors < 1)
  ) {
    throw ScimError.invalidValue('"failOnErrors" must be a positive integer');
  }
  return { failOnErrors: failOnErrors as number | undefined, operations: operations.map(readOperation) };
}

function readOperation(value: unknown, index: number): BulkOperation {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw ScimError.invalidSyntax(`Operation ${index + 1} must be an object`);
  const operation = value as Record<string, unknown>;
  const method = typeof operation.method === 'string' ? operation.method.toUpperCase() : '';
  if (!METHODS.has(method))
    throw ScimError.invalidSyntax(`Operation ${index + 1} needs a method of POST, PUT, PATCH or DELETE`);
  if (typeof operation.path !== 'string' || !operation.path.startsWith('/'))
    throw ScimError.invalidSyntax(`Operation ${index + 1} needs a path such as /Users`);
  if (method === 'POST' && typeof operation.bulkId !== 'string')
    throw ScimError.invalidSyntax(`Operation ${index + 1} (POST) needs a bulkId`);
  return {
    method: method as BulkMethod,
    path: operation.path,
    ...(typeof operation.bulkId === 'string' ? { bulkId: operation.bulkId } : {}),
    ...(typeof operation.version === 'string' ? { version: operation.version } : {}),
    ...(operation.data === undefined ? {} : { data: operation.data }),
  };
}

/** Replaces every `bulkId:<id>` string with the id the earlier POST created. @throws ScimError for unknown references. */
export function resolveBulkIds<T>(value: T, created: ReadonlyMap<string, string>): T {
  const text = JSON.stringify(value ?? null).replace(/"bulkId:([^"]+)"/g, (_, bulkId: string) => {
    const id = created.get(bulkId);
    if (id === undefined)
      throw ScimError.invalidValue(`bulkId ${bulkId} does not refer to a resource created earlier in this request`);
    return JSON.stringify(id);
  });
  return JSON.parse(text) as T;
}
