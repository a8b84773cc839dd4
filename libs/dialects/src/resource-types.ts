import { GROUP_RESOURCE_TYPE, type ResourceTypeDefinition, USER_RESOURCE_TYPE } from '@roster/scim';

/** The resource types a SCIM client writes. */
export type ResourceTypeName = 'User' | 'Group';

export function resourceTypeOf(name: ResourceTypeName): ResourceTypeDefinition {
  return name === 'User' ? USER_RESOURCE_TYPE : GROUP_RESOURCE_TYPE;
}
