import type { DirectoryContext } from '@roster/directory-sync';
import type { AttributeSelection } from '@roster/scim';
import type { ScimListResponse } from '../list/list-response';
import type { ListRequest } from '../list/list-request';

/** A SCIM resource with the version its ETag carries. */
export interface VersionedResource {
  resource: Record<string, unknown>;
  version: number;
}

/** What /Users and /Groups both offer; the HTTP layer is written once over it. */
export interface ScimResourceService {
  create(directory: DirectoryContext, body: unknown): Promise<VersionedResource>;
  get(directory: DirectoryContext, id: string, selection?: AttributeSelection): Promise<VersionedResource>;
  list(directory: DirectoryContext, request: ListRequest): Promise<ScimListResponse>;
  replace(directory: DirectoryContext, id: string, body: unknown, version?: number): Promise<VersionedResource>;
  /** Undefined when the answer is 204 No Content. */
  patch(
    directory: DirectoryContext,
    id: string,
    body: unknown,
    selection: AttributeSelection,
    version?: number,
  ): Promise<VersionedResource | undefined>;
  delete(directory: DirectoryContext, id: string, version?: number): Promise<void>;
}
