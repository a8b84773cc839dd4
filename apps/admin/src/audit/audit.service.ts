import { Injectable } from '@nestjs/common';
import { type AuditEntry, AuditLogRepository, type PrismaTransaction } from '@roster/data';
import type { AuditActor } from './audit-actor';

type AuditRecord = Omit<AuditEntry, 'actorType' | 'actorId'>;

/** Records control-plane changes with the caller who made them. */
@Injectable()
export class AuditService {
  constructor(private readonly auditLog: AuditLogRepository) {}

  record(actor: AuditActor, entry: AuditRecord, db?: PrismaTransaction): Promise<void> {
    return this.auditLog.append({ actorType: actor.type, actorId: actor.id, ...entry }, db);
  }
}
