import { ScimError } from '../errors/scim-error';
import type { AttributeDefinition } from '../schema/attribute-definition';
import { isDateTime } from '../schema/date-time';
import { findAttribute } from '../schema/resolve-attribute';
import { isPlainObject, type JsonObject, setOwn } from './json-value';

/**
 * Checks a value against its attribute definition and returns it with
 * sub-attribute keys in their schema casing. `null` passes through: it means
 * "unassign", and inside a singular complex value it unassigns that
 * sub-attribute when merged. Elements of multi-valued attributes are whole
 * values, so their null sub-attributes are dropped. Sub-attributes the schema
 * does not know are kept as sent.
 * @throws ScimError 400 invalidValue naming the attribute.
 */
export function normalizeValue(definition: AttributeDefinition, value: unknown, label: string): unknown {
  if (value === null) return null;
  if (!definition.multiValued) return normalizeComplexOrSimple(definition, value, label, true);
  if (!Array.isArray(value)) throw ScimError.invalidValue(`"${label}" is multi-valued; its value must be an array`);
  return value.filter((item) => item !== null).map((item) => normalizeElement(definition, item, label));
}

/** Normalizes one element of a multi-valued attribute. */
export function normalizeElement(definition: AttributeDefinition, value: unknown, label: string): unknown {
  return normalizeComplexOrSimple(definition, value, label, false);
}

function normalizeComplexOrSimple(definition: AttributeDefinition, value: unknown, label: string, keepNulls: boolean) {
  if (definition.type !== 'complex') return normalizeSimple(definition, value, label);
  if (!isPlainObject(value)) throw ScimError.invalidValue(`"${label}" must be an object`);
  const normalized: JsonObject = {};
  for (const [key, item] of Object.entries(value)) {
    const sub = findAttribute(definition.subAttributes, key);
    if (item === null) {
      if (keepNulls) setOwn(normalized, sub?.name ?? key, null);
    } else if (sub === undefined) {
      setOwn(normalized, key, item);
    } else {
      setOwn(normalized, sub.name, normalizeSimple(sub, item, `${label}.${sub.name}`));
    }
  }
  return normalized;
}

/** Checks a simple (non-complex) value against its type. */
export function normalizeSimple(definition: AttributeDefinition, value: unknown, label: string): unknown {
  if (!matchesType(definition, value)) {
    throw ScimError.invalidValue(`"${label}" must be ${describeType(definition)}`);
  }
  return value;
}

function matchesType(definition: AttributeDefinition, value: unknown): boolean {
  switch (definition.type) {
    case 'string':
    case 'reference':
    case 'binary':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return Number.isSafeInteger(value);
    case 'decimal':
      return typeof value === 'number' && Number.isFinite(value);
    case 'dateTime':
      return isDateTime(value);
    case 'complex':
      return isPlainObject(value);
  }
}

function describeType(definition: AttributeDefinition): string {
  switch (definition.type) {
    case 'integer':
      return 'an integer';
    case 'dateTime':
      return 'an RFC 3339 date-time string';
    case 'complex':
      return 'an object';
    case 'reference':
    case 'binary':
      return 'a string';
    default:
      return `a ${definition.type}`;
  }
}
