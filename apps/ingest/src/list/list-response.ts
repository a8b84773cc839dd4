import { SCIM_URNS } from '@roster/scim';

/** RFC 7644 §3.4.2 ListResponse. */
export interface ScimListResponse {
  schemas: [typeof SCIM_URNS.listResponse];
  totalResults: number;
  startIndex: number;
  itemsPerPage: number;
  Resources: Record<string, unknown>[];
}

export function toListResponse(
  total: number,
  startIndex: number,
  resources: Record<string, unknown>[],
): ScimListResponse {
  return {
    schemas: [SCIM_URNS.listResponse],
    totalResults: total,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}
