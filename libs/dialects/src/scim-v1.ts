import { isPlainObject, SCIM_URNS, type ScimError, type ScimErrorBody, sameUrn } from '@roster/scim';
import type { CanonicalPatchBody } from './normalize-patch-body';
import { normalizePatchBody } from './normalize-patch-body';
import type { DialectHint } from './dialect';
import type { ResourceTypeName } from './resource-types';
import { SCIM_V1_URNS } from './scim-urns';

type JsonObject = Record<string, unknown>;

/** The SCIM 1.1 error body (draft-scim-api-01 §3.9): `{"Errors": [{"description", "code"}]}`. */
export interface ScimV1ErrorBody {
  Errors: { description: string; code: string }[];
}

/**
 * A SCIM 2.0 resource as a 1.1 client expects it: `schemas` with the 1.0 core
 * (and enterprise) URNs, the enterprise extension under its 1.0 URN, and the
 * manager's id as `managerId`. The input is not modified.
 */
export function toScimV1Resource(resource: JsonObject): JsonObject {
  const result: JsonObject = {};
  let enterprise = false;
  for (const [key, value] of Object.entries(resource)) {
    if (key === 'schemas') continue;
    if (sameUrn(key, SCIM_URNS.enterpriseUser) && isPlainObject(value)) {
      enterprise = true;
      result[SCIM_V1_URNS.enterpriseUser] = enterpriseV1(value);
    } else {
      result[key] = value;
    }
  }
  const schemas = enterprise ? [SCIM_V1_URNS.core, SCIM_V1_URNS.enterpriseUser] : [SCIM_V1_URNS.core];
  return { schemas, ...result };
}

function enterpriseV1(extension: JsonObject): JsonObject {
  const { manager, ...rest } = extension;
  if (!isPlainObject(manager)) return extension;
  const { value, ...managerRest } = manager;
  return { ...rest, manager: value === undefined ? managerRest : { managerId: value, ...managerRest } };
}

/** A SCIM 2.0 ListResponse as a 1.1 ListResponse (1.0 core URN, resources mapped). */
export function toScimV1ListResponse(list: JsonObject): JsonObject {
  const resources = Array.isArray(list.Resources) ? list.Resources : [];
  const { schemas: _schemas, Resources: _resources, ...paging } = list;
  return {
    schemas: [SCIM_V1_URNS.core],
    ...paging,
    Resources: resources.map((resource) => (isPlainObject(resource) ? toScimV1Resource(resource) : resource)),
  };
}

/** A SCIM 2.0 error (the thrown `ScimError` or its rendered body) in the 1.1 error format. */
export function toScimV1Error(error: ScimError | ScimErrorBody): ScimV1ErrorBody {
  const body = 'toScimErrorBody' in error ? error.toScimErrorBody() : error;
  return { Errors: [{ description: body.detail ?? `HTTP ${body.status}`, code: String(body.status) }] };
}

/**
 * Maps any SCIM 2.0 response body of the core (resource, ListResponse, Error)
 * to its 1.1 shape; other bodies come back unchanged.
 */
export function toScimV1ResponseBody(body: unknown): unknown {
  if (!isPlainObject(body)) return body;
  const schemas = Array.isArray(body.schemas)
    ? body.schemas.filter((urn): urn is string => typeof urn === 'string')
    : [];
  if (schemas.some((urn) => sameUrn(urn, SCIM_URNS.error))) return toScimV1Error(body as unknown as ScimErrorBody);
  if (schemas.some((urn) => sameUrn(urn, SCIM_URNS.listResponse))) return toScimV1ListResponse(body);
  if (schemas.some((urn) => sameUrn(urn, SCIM_URNS.user) || sameUrn(urn, SCIM_URNS.group)))
    return toScimV1Resource(body);
  return body;
}

/**
 * A SCIM 1.1 PATCH (draft-scim-api-01 §3.3.2: a partial resource, attributes
 * to clear listed in `meta.attributes`, multi-valued elements marked
 * `"operation": "delete"` to remove) as a canonical 2.0 PatchOp: removals
 * first, then multi-valued additions and singular replacements.
 * @throws ScimError 400 as `normalizePatchBody`.
 */
export function scimV1PatchToPatchOp(
  body: unknown,
  resourceType: ResourceTypeName,
  provider?: DialectHint,
): CanonicalPatchBody {
  if (!isPlainObject(body)) return normalizePatchBody(body, resourceType, provider);
  const removals: JsonObject[] = [];
  const writes: JsonObject[] = [];
  const meta = body.meta;
  if (isPlainObject(meta) && Array.isArray(meta.attributes)) {
    for (const path of meta.attributes) if (typeof path === 'string') removals.push({ op: 'remove', path });
  }
  for (const [key, value] of Object.entries(body)) {
    if (['schemas', 'meta', 'id'].includes(key.toLowerCase())) continue;
    if (!Array.isArray(value)) {
      writes.push({ op: 'replace', value: { [key]: value } });
      continue;
    }
    const deleted = value.filter((item) => isPlainObject(item) && String(item.operation).toLowerCase() === 'delete');
    for (const item of deleted)
      removals.push({ op: 'remove', path: `${key}[value eq ${JSON.stringify(String(item.value))}]` });
    const added = value.filter((item) => !deleted.includes(item)).map(withoutOperation);
    if (added.length > 0) writes.push({ op: 'add', path: key, value: added });
  }
  return normalizePatchBody({ Operations: [...removals, ...writes] }, resourceType, provider);
}

function withoutOperation(item: unknown): unknown {
  if (!isPlainObject(item)) return item;
  const { operation: _operation, ...rest } = item;
  return rest;
}
