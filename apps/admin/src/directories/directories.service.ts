import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@roster/config';
import { type Directory, DirectoriesRepository, type PageQuery, PrismaService, TenantsRepository } from '@roster/data';
import { DirectoryTransactions, MappingChangeWriter, toDirectoryContext } from '@roster/directory-sync';
import { type DirectoryObject, scimBaseUrl, toDirectoryObject } from '@roster/events';
import { ApiError, type ListResponse, toListResponse } from '@roster/platform';
import { issueSecret, SecretBox } from '@roster/security';
import type { AuditActor } from '../audit/audit-actor';
import { AuditService } from '../audit/audit.service';
import type { CreateDirectoryBody, UpdateDirectoryBody } from './directory.schemas';
import { DirectoryRemovalService } from './directory-removal.service';

export interface CreatedDirectory {
  directory: DirectoryObject;
  scim: { base_url: string | null; bearer_token: string };
}

@Injectable()
export class DirectoriesService {
  private readonly secretBox: SecretBox;

  constructor(
    private readonly prisma: PrismaService,
    private readonly directories: DirectoriesRepository,
    private readonly tenants: TenantsRepository,
    private readonly removal: DirectoryRemovalService,
    private readonly audit: AuditService,
    private readonly transactions: DirectoryTransactions,
    private readonly mappingChanges: MappingChangeWriter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.secretBox = SecretBox.fromEncodedKey(config.encryptionKey ?? '');
  }

  /** The token is returned here only; the database keeps its SHA-256. */
  async create(principal: AuditActor, tenantId: string, body: CreateDirectoryBody): Promise<CreatedDirectory> {
    if (!(await this.tenants.findById(tenantId))) throw ApiError.notFound('tenant', tenantId);
    const token = issueSecret('scimToken');
    const directory = await this.directories.create({
      tenantId,
      name: body.name,
      provider: body.provider,
      deprovisioning: body.deprovisioning,
      scimTokenHash: token.hash,
      scimTokenLastFour: token.lastFour,
    });
    await this.audit.record(principal, {
      action: 'directory.created',
      targetType: 'directory',
      targetId: directory.id,
      tenantId,
    });
    return {
      directory: this.present(directory),
      scim: { base_url: scimBaseUrl(directory, this.config.publicScimUrl), bearer_token: token.secret },
    };
  }

  async get(id: string): Promise<DirectoryObject> {
    return this.present(await this.require(id));
  }

  async list(page: PageQuery, tenantId?: string): Promise<ListResponse<DirectoryObject>> {
    return toListResponse(await this.directories.list(page, { tenantId }), (row) => this.present(row));
  }

  async update(principal: AuditActor, id: string, body: UpdateDirectoryBody): Promise<DirectoryObject> {
    const existing = await this.require(id);
    if (body.provider_config && existing.provider !== 'google_workspace') {
      throw ApiError.badRequest('invalid_request', 'provider_config applies to google_workspace directories only.');
    }
    const changes = {
      name: body.name,
      deprovisioning: body.deprovisioning,
      state: body.state,
      attributeMapping: body.attribute_mapping,
      roleMapping: body.role_mapping,
      providerConfigEncrypted: body.provider_config && this.secretBox.encrypt(JSON.stringify(body.provider_config)),
    };
    const remapsUsers = body.attribute_mapping !== undefined || body.role_mapping !== undefined;
    // New mappings change users' roles and custom_attributes: their events go in the same transaction.
    const directory = remapsUsers
      ? await this.transactions.run(id, async (tx) => {
          const updated = await this.directories.update(id, changes, tx);
          await this.mappingChanges.reproject(tx, toDirectoryContext(existing), toDirectoryContext(updated));
          return updated;
        })
      : await this.directories.update(id, changes);
    await this.audit.record(principal, {
      action: 'directory.updated',
      targetType: 'directory',
      targetId: id,
      tenantId: directory.tenantId,
      details: { fields: Object.keys(body) },
    });
    return this.present(directory);
  }

  async rotateToken(principal: AuditActor, id: string, graceSeconds: number): Promise<{ bearer_token: string }> {
    const existing = await this.require(id);
    const token = issueSecret('scimToken');
    await this.directories.rotateToken(id, {
      scimTokenHash: token.hash,
      scimTokenLastFour: token.lastFour,
      previousScimTokenHash: graceSeconds > 0 ? existing.scimTokenHash : null,
      previousExpiresAt: graceSeconds > 0 ? new Date(Date.now() + graceSeconds * 1000) : null,
    });
    await this.audit.record(principal, {
      action: 'directory.token_rotated',
      targetType: 'directory',
      targetId: id,
      tenantId: existing.tenantId,
      details: { grace_seconds: graceSeconds },
    });
    return { bearer_token: token.secret };
  }

  async delete(principal: AuditActor, id: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const directory = await this.directories.findById(id, tx);
      if (!directory) throw ApiError.notFound('directory', id);
      await this.removal.remove(tx, directory);
      const entry = {
        action: 'directory.deleted',
        targetType: 'directory',
        targetId: id,
        tenantId: directory.tenantId,
      };
      await this.audit.record(principal, entry, tx);
    });
  }

  private present(directory: Directory): DirectoryObject {
    return toDirectoryObject(directory, this.config.publicScimUrl);
  }

  private async require(id: string): Promise<Directory> {
    const directory = await this.directories.findById(id);
    if (!directory) throw ApiError.notFound('directory', id);
    return directory;
  }
}
