import { isPlainObject, type ResourceTypeDefinition, SCIM_URNS, ScimError, findAttribute, sameUrn } from '@roster/scim';
import { canonicalValue, isAbsent, type ValueOptions } from './canonical-value';
import type { DialectHint } from './dialect';
import { resolveBodyKey } from './resolve-body-key';
import { type ResourceTypeName, resourceTypeOf } from './resource-types';
import { canonicalSchemaUrn, isUrn } from './scim-urns';
import { containsTemplateArtefact } from './template-artefacts';

type JsonObject = Record<string, unknown>;

/**
 * Turns a client's POST/PUT body into a canonical SCIM 2.0 resource, whatever
 * the dialect: 1.1 and malformed URNs to 2.0, string booleans to booleans,
 * multi-valued attributes sent as one object to arrays, attribute and
 * sub-attribute names to schema casing, a bare-string `manager` to
 * `{"value"}`, read-only attributes clients echo (`id`, `meta`, `groups`) and
 * `password` dropped, and values not really sent (null, unresolved template
 * placeholders, and `""` from templating clients) left out. Attributes the
 * schemas do not know are kept as sent. The input is not modified.
 * @throws ScimError 400 invalidSyntax when the body is not an object, invalidValue
 * when a complex attribute is neither object nor string.
 */
export function normalizeResourceBody(
  body: unknown,
  resourceType: ResourceTypeName,
  provider?: DialectHint,
): JsonObject {
  if (!isPlainObject(body)) throw ScimError.invalidSyntax(`A ${resourceType} must be a JSON object`);
  const type = resourceTypeOf(resourceType);
  // OneLogin renders "" for values it lacks; other clients may mean an empty string.
  const options: ValueOptions = { emptyIsAbsent: provider === 'onelogin' || containsTemplateArtefact(body) };
  const attributes: JsonObject = {};
  placeAll(attributes, body, type, options);
  return { schemas: canonicalSchemas(schemasOf(body), attributes, type), ...attributes };
}

function placeAll(target: JsonObject, source: JsonObject, type: ResourceTypeDefinition, options: ValueOptions): void {
  for (const [key, value] of Object.entries(source)) placeAttribute(target, key, value, type, options);
}

function placeAttribute(
  target: JsonObject,
  key: string,
  value: unknown,
  type: ResourceTypeDefinition,
  options: ValueOptions,
) {
  const resolved = resolveBodyKey(key, type);
  switch (resolved.kind) {
    case 'ignored':
      return;
    case 'core':
      if (isPlainObject(value)) placeAll(target, value, type, options);
      return;
    case 'attribute': {
      const container = resolved.extensionUrn === undefined ? target : extensionObject(target, resolved.extensionUrn);
      const label =
        resolved.extensionUrn === undefined
          ? resolved.definition.name
          : `${resolved.extensionUrn}:${resolved.definition.name}`;
      setValue(container, resolved.definition.name, canonicalValue(resolved.definition, value, label, options));
      return;
    }
    case 'extension':
      placeExtension(target, resolved.urn, value, resolved.schema?.attributes, options);
      return;
    case 'unknown':
      if (!isAbsent(value, options)) setValue(target, key, value);
  }
}

function placeExtension(
  target: JsonObject,
  urn: string,
  value: unknown,
  attributes: Parameters<typeof findAttribute>[0],
  options: ValueOptions,
): void {
  if (isAbsent(value, options)) return;
  if (!isPlainObject(value)) {
    if (attributes) throw ScimError.invalidValue(`"${urn}" must be an object`);
    setValue(target, urn, value);
    return;
  }
  const extension = extensionObject(target, urn);
  for (const [key, item] of Object.entries(value)) {
    const definition = findAttribute(attributes, key);
    if (definition)
      setValue(extension, definition.name, canonicalValue(definition, item, `${urn}:${definition.name}`, options));
    else if (!isAbsent(item, options)) setValue(extension, key, item);
  }
  if (Object.keys(extension).length === 0) delete target[urn];
}

function extensionObject(target: JsonObject, urn: string): JsonObject {
  const existing = target[urn];
  if (isPlainObject(existing)) return existing;
  const created: JsonObject = {};
  setValue(target, urn, created);
  return created;
}

// defineProperty keeps keys such as `__proto__` plain data.
function setValue(target: JsonObject, key: string, value: unknown): void {
  if (value === undefined) return;
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function schemasOf(body: JsonObject): string[] {
  const key = Object.keys(body).find((name) => name.toLowerCase() === 'schemas');
  const sent = key === undefined ? undefined : body[key];
  const list = typeof sent === 'string' ? [sent] : Array.isArray(sent) ? sent : [];
  return list.filter((urn): urn is string => typeof urn === 'string');
}

// The core schema first, extensions listed exactly when the resource holds them,
// other identifiers clients list (Entra's ADSCIM group schema) kept.
function canonicalSchemas(sent: string[], attributes: JsonObject, type: ResourceTypeDefinition): string[] {
  const name = type.id as ResourceTypeName;
  const known = type.schemaExtensions.map((extension) => extension.schema.id);
  const otherCore = name === 'User' ? SCIM_URNS.group : SCIM_URNS.user;
  const result = [type.schema.id];
  const add = (urn: string) => {
    if (!result.some((listed) => sameUrn(listed, urn))) result.push(urn);
  };
  for (const urn of sent.map((item) => canonicalSchemaUrn(item, name))) {
    const isKnownExtension = known.some((id) => sameUrn(id, urn));
    if (!isKnownExtension && !sameUrn(urn, otherCore)) add(urn);
  }
  for (const key of Object.keys(attributes)) if (isUrn(key) && isPlainObject(attributes[key])) add(key);
  return result;
}
