import { ScimError } from '../errors/scim-error';
import type { CompareFilter, CompareOperator, CompareValue, Filter } from '../filter/filter-ast';
import type { AttributeDefinition } from '../schema/attribute-definition';
import { type AttributePath, formatAttributePath } from '../schema/attribute-path';
import { isDateTime } from '../schema/date-time';
import { findAttribute } from '../schema/resolve-attribute';
import { isPlainObject, readCi } from './json-value';

/** Tests one element of a multi-valued attribute. */
export type ElementPredicate = (element: unknown) => boolean;

const STRING_TYPES = new Set(['string', 'reference', 'binary']);
const ORDERED: ReadonlySet<CompareOperator> = new Set(['gt', 'ge', 'lt', 'le']);

/**
 * Turns the filter of a PATCH valuePath into a predicate over elements, checking
 * every path and comparison up front so a bad filter fails even when the array
 * is empty. Semantics follow the SQL compiler: caseExact from the schema,
 * `ne` true for a missing value, `eq null` meaning "not present".
 * @throws ScimError 400 invalidPath.
 */
export function compileValueFilter(filter: Filter, definition: AttributeDefinition, label: string): ElementPredicate {
  switch (filter.kind) {
    case 'and':
    case 'or': {
      const left = compileValueFilter(filter.left, definition, label);
      const right = compileValueFilter(filter.right, definition, label);
      return filter.kind === 'and' ? (element) => left(element) && right(element) : (element) => left(element) || right(element);
    }
    case 'not': {
      const inner = compileValueFilter(filter.filter, definition, label);
      return (element) => !inner(element);
    }
    case 'valuePath':
      throw ScimError.invalidPath(`Value filters cannot be nested inside "${label}"`);
    case 'present': {
      const read = reader(filter.path, definition, label);
      return (element) => isPresent(read.value(element));
    }
    case 'compare':
      return compileComparison(filter, definition, label);
  }
}

interface Reader {
  readonly definition: AttributeDefinition;
  readonly value: (element: unknown) => unknown;
}

// Paths inside brackets name a sub-attribute, or `value` for arrays of simple values.
function reader(path: AttributePath, definition: AttributeDefinition, label: string): Reader {
  const name = path.name;
  const qualified = path.uri !== undefined || path.subAttribute !== undefined;
  if (definition.type !== 'complex') {
    if (qualified || name.toLowerCase() !== 'value') throw unknownSubAttribute(label, formatAttributePath(path));
    return { definition: { ...definition, multiValued: false }, value: (element) => element };
  }
  const sub = qualified ? undefined : findAttribute(definition.subAttributes, name);
  if (sub === undefined) throw unknownSubAttribute(label, formatAttributePath(path));
  return { definition: sub, value: (element) => (isPlainObject(element) ? readCi(element, sub.name) : undefined) };
}

function compileComparison(filter: CompareFilter, definition: AttributeDefinition, label: string): ElementPredicate {
  const read = reader(filter.path, definition, label);
  const where = `${label}.${read.definition.name}`;
  const { op, value } = filter;
  if (value === null) {
    if (op !== 'eq' && op !== 'ne') throw ScimError.invalidPath(`"${op}" cannot compare "${where}" with null`);
    return (element) => isPresent(read.value(element)) === (op === 'ne');
  }
  const compare = comparator(read.definition, op, value, where);
  return (element) => compare(read.value(element));
}

function comparator(definition: AttributeDefinition, op: CompareOperator, value: CompareValue, where: string) {
  if (STRING_TYPES.has(definition.type)) return stringComparator(definition, op, value, where);
  if (definition.type === 'boolean') {
    if (typeof value !== 'boolean' || (op !== 'eq' && op !== 'ne')) throw unsupported(op, where, 'boolean');
    return (actual: unknown) => (actual === value) === (op === 'eq');
  }
  if (definition.type === 'dateTime') {
    if (!isDateTime(value) || !(op === 'eq' || op === 'ne' || ORDERED.has(op))) throw unsupported(op, where, 'dateTime');
    const expected = Date.parse(value);
    return (actual: unknown) => ordered(op, isDateTime(actual) ? Date.parse(actual) : undefined, expected);
  }
  if (typeof value !== 'number' || !(op === 'eq' || op === 'ne' || ORDERED.has(op))) {
    throw unsupported(op, where, definition.type);
  }
  return (actual: unknown) => ordered(op, typeof actual === 'number' ? actual : undefined, value);
}

function stringComparator(definition: AttributeDefinition, op: CompareOperator, value: CompareValue, where: string) {
  if (typeof value !== 'string' && typeof value !== 'number') throw unsupported(op, where, 'string');
  const fold = (text: string): string => (definition.caseExact ? text : text.toLowerCase());
  const expected = fold(String(value));
  return (actual: unknown): boolean => {
    const text = typeof actual === 'string' || typeof actual === 'number' ? fold(String(actual)) : undefined;
    if (text === undefined) return op === 'ne';
    if (op === 'co') return text.includes(expected);
    if (op === 'sw') return text.startsWith(expected);
    if (op === 'ew') return text.endsWith(expected);
    return ordered(op, text, expected);
  };
}

function ordered<T extends string | number>(op: CompareOperator, actual: T | undefined, expected: T): boolean {
  if (actual === undefined) return op === 'ne';
  switch (op) {
    case 'eq':
      return actual === expected;
    case 'ne':
      return actual !== expected;
    case 'gt':
      return actual > expected;
    case 'ge':
      return actual >= expected;
    case 'lt':
      return actual < expected;
    default:
      return actual <= expected;
  }
}

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
}

function unsupported(op: CompareOperator, where: string, type: string): ScimError {
  return ScimError.invalidPath(`"${op}" with that value is not supported for ${type} attribute "${where}"`);
}

function unknownSubAttribute(label: string, name: string): ScimError {
  return ScimError.invalidPath(`"${name}" is not a sub-attribute of "${label}"`);
}
