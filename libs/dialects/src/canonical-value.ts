import { type AttributeDefinition, findAttribute, isPlainObject, ScimError } from '@roster/scim';
import { isTemplateArtefact } from './template-artefacts';

/** How tolerant to be of "not really sent" values. */
export interface ValueOptions {
  /** `""` means "not set": templating clients render a missing value as an empty string. */
  readonly emptyIsAbsent: boolean;
  /** In PATCH values `null` means "unassign" and is kept; in POST/PUT bodies it is just absent. */
  readonly keepNull?: boolean;
}

/** Null, an unresolved template placeholder, or (for templating clients) `""`: the client sent no value. */
export function isAbsent(value: unknown, options: ValueOptions): boolean {
  if (value === null) return options.keepNull !== true;
  return value === undefined || isTemplateArtefact(value) || (options.emptyIsAbsent && value === '');
}

/** `"True"`, `"false"`, ` TRUE ` to booleans; anything else unchanged (the core rejects what stays wrong). */
export function coerceBoolean(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim().toLowerCase();
  if (text === 'true') return true;
  if (text === 'false') return false;
  return value;
}

/**
 * The canonical form of a value for its attribute definition, or undefined when
 * nothing usable was sent: multi-valued attributes sent as one object (or one
 * string) become arrays, sub-attribute names take schema casing, string booleans
 * become booleans, a bare string for a singular reference (`manager`) becomes
 * `{"value": ...}`, and absent sub-values (`"$ref": null`, placeholders) go.
 * @throws ScimError 400 invalidValue when a complex attribute is neither object nor string.
 */
export function canonicalValue(
  definition: AttributeDefinition,
  value: unknown,
  label: string,
  options: ValueOptions,
): unknown {
  if (isAbsent(value, options)) return undefined;
  if (value === null || !definition.multiValued) return canonicalSingle(definition, value, label, options);
  // Elements are whole values: a null inside one, like Entra's `"$ref": null`, is just absent.
  const elementOptions = { ...options, keepNull: false };
  const items = Array.isArray(value) ? value : [value];
  const elements = items
    .map((item) => canonicalSingle(definition, item, label, elementOptions))
    .filter((item) => item !== undefined);
  return elements.length === 0 ? undefined : elements;
}

/** One value (a singular attribute, or one element of a multi-valued one). */
export function canonicalSingle(
  definition: AttributeDefinition,
  value: unknown,
  label: string,
  options: ValueOptions,
): unknown {
  if (isAbsent(value, options)) return undefined;
  if (value === null) return null;
  if (definition.type !== 'complex') return definition.type === 'boolean' ? coerceBoolean(value) : value;
  if (typeof value === 'string' && findAttribute(definition.subAttributes, 'value')) return { value };
  if (!isPlainObject(value)) throw ScimError.invalidValue(`"${label}" must be an object`);
  return canonicalComplex(definition, value, label, options);
}

function canonicalComplex(
  definition: AttributeDefinition,
  value: Record<string, unknown>,
  label: string,
  options: ValueOptions,
): Record<string, unknown> | undefined {
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (isAbsent(item, options)) continue;
    const sub = findAttribute(definition.subAttributes, subAttributeAlias(definition, key));
    const name = sub?.name ?? key;
    Object.defineProperty(result, name, {
      value: sub === undefined ? item : canonicalSingle(sub, item, `${label}.${name}`, options),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return Object.keys(result).length === 0 ? undefined : result;
}

// SCIM 1.1's enterprise manager says `managerId` where 2.0 says `value`.
function subAttributeAlias(definition: AttributeDefinition, key: string): string {
  return definition.name === 'manager' && key.toLowerCase() === 'managerid' ? 'value' : key;
}
