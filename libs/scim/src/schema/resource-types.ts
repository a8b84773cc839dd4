import type { ResourceTypeDefinition } from './attribute-definition';
import { ENTERPRISE_USER_SCHEMA } from './enterprise-user-schema';
import { GROUP_SCHEMA } from './group-schema';
import { USER_SCHEMA } from './user-schema';

export const USER_RESOURCE_TYPE: ResourceTypeDefinition = {
  id: 'User',
  name: 'User',
  endpoint: '/Users',
  description: 'User Account',
  schema: USER_SCHEMA,
  schemaExtensions: [{ schema: ENTERPRISE_USER_SCHEMA, required: false }],
};

export const GROUP_RESOURCE_TYPE: ResourceTypeDefinition = {
  id: 'Group',
  name: 'Group',
  endpoint: '/Groups',
  description: 'Group',
  schema: GROUP_SCHEMA,
  schemaExtensions: [],
};
