import { ScimError } from '../errors/scim-error';
import type { AttributeDefinition } from '../schema/attribute-definition';
import { compileValueFilter } from './compile-value-filter';
import { isPlainObject, type JsonObject, readCi, writeCi } from './json-value';
import { keepSinglePrimary, mergeObjects } from './merge-values';
import { normalizeElement, normalizeValue } from './normalize-value';
import type { ApplyPatchOptions, PatchOpName } from './patch-operation';
import type { AttributeTarget } from './resolve-patch-target';
import { seedElement } from './seed-element';

type ElementsTarget = AttributeTarget & { readonly definition: AttributeDefinition };

/**
 * Operations on the elements of a multi-valued attribute selected by a
 * valuePath filter (`emails[type eq "work"]`), or on every element when a
 * sub-attribute is named without a filter (`emails.display`).
 */
export function applyToElements(
  container: JsonObject,
  target: ElementsTarget,
  op: PatchOpName,
  value: unknown,
  options: ApplyPatchOptions,
): void {
  const { definition, filter } = target;
  const matches = filter === undefined ? () => true : compileValueFilter(filter, definition, definition.name);
  const current = readCi(container, definition.name);
  const elements: unknown[] = Array.isArray(current) ? current : [];
  const hits = elements.filter((element) => matches(element));
  if (op === 'remove') {
    removeFromElements(container, target, elements, hits);
  } else if (hits.length === 0) {
    addUnmatched(container, target, op, value, elements, options);
  } else {
    writeMatched(container, target, op, value, elements, hits);
  }
}

function removeFromElements(container: JsonObject, target: ElementsTarget, elements: unknown[], hits: unknown[]): void {
  const sub = target.subAttribute;
  if (sub !== undefined) {
    for (const hit of hits) if (isPlainObject(hit)) writeCi(hit, sub.name, undefined);
    return;
  }
  if (hits.length === 0) return;
  const remaining = elements.filter((element) => !hits.includes(element));
  writeCi(container, target.name, remaining.length > 0 ? remaining : undefined);
}

function writeMatched(
  container: JsonObject,
  target: ElementsTarget,
  op: PatchOpName,
  value: unknown,
  elements: unknown[],
  hits: unknown[],
): void {
  const written = hits.map((hit) => writeElement(target, op, value, hit));
  const list = elements.map((element) => {
    const index = hits.indexOf(element);
    return index === -1 ? element : written[index];
  });
  keepSinglePrimary(target.definition, list, written);
  writeCi(container, target.name, list);
}

// Returns the element to keep in place of `hit`.
function writeElement(target: ElementsTarget, op: PatchOpName, value: unknown, hit: unknown): unknown {
  const sub = target.subAttribute;
  if (sub !== undefined) {
    const normalized = normalizeValue(sub, value, target.label);
    const element = isPlainObject(hit) ? hit : {};
    writeCi(element, sub.name, normalized === null ? undefined : normalized);
    return element;
  }
  const replacement = normalizeElement(target.definition, value, target.label);
  if (op === 'replace' || !isPlainObject(replacement)) return structuredClone(replacement);
  return mergeObjects(hit, replacement);
}

function addUnmatched(
  container: JsonObject,
  target: ElementsTarget,
  op: PatchOpName,
  value: unknown,
  elements: unknown[],
  options: ApplyPatchOptions,
): void {
  const allowed = op === 'add' || options.replaceUnmatchedFilterAsAdd === true;
  const seed = allowed && target.filter !== undefined ? seedElement(target.filter, target.definition) : undefined;
  if (seed === undefined) throw ScimError.noTarget(`No value of "${target.name}" matches "${target.label}"`);
  const element = writeElement(target, 'add', value, seed);
  const list = [...elements, element];
  keepSinglePrimary(target.definition, list, [element]);
  writeCi(container, target.name, list);
}
