// Public API of @roster/dialects: IdP SCIM dialects normalized to canonical SCIM 2.0 (pure, no I/O).
export { DIALECTS, type Dialect, type DialectHint, dialectOfProvider } from './dialect';
export { type ClientRequest, detectClient } from './detect-client';
export { normalizeResourceBody } from './normalize-resource-body';
export { type CanonicalPatchBody, normalizePatchBody } from './normalize-patch-body';
export { dialectFilterOptions, normalizeFilterParam, readRawQueryParam } from './normalize-filter-param';
export {
  type ScimV1ErrorBody,
  scimV1PatchToPatchOp,
  toScimV1Error,
  toScimV1ListResponse,
  toScimV1Resource,
  toScimV1ResponseBody,
} from './scim-v1';
export { SCIM_V1_URNS } from './scim-urns';
export type { ResourceTypeName } from './resource-types';
export { isTemplateArtefact } from './template-artefacts';
