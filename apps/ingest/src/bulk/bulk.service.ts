import { Injectable } from '@nestjs/common';
import type { DirectoryContext } from '@roster/directory-sync';
import { SCIM_URNS, ScimError } from '@roster/scim';
import { expectedVersion } from '../http/etag';
import { etagOf } from '../http/etag';
import { GroupsService } from '../groups/groups.service';
import type { ScimResourceService, VersionedResource } from '../resources/scim-resource-service';
import { UsersService } from '../users/users.service';
import { type BulkOperation, type BulkRequest, resolveBulkIds } from './bulk-request';

interface BulkResult {
  method: string;
  bulkId?: string;
  location?: string;
  version?: string;
  status: string;
  response?: unknown;
}

/**
 * RFC 7644 §3.7: operations run in order, each in its own transaction (a bulk
 * request is not atomic), with `bulkId:` references resolved from earlier
 * POSTs, stopping after `failOnErrors` failures.
 */
@Injectable()
export class BulkService {
  constructor(
    private readonly users: UsersService,
    private readonly groups: GroupsService,
  ) {}

  async run(directory: DirectoryContext, request: BulkRequest) {
    const created = new Map<string, string>();
    const results: BulkResult[] = [];
    let errors = 0;
    for (const operation of request.operations) {
      if (request.failOnErrors !== undefined && errors >= request.failOnErrors) break;
      const result = await this.runOne(directory, operation, created);
      if (Number(result.status) >= 400) errors += 1;
      results.push(result);
    }
    return { schemas: [SCIM_URNS.bulkResponse], Operations: results };
  }

  private async runOne(
    directory: DirectoryContext,
    operation: BulkOperation,
    created: Map<string, string>,
  ): Promise<BulkResult> {
    const base = { method: operation.method, ...(operation.bulkId === undefined ? {} : { bulkId: operation.bulkId }) };
    try {
      const path = resolveBulkIds(operation.path, created);
      const outcome = await this.dispatch(directory, {
        ...operation,
        path,
        data: resolveBulkIds(operation.data, created),
      });
      const id = outcome.resource?.resource.id;
      if (operation.method === 'POST' && operation.bulkId && typeof id === 'string') created.set(operation.bulkId, id);
      const location = (outcome.resource?.resource.meta as { location?: string } | undefined)?.location;
      return {
        ...base,
        ...(location ? { location } : {}),
        ...(outcome.resource ? { version: etagOf(outcome.resource.version) } : {}),
        status: String(outcome.status),
      };
    } catch (error) {
      if (!(error instanceof ScimError)) throw error;
      return { ...base, status: String(error.status), response: error.toScimErrorBody() };
    }
  }

  private async dispatch(
    directory: DirectoryContext,
    operation: BulkOperation,
  ): Promise<{ status: number; resource?: VersionedResource }> {
    const [, type, id, ...rest] = operation.path.split('/');
    const service: ScimResourceService | undefined =
      type === 'Users' ? this.users : type === 'Groups' ? this.groups : undefined;
    if (!service || rest.length > 0) throw ScimError.invalidPath(`${operation.path} is not /Users or /Groups[/id]`);
    const version = expectedVersion(operation.version);
    if (operation.method === 'POST') {
      if (id) throw ScimError.invalidPath('POST goes to /Users or /Groups');
      return { status: 201, resource: await service.create(directory, operation.data) };
    }
    if (!id) throw ScimError.invalidPath(`${operation.method} needs a resource id in the path`);
    switch (operation.method) {
      case 'PUT':
        return { status: 200, resource: await service.replace(directory, id, operation.data, version) };
      case 'PATCH': {
        const resource = await service.patch(directory, id, operation.data, {}, version);
        return resource ? { status: 200, resource } : { status: 204 };
      }
      case 'DELETE':
        await service.delete(directory, id, version);
        return { status: 204 };
    }
  }
}
