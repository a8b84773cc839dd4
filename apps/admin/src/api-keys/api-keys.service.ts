import { Injectable } from '@nestjs/common';
import { ApiKeysRepository, type PageQuery } from '@roster/data';
import { ApiError, type ApiPrincipal, type ListResponse, toListResponse } from '@roster/platform';
import { issueSecret } from '@roster/security';
import { AuditService } from '../audit/audit.service';
import { type ApiKeyObject, toApiKeyObject } from './api-key.object';

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly apiKeys: ApiKeysRepository,
    private readonly audit: AuditService,
  ) {}

  /** The secret is in this response only; the database keeps its SHA-256. */
  async create(principal: ApiPrincipal, name: string): Promise<ApiKeyObject & { secret: string }> {
    const issued = issueSecret('apiKey');
    const key = await this.apiKeys.create({ name, keyHash: issued.hash, lastFour: issued.lastFour });
    await this.audit.record(principal, { action: 'api_key.created', targetType: 'api_key', targetId: key.id });
    return { ...toApiKeyObject(key), secret: issued.secret };
  }

  async list(page: PageQuery): Promise<ListResponse<ApiKeyObject>> {
    return toListResponse(await this.apiKeys.list(page), toApiKeyObject);
  }

  async delete(principal: ApiPrincipal, id: string): Promise<void> {
    if (!(await this.apiKeys.delete(id))) throw ApiError.notFound('api_key', id);
    await this.audit.record(principal, { action: 'api_key.deleted', targetType: 'api_key', targetId: id });
  }
}
