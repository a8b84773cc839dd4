import type { AttributeDefinition } from './attribute-definition';
import { COMMON_ATTRIBUTES } from './common-attributes';
import { ENTERPRISE_USER_SCHEMA } from './enterprise-user-schema';
import { GROUP_SCHEMA } from './group-schema';
import { resolveAttribute } from './resolve-attribute';
import { USER_RESOURCE_TYPE } from './resource-types';
import { USER_SCHEMA } from './user-schema';

const CHARACTERISTICS = ['name', 'type', 'multiValued', 'description', 'required', 'caseExact', 'mutability', 'returned', 'uniqueness'];

function allAttributes(attributes: readonly AttributeDefinition[]): AttributeDefinition[] {
  return attributes.flatMap((attribute) => [attribute, ...allAttributes(attribute.subAttributes ?? [])]);
}

describe('schema definitions', () => {
  const schemas = [USER_SCHEMA, ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA];

  it.each(schemas.map((schema) => [schema.name, schema] as const))('%s carries every RFC 7643 §7 characteristic', (_name, schema) => {
    for (const attribute of allAttributes(schema.attributes)) {
      for (const key of CHARACTERISTICS) expect(attribute).toHaveProperty(key);
      expect(attribute.description.length).toBeGreaterThan(0);
      if (attribute.type === 'complex') expect(attribute.subAttributes?.length).toBeGreaterThan(0);
      else expect(attribute.subAttributes).toBeUndefined();
    }
  });

  it('has unique names per level', () => {
    for (const attributes of [USER_SCHEMA.attributes, ENTERPRISE_USER_SCHEMA.attributes, GROUP_SCHEMA.attributes, COMMON_ATTRIBUTES]) {
      const names = attributes.map((attribute) => attribute.name.toLowerCase());
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('lists the RFC 7643 §4.1 User attributes', () => {
    expect(USER_SCHEMA.attributes.map((attribute) => attribute.name)).toEqual([
      'userName', 'name', 'displayName', 'nickName', 'profileUrl', 'title', 'userType', 'preferredLanguage', 'locale',
      'timezone', 'active', 'password', 'emails', 'phoneNumbers', 'ims', 'photos', 'addresses', 'groups',
      'entitlements', 'roles', 'x509Certificates',
    ]);
  });

  it.each([
    ['userName', { required: true, uniqueness: 'server', caseExact: false }],
    ['password', { mutability: 'writeOnly', returned: 'never' }],
    ['groups', { mutability: 'readOnly', multiValued: true }],
    ['emails', { multiValued: true, type: 'complex' }],
    ['emails.type', { canonicalValues: ['work', 'home', 'other'] }],
    ['emails.primary', { type: 'boolean' }],
    ['profileUrl', { type: 'reference', referenceTypes: ['external'] }],
    ['id', { mutability: 'readOnly', caseExact: true, returned: 'always' }],
    ['externalId', { caseExact: true, mutability: 'readWrite' }],
    ['meta.lastModified', { type: 'dateTime', mutability: 'readOnly' }],
    ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.displayName', { mutability: 'readOnly' }],
  ])('%s has the RFC characteristics', (path, expected) => {
    const resolved = resolveAttribute(USER_RESOURCE_TYPE, path);
    expect(resolved?.subAttribute ?? resolved?.attribute).toMatchObject(expected);
  });

  it('is serializable for /Schemas', () => {
    expect(JSON.parse(JSON.stringify(USER_SCHEMA))).toEqual(USER_SCHEMA);
  });
});
