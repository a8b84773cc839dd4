import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditLogReadsRepository } from '@roster/data';
import { ApiKeyGuard, type ListResponse, listQuerySchema, parseInput, toListResponse } from '@roster/platform';
import { z } from 'zod';
import { type AuditLogEntryObject, toAuditLogEntryObject } from './audit-log-entry.object';

const sequenceCursor = z.string().regex(/^\d{1,19}$/, 'expected a cursor from list_metadata').optional();
const filter = z.string().trim().min(1).max(300).optional();

const auditLogQuerySchema = listQuerySchema({
  before: sequenceCursor,
  after: sequenceCursor,
  tenant_id: filter,
  actor_type: z.enum(['api_key', 'bootstrap_key', 'portal_session']).optional(),
  actor_id: filter,
  action: filter,
  target_type: filter,
  target_id: filter,
});

@ApiTags('audit-log')
@UseGuards(ApiKeyGuard)
@Controller('v1/audit-log')
export class AuditLogController {
  constructor(private readonly auditLog: AuditLogReadsRepository) {}

  @Get()
  @ApiOperation({
    summary: 'Control-plane changes, newest first (tenant_id, actor_type, actor_id, action, target_type, target_id)',
  })
  async list(@Query() query: unknown): Promise<ListResponse<AuditLogEntryObject>> {
    const { tenant_id, actor_type, actor_id, action, target_type, target_id, ...page } = parseInput(auditLogQuerySchema, query);
    const filters = { tenantId: tenant_id, actorType: actor_type, actorId: actor_id, action, targetType: target_type, targetId: target_id };
    return toListResponse(await this.auditLog.list(page, filters), toAuditLogEntryObject);
  }
}
