import type { ScimRequestRow } from '@roster/data';

/** One logged SCIM request (bodies come redacted of secrets from ingest). */
export interface ScimRequestObject {
  object: 'scim_request';
  id: string;
  directory_id: string;
  method: string;
  path: string;
  status: number;
  duration_ms: number;
  /** The IdP dialect detected from the User-Agent and request shapes. */
  client: string | null;
  error_detail: string | null;
  request_body: unknown;
  created_at: string;
}

export function toScimRequestObject(row: ScimRequestRow): ScimRequestObject {
  return {
    object: 'scim_request',
    id: row.id,
    directory_id: row.directoryId,
    method: row.method,
    path: row.path,
    status: row.status,
    duration_ms: row.durationMs,
    client: row.client,
    error_detail: row.errorDetail,
    request_body: row.requestBody ?? null,
    created_at: row.createdAt.toISOString(),
  };
}
