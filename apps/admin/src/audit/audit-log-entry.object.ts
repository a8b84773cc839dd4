import type { AuditLogRow } from '@roster/data';

/** An audit log entry as `GET /v1/audit-log` and the portal show it. */
export interface AuditLogEntryObject {
  object: 'audit_log_entry';
  id: string;
  actor: { type: string; id: string | null };
  action: string;
  target: { type: string; id: string };
  tenant_id: string | null;
  details: unknown;
  created_at: string;
}

export function toAuditLogEntryObject(row: AuditLogRow): AuditLogEntryObject {
  return {
    object: 'audit_log_entry',
    id: row.id,
    actor: { type: row.actorType, id: row.actorId },
    action: row.action,
    target: { type: row.targetType, id: row.targetId },
    tenant_id: row.tenantId,
    details: row.details ?? null,
    created_at: row.createdAt.toISOString(),
  };
}
