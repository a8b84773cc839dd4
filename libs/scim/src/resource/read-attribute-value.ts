import { ScimError } from '../errors/scim-error';
import type { ResourceTypeDefinition } from '../schema/attribute-definition';
import { compileValueFilter } from '../patch/compile-value-filter';
import { isPlainObject, type JsonObject, readCi } from '../patch/json-value';
import { resolvePathTarget } from '../patch/resolve-patch-target';

/**
 * Reads the value a SCIM path points at in a stored resource, e.g.
 * `title`, `name.givenName`, `emails[type eq "work"].value` or
 * `urn:...:enterprise:2.0:User:department`. A filtered path yields its first
 * match, so mapped custom attributes come out as scalars. Undefined when absent
 * or when the path does not resolve: mappings are configuration, and a typo in
 * one must not break event production.
 */
export function readAttributeValue(resource: JsonObject, path: string, resourceType: ResourceTypeDefinition): unknown {
  try {
    return read(resource, path, resourceType);
  } catch (error) {
    if (error instanceof ScimError) return undefined;
    throw error;
  }
}

function read(resource: JsonObject, path: string, resourceType: ResourceTypeDefinition): unknown {
  const target = resolvePathTarget(path, resourceType, resource);
  if (target.kind === 'extension') return readCi(resource, target.urn);
  const container = target.extensionUrn === undefined ? resource : readCi(resource, target.extensionUrn);
  if (!isPlainObject(container)) return undefined;
  let value = readCi(container, target.name);
  if (target.filter !== undefined && target.definition !== undefined) {
    const matches = compileValueFilter(target.filter, target.definition, target.label);
    value = Array.isArray(value) ? value.find(matches) : undefined;
  }
  const sub = target.subAttribute;
  if (sub === undefined) return value;
  if (Array.isArray(value)) return value.map((element) => (isPlainObject(element) ? readCi(element, sub.name) : undefined));
  return isPlainObject(value) ? readCi(value, sub.name) : undefined;
}
