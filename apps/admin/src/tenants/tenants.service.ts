import { Injectable } from '@nestjs/common';
import { DirectoriesRepository, type PageQuery, PrismaService, TenantsRepository, UniqueViolationError } from '@roster/data';
import { ApiError, type ApiPrincipal, type ListResponse, toListResponse } from '@roster/platform';
import { AuditService } from '../audit/audit.service';
import { DirectoryRemovalService } from '../directories/directory-removal.service';
import { type TenantObject, toTenantObject } from './tenant.object';
import type { CreateTenantBody, UpdateTenantBody } from './tenant.schemas';

@Injectable()
export class TenantsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly tenants: TenantsRepository,
    private readonly directories: DirectoriesRepository,
    private readonly directoryRemoval: DirectoryRemovalService,
    private readonly audit: AuditService,
  ) {}

  async create(principal: ApiPrincipal, body: CreateTenantBody): Promise<TenantObject> {
    const tenant = await this.tenants
      .create({ name: body.name, externalId: body.external_id, domains: body.domains })
      .catch(rethrowExternalIdTaken);
    await this.audit.record(principal, { action: 'tenant.created', targetType: 'tenant', targetId: tenant.id, tenantId: tenant.id });
    return toTenantObject(tenant);
  }

  async get(id: string): Promise<TenantObject> {
    return toTenantObject(await this.require(id));
  }

  async list(page: PageQuery, externalId?: string): Promise<ListResponse<TenantObject>> {
    return toListResponse(await this.tenants.list(page, { externalId }), toTenantObject);
  }

  async update(principal: ApiPrincipal, id: string, body: UpdateTenantBody): Promise<TenantObject> {
    await this.require(id);
    const tenant = await this.tenants
      .update(id, { name: body.name, externalId: body.external_id, domains: body.domains })
      .catch(rethrowExternalIdTaken);
    await this.audit.record(principal, {
      action: 'tenant.updated',
      targetType: 'tenant',
      targetId: id,
      tenantId: id,
      details: { fields: Object.keys(body) },
    });
    return toTenantObject(tenant);
  }

  /** Deletes the tenant and its directories, emitting dsync.deleted for each, atomically. */
  async delete(principal: ApiPrincipal, id: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const tenant = await this.tenants.findById(id, tx);
      if (!tenant) throw ApiError.notFound('tenant', id);
      await this.directoryRemoval.announce(tx, await this.directories.listByTenant(id, tx));
      await this.tenants.delete(id, tx);
      await this.audit.record(principal, { action: 'tenant.deleted', targetType: 'tenant', targetId: id, tenantId: id }, tx);
    });
  }

  private async require(id: string) {
    const tenant = await this.tenants.findById(id);
    if (!tenant) throw ApiError.notFound('tenant', id);
    return tenant;
  }
}

function rethrowExternalIdTaken(error: unknown): never {
  if (error instanceof UniqueViolationError) {
    throw ApiError.conflict('external_id_taken', 'Another tenant already has this external_id.');
  }
  throw error;
}
