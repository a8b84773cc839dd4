import { SCIM_URNS } from '../../schema/schema-urns';
import type {
  AttributeMapping,
  ColumnMapping,
  FilterMapping,
  JsonbArrayMapping,
  JsonbMapping,
  JsonElementMapping,
} from './attribute-mapping';

const ATTRIBUTES = 'attributes';

const column = (name: string, type: ColumnMapping['type'] = 'string', caseExact = false): ColumnMapping => ({
  kind: 'column',
  column: name,
  type,
  caseExact,
});

/** A string stored only in the resource JSON: `t.attributes->'a'->>'b'`. */
const stored = (...path: string[]): JsonbMapping => ({
  kind: 'jsonb',
  column: ATTRIBUTES,
  path,
  type: 'string',
  caseExact: false,
});

const key = (name: string, caseExact = false): JsonElementMapping => ({ key: name, type: 'string', caseExact });

/** value/display/type/primary arrays (emails, phoneNumbers, ims, photos, roles, entitlements). */
const typedValues = (name: string): JsonbArrayMapping => ({
  kind: 'jsonbArray',
  column: ATTRIBUTES,
  path: [name],
  elements: {
    value: key('value'),
    display: key('display'),
    type: key('type'),
    primary: { key: 'primary', type: 'boolean', caseExact: false },
  },
  defaultSubAttribute: 'value',
});

const addresses: JsonbArrayMapping = {
  kind: 'jsonbArray',
  column: ATTRIBUTES,
  path: ['addresses'],
  elements: {
    ...Object.fromEntries(
      ['formatted', 'streetAddress', 'locality', 'region', 'postalCode', 'country', 'type'].map((name) => [name, key(name)]),
    ),
    primary: { key: 'primary', type: 'boolean', caseExact: false },
  },
};

// Relies on the stored resource keeping the `schemas` the client sent.
const schemas: JsonbArrayMapping = {
  kind: 'jsonbArray',
  column: ATTRIBUTES,
  path: ['schemas'],
  elements: { value: { self: true, type: 'string', caseExact: false } },
  defaultSubAttribute: 'value',
};

// Our ids are lowercase TypeIDs; comparing them exactly keeps the indexes usable.
const common: Record<string, AttributeMapping> = {
  id: column('id', 'string', true),
  externalId: column('external_id', 'string', true),
  'meta.created': column('created_at', 'dateTime'),
  'meta.lastModified': column('updated_at', 'dateTime'),
  schemas,
};

const enterprise = (name: string): [string, JsonbMapping] => [
  `${SCIM_URNS.enterpriseUser}:${name}`,
  stored(SCIM_URNS.enterpriseUser, ...name.split('.')),
];

/** Filterable User attributes over `directory_users`. */
export const USER_FILTER_MAPPING: FilterMapping = {
  coreSchemaUrn: SCIM_URNS.user,
  attributes: {
    ...common,
    userName: column('user_name'),
    displayName: column('display_name'),
    active: column('active', 'boolean'),
    'name.givenName': column('given_name'),
    'name.familyName': column('family_name'),
    ...Object.fromEntries(
      ['formatted', 'middleName', 'honorificPrefix', 'honorificSuffix'].map((name) => [`name.${name}`, stored('name', name)]),
    ),
    ...Object.fromEntries(
      ['nickName', 'profileUrl', 'title', 'userType', 'preferredLanguage', 'locale', 'timezone'].map((name) => [
        name,
        stored(name),
      ]),
    ),
    emails: typedValues('emails'),
    phoneNumbers: typedValues('phoneNumbers'),
    ims: typedValues('ims'),
    photos: typedValues('photos'),
    roles: typedValues('roles'),
    entitlements: typedValues('entitlements'),
    addresses,
    groups: {
      kind: 'joinTable',
      table: 'group_memberships',
      ownerColumn: 'user_id',
      ownerKey: 'id',
      elements: { value: { column: 'group_id', type: 'string', caseExact: true } },
      defaultSubAttribute: 'value',
    },
    ...Object.fromEntries(
      ['employeeNumber', 'costCenter', 'organization', 'division', 'department', 'manager.value', 'manager.displayName'].map(
        enterprise,
      ),
    ),
  },
};

/** Filterable Group attributes over `directory_groups`. */
export const GROUP_FILTER_MAPPING: FilterMapping = {
  coreSchemaUrn: SCIM_URNS.group,
  attributes: {
    ...common,
    displayName: column('display_name'),
    members: {
      kind: 'joinTable',
      table: 'group_memberships',
      ownerColumn: 'group_id',
      ownerKey: 'id',
      elements: { value: { column: 'user_id', type: 'string', caseExact: true } },
      defaultSubAttribute: 'value',
    },
  },
};
