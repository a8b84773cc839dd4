import { ScimError } from '../errors/scim-error';
import type { AttributeDefinition } from '../schema/attribute-definition';
import { deepEqual, isPlainObject, isUnassigned, readCi } from './json-value';

/**
 * Rejects an operation whose effect breaks the target's characteristics
 * (RFC 7643 §2.2, RFC 7644 §3.5.2): readOnly never changes, immutable only goes
 * from unassigned to a value, required never becomes unassigned. Writing the
 * value already there is not a change, so clients may echo what they read.
 * @throws ScimError 400 mutability.
 */
export function guardMutability(
  target: { readonly label: string; readonly definition: AttributeDefinition; readonly subAttribute?: AttributeDefinition },
  before: unknown,
  after: unknown,
): void {
  if (deepEqual(before, after)) return;
  checkChange(target.definition, before, after, target.label);
  const sub = target.subAttribute;
  if (sub === undefined) return;
  if (!target.definition.multiValued) {
    checkSubAttribute(sub, before, after, target.label);
    return;
  }
  // Sub-attribute writes change elements in place or append new ones, so indexes line up.
  const beforeList = Array.isArray(before) ? before : [];
  const afterList = Array.isArray(after) ? after : [];
  afterList.forEach((element, index) => checkSubAttribute(sub, beforeList[index], element, target.label));
}

function checkSubAttribute(sub: AttributeDefinition, before: unknown, after: unknown, label: string): void {
  const subBefore = isPlainObject(before) ? readCi(before, sub.name) : undefined;
  const subAfter = isPlainObject(after) ? readCi(after, sub.name) : undefined;
  if (!deepEqual(subBefore, subAfter)) checkChange(sub, subBefore, subAfter, label);
}

function checkChange(definition: AttributeDefinition, before: unknown, after: unknown, label: string): void {
  if (definition.mutability === 'readOnly') throw denied(label, 'readOnly');
  if (definition.mutability === 'immutable' && !isUnassigned(before)) throw denied(label, 'immutable');
  if (definition.required && isUnassigned(after)) {
    throw ScimError.mutability(`"${label}" is required and cannot be removed`);
  }
}

function denied(label: string, mutability: 'readOnly' | 'immutable'): ScimError {
  const why = mutability === 'readOnly' ? 'is read-only' : 'is immutable once set';
  return ScimError.mutability(`"${label}" ${why}`);
}
