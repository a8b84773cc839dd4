import { ScimError } from '../errors/scim-error';
import type { ResourceTypeDefinition } from '../schema/attribute-definition';
import { findAttribute } from '../schema/resolve-attribute';
import { applyToAttribute } from './apply-to-attribute';
import { deepEqual, findKey, isPlainObject, type JsonObject, readCi, writeCi } from './json-value';
import { mergeObjects } from './merge-values';
import type { ApplyPatchOptions, PatchOperation, PatchOpName } from './patch-operation';
import {
  type AttributeTarget,
  type ExtensionTarget,
  type PatchTarget,
  resolvePathTarget,
  resolveValueKey,
} from './resolve-patch-target';

interface Context {
  readonly resourceType: ResourceTypeDefinition;
  readonly options: ApplyPatchOptions;
}

/** Applies one validated operation to `resource` in place. */
export function applyOperation(resource: JsonObject, operation: PatchOperation, context: Context): void {
  const { op, path, value } = operation;
  if (path !== undefined) {
    applyToTarget(resource, resolvePathTarget(path, context.resourceType, resource), op, value, context);
    return;
  }
  // RFC 7644 §3.5.2.2: a path-less remove has no target.
  if (op === 'remove') throw ScimError.noTarget('"remove" needs a "path"');
  if (!isPlainObject(value)) throw ScimError.invalidValue(`A path-less "${op}" needs an object of attributes as its value`);
  for (const [key, item] of Object.entries(value)) {
    applyToTarget(resource, resolveValueKey(key, item, context.resourceType, resource), op, item, context);
  }
}

function applyToTarget(resource: JsonObject, target: PatchTarget, op: PatchOpName, value: unknown, context: Context): void {
  if (target.kind === 'extension') {
    applyToExtension(resource, target, op, value, context);
    return;
  }
  const container = containerOf(resource, target.extensionUrn, op !== 'remove');
  if (container === undefined) return;
  if (target.definition === undefined) applySchemaless(container, target, op, value);
  else applyToAttribute(container, { ...target, definition: target.definition }, op, value, context.options);
  pruneExtension(resource, target.extensionUrn);
}

function applyToExtension(resource: JsonObject, target: ExtensionTarget, op: PatchOpName, value: unknown, context: Context) {
  if (op === 'remove') {
    const required = target.schema?.attributes.find((attribute) => attribute.required);
    if (required && readCi(resource, target.urn) !== undefined) {
      throw ScimError.mutability(`"${target.urn}:${required.name}" is required and cannot be removed`);
    }
    writeCi(resource, target.urn, undefined);
    return;
  }
  if (!isPlainObject(value)) throw ScimError.invalidValue(`"${target.label}" must be an object`);
  for (const [key, item] of Object.entries(value)) {
    applyToTarget(resource, extensionAttribute(target, key), op, item, context);
  }
}

function extensionAttribute(target: ExtensionTarget, key: string): AttributeTarget {
  const label = `${target.urn}:${key}`;
  if (target.schema === undefined) return { kind: 'attribute', label, extensionUrn: target.urn, name: key };
  const definition = findAttribute(target.schema.attributes, key);
  if (definition === undefined) throw ScimError.invalidPath(`Unknown attribute "${label}"`);
  return { kind: 'attribute', label, extensionUrn: target.schema.id, name: definition.name, definition };
}

// Attributes of extensions we have no schema for are stored as sent.
function applySchemaless(container: JsonObject, target: AttributeTarget, op: PatchOpName, value: unknown): void {
  const name = findKey(container, target.name) ?? target.name;
  const current = readCi(container, name);
  if (op === 'remove' || value === null) {
    writeCi(container, name, undefined);
  } else if (op === 'add' && Array.isArray(current) && Array.isArray(value)) {
    writeCi(container, name, [...current, ...value.filter((item) => !current.some((old) => deepEqual(old, item)))]);
  } else if (isPlainObject(current) && isPlainObject(value)) {
    writeCi(container, name, mergeObjects(current, value));
  } else {
    writeCi(container, name, value);
  }
}

function containerOf(resource: JsonObject, urn: string | undefined, create: boolean): JsonObject | undefined {
  if (urn === undefined) return resource;
  const existing = readCi(resource, urn);
  if (isPlainObject(existing)) {
    writeCi(resource, urn, existing);
    return existing;
  }
  if (!create) return undefined;
  const fresh: JsonObject = {};
  writeCi(resource, urn, fresh);
  return fresh;
}

function pruneExtension(resource: JsonObject, urn: string | undefined): void {
  if (urn === undefined) return;
  const extension = readCi(resource, urn);
  if (isPlainObject(extension) && Object.keys(extension).length === 0) writeCi(resource, urn, undefined);
}
