import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import { PrismaService, type PrismaTransaction } from '../prisma.service';

export interface AuditEntry {
  actorType: 'api_key' | 'bootstrap_key' | 'portal_session';
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  tenantId?: string | null;
  details?: Prisma.InputJsonValue;
}

@Injectable()
export class AuditLogRepository {
  constructor(private readonly prisma: PrismaService) {}

  async append(entry: AuditEntry, db: PrismaTransaction = this.prisma): Promise<void> {
    await db.auditLogEntry.create({ data: entry });
  }
}
