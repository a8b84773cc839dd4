import { Injectable } from '@nestjs/common';
import { fetchPage, type Page, type PageQuery } from '../cursor-page';
import type { AuditLogEntry } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';
import { bigintRange } from './scim-request-reads.repository';

/** An audit entry with its sequence id as a string, the cursor the API pages with. */
export type AuditLogRow = Omit<AuditLogEntry, 'id'> & { id: string };

export interface AuditLogFilter {
  tenantId?: string;
  actorType?: string;
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
}

/** Reads of the control-plane audit log (AuditLogRepository appends to it). */
@Injectable()
export class AuditLogReadsRepository {
  constructor(private readonly prisma: PrismaService) {}

  list(page: PageQuery, filter: AuditLogFilter): Promise<Page<AuditLogRow>> {
    return fetchPage(page, async ({ id, order, take }) => {
      const rows = await this.prisma.auditLogEntry.findMany({
        where: { ...filter, id: bigintRange(id) },
        orderBy: { id: order },
        take,
      });
      return rows.map((row) => ({ ...row, id: row.id.toString() }));
    });
  }
}
