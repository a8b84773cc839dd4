import type { AttributeDefinition } from '../schema/attribute-definition';
import { applyToElements } from './apply-to-elements';
import { guardMutability } from './guard-mutability';
import { isPlainObject, isUnassigned, type JsonObject, readCi, writeCi } from './json-value';
import { appendUnique, mergeObjects } from './merge-values';
import { normalizeValue } from './normalize-value';
import type { ApplyPatchOptions, PatchOpName } from './patch-operation';
import type { AttributeTarget } from './resolve-patch-target';

export type DefinedTarget = AttributeTarget & { readonly definition: AttributeDefinition };

/** Applies one operation to a schema-defined attribute held by `container`, then checks mutability. */
export function applyToAttribute(
  container: JsonObject,
  target: DefinedTarget,
  op: PatchOpName,
  value: unknown,
  options: ApplyPatchOptions,
): void {
  const before = structuredClone(readCi(container, target.name));
  if (target.filter !== undefined || (target.subAttribute !== undefined && target.definition.multiValued)) {
    applyToElements(container, target, op, value, options);
  } else if (target.subAttribute !== undefined) {
    applyToSubAttribute(container, target, target.subAttribute, op, value);
  } else {
    applyToWhole(container, target, op, value);
  }
  guardMutability(target, before, readCi(container, target.name));
}

function applyToWhole(container: JsonObject, target: DefinedTarget, op: PatchOpName, value: unknown): void {
  const { definition } = target;
  const normalized = op === 'remove' ? null : normalizeValue(definition, value, target.label);
  if (normalized === null || (Array.isArray(normalized) && normalized.length === 0)) {
    writeCi(container, definition.name, undefined);
    return;
  }
  const current = readCi(container, definition.name);
  writeCi(container, definition.name, combine(definition, op, current, normalized));
}

// RFC 7644 §3.5.2: add appends to multi-valued attributes and replace swaps them;
// for a singular complex attribute both merge the given sub-attributes.
function combine(definition: AttributeDefinition, op: PatchOpName, current: unknown, next: unknown): unknown {
  if (definition.multiValued) return op === 'add' ? appendUnique(definition, current, next as unknown[]) : next;
  if (definition.type !== 'complex') return next;
  const merged = mergeObjects(current, next as JsonObject);
  return isUnassigned(merged) ? undefined : merged;
}

function applyToSubAttribute(
  container: JsonObject,
  target: DefinedTarget,
  sub: AttributeDefinition,
  op: PatchOpName,
  value: unknown,
): void {
  const current = readCi(container, target.name);
  const normalized = op === 'remove' ? null : normalizeValue(sub, value, target.label);
  if (normalized === null && !isPlainObject(current)) return;
  const parent = isPlainObject(current) ? current : {};
  writeCi(parent, sub.name, normalized === null ? undefined : normalized);
  writeCi(container, target.name, isUnassigned(parent) ? undefined : parent);
}
