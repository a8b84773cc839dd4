import { Injectable } from '@nestjs/common';
import { type AuditEntry, AuditLogRepository, type PrismaTransaction } from '@roster/data';
import type { ApiPrincipal } from '@roster/platform';

type AuditRecord = Omit<AuditEntry, 'actorType' | 'actorId'>;

/** Records control-plane changes with the caller who made them. */
@Injectable()
export class AuditService {
  constructor(private readonly auditLog: AuditLogRepository) {}

  record(principal: ApiPrincipal, entry: AuditRecord, db?: PrismaTransaction): Promise<void> {
    return this.auditLog.append({ actorType: principal.type, actorId: principal.id, ...entry }, db);
  }
}
