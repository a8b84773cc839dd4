// Public API of @roster/scim: pure SCIM 2.0 domain code (no framework, no I/O).

export { SCIM_TYPES, ScimError, type ScimErrorBody, type ScimErrorInit, type ScimType } from './errors/scim-error';

export type {
  AttributeDefinition,
  AttributeType,
  Mutability,
  ResourceTypeDefinition,
  Returned,
  SchemaDefinition,
  Uniqueness,
} from './schema/attribute-definition';
export { type AttributePath, formatAttributePath, parseAttributePath } from './schema/attribute-path';
export { COMMON_ATTRIBUTES } from './schema/common-attributes';
export { ENTERPRISE_USER_SCHEMA } from './schema/enterprise-user-schema';
export { GROUP_SCHEMA } from './schema/group-schema';
export {
  findAttribute,
  findSchemaExtension,
  type ResolvedAttribute,
  resolveAttribute,
} from './schema/resolve-attribute';
export { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from './schema/resource-types';
export { SCIM_URNS, sameUrn } from './schema/schema-urns';
export { USER_SCHEMA } from './schema/user-schema';

export {
  COMPARE_OPERATORS,
  type CompareFilter,
  type CompareOperator,
  type CompareValue,
  type Filter,
  type LogicalFilter,
  type NotFilter,
  type PresentFilter,
  type ValuePathFilter,
} from './filter/filter-ast';
export type { FilterParseOptions, ParsedPathExpression } from './filter/filter-parser';
export { parseFilter } from './filter/parse-filter';
export { stringifyFilter } from './filter/stringify-filter';
export type {
  AttributeMapping,
  CollectionMapping,
  ColumnMapping,
  FilterMapping,
  JoinColumnMapping,
  JoinTableMapping,
  JsonbArrayMapping,
  JsonbMapping,
  JsonElementMapping,
  JsonValueType,
  ScalarMapping,
  SqlValueType,
} from './filter/sql/attribute-mapping';
export { type CompileFilterOptions, compileFilter, type SqlFragment } from './filter/sql/compile-filter';
export { compileSortKey } from './filter/sql/compile-sort-key';
export { GROUP_FILTER_MAPPING, USER_FILTER_MAPPING } from './filter/sql/roster-filter-mappings';

export { applyGroupPatch, type GroupPatchResult } from './patch/apply-group-patch';
export { applyPatch, applyPatchOperations } from './patch/apply-patch';
export type { MembershipOperation } from './patch/membership-operation';
export { parsePatchPath } from './patch/parse-patch-path';
export {
  type ApplyPatchOptions,
  PATCH_OPS,
  type PatchOperation,
  type PatchOpName,
  type PatchResult,
} from './patch/patch-operation';
export { readPatchOperations } from './patch/read-patch-request';

export { readAttributeValue } from './resource/read-attribute-value';
export { deepEqual, isPlainObject } from './patch/json-value';
export { type AttributeSelection, isAttributeExcluded, projectAttributes } from './resource/project-attributes';
export { readResource, type ResourceInput } from './resource/read-resource';
