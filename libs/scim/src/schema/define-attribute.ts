import type { AttributeDefinition, AttributeType } from './attribute-definition';

type Characteristics = Partial<Omit<AttributeDefinition, 'name' | 'type' | 'description' | 'subAttributes'>>;

// RFC 7643 §2.2 defaults, so the schema files list only what differs.
const DEFAULTS = {
  multiValued: false,
  required: false,
  caseExact: false,
  mutability: 'readWrite',
  returned: 'default',
  uniqueness: 'none',
} as const;

/** A simple (non-complex) attribute with RFC 7643 defaults. */
export function simpleAttribute(
  name: string,
  type: Exclude<AttributeType, 'complex'>,
  description: string,
  characteristics: Characteristics = {},
): AttributeDefinition {
  return { name, type, description, ...DEFAULTS, ...characteristics };
}

/** A string attribute with RFC 7643 defaults. */
export function stringAttribute(
  name: string,
  description: string,
  characteristics: Characteristics = {},
): AttributeDefinition {
  return simpleAttribute(name, 'string', description, characteristics);
}

/** A complex attribute; its sub-attributes are simple per RFC 7643 §2.3.8. */
export function complexAttribute(
  name: string,
  description: string,
  subAttributes: readonly AttributeDefinition[],
  characteristics: Characteristics = {},
): AttributeDefinition {
  return { name, type: 'complex', description, ...DEFAULTS, ...characteristics, subAttributes };
}

/** The value/display/type/primary shape shared by emails, phoneNumbers, ims, photos, etc. */
export function typedValueAttribute(
  name: string,
  description: string,
  options: { types: readonly string[]; value?: AttributeDefinition },
): AttributeDefinition {
  return complexAttribute(
    name,
    description,
    [
      options.value ?? stringAttribute('value', `The value of the ${name} entry.`),
      stringAttribute('display', 'A human-readable name, primarily used for display purposes.'),
      stringAttribute('type', `A label indicating the ${name} entry's function.`, { canonicalValues: options.types }),
      simpleAttribute('primary', 'boolean', 'Whether this is the primary or preferred value; true at most once.'),
    ],
    { multiValued: true },
  );
}
