export { fetchPage, type IdRange, type Page, type PageQuery } from './cursor-page';
export { DataModule } from './data.module';
export { lockDirectories } from './directory-lock';
export type { ApiKey, Directory, DirectoryGroup, DirectoryUser, Event, Tenant } from './generated/prisma/client';
export type { PortalSession, Role } from './generated/prisma/client';
export { findMigrationsDir, migrate, type MigrateOptions } from './migrations/migrate';
export { forgetPrismaDebugHistory } from './prisma-debug-history';
export { PrismaService, type PrismaTransaction } from './prisma.service';
export type { Database } from './repositories/repository-database';
export { ApiKeysRepository } from './repositories/api-keys.repository';
export { type AuditEntry, AuditLogRepository } from './repositories/audit-log.repository';
export {
  type AuditLogFilter,
  AuditLogReadsRepository,
  type AuditLogRow,
} from './repositories/audit-log-reads.repository';
export {
  type DirectoryChanges,
  type DirectoryInput,
  DirectoriesRepository,
  type TokenRotation,
} from './repositories/directories.repository';
export { type DirectoryGroupFields, DirectoryGroupsRepository } from './repositories/directory-groups.repository';
export { type DirectoryUserFields, DirectoryUsersRepository } from './repositories/directory-users.repository';
export {
  type DirectoryGroupFilter,
  DirectoryReadsRepository,
  type DirectoryUserFilter,
} from './repositories/directory-reads.repository';
export { comparePositions, type EventPosition, laterPosition } from './event-position';
export {
  type EventFeedFilter,
  type EventFeedPage,
  EventFeedRepository,
  type EventLogEntry,
} from './repositories/event-feed.repository';
export { EventLogRepository, EventOrderError } from './repositories/event-log.repository';
export { EventOutboxRepository, type UndispatchedEvent } from './repositories/event-outbox.repository';
export { EventRetentionRepository } from './repositories/event-retention.repository';
export { type PortalLinkInput, PortalSessionsRepository } from './repositories/portal-sessions.repository';
export { type RoleInput, RolesRepository } from './repositories/roles.repository';
export {
  ScimRequestReadsRepository,
  type ScimRequestOutcome,
  type ScimRequestRow,
} from './repositories/scim-request-reads.repository';
export {
  type GroupMember,
  GroupMembershipsRepository,
  type GroupRef,
} from './repositories/group-memberships.repository';
export type { ResourceListQuery } from './repositories/resource-list-query';
export { type ScimRequestEntry, ScimRequestsRepository } from './repositories/scim-requests.repository';
export { type TenantInput, TenantsRepository } from './repositories/tenants.repository';
export type { WebhookDelivery, WebhookDeliveryAttempt, WebhookEndpoint } from './generated/prisma/client';
export * from './repositories/webhook-deliveries.repository';
export * from './repositories/webhook-endpoints.repository';
export * from './repositories/webhook-fanout.repository';
export * from './repositories/webhook-lanes.repository';
export { translateUniqueViolation, UniqueViolationError } from './unique-violation';
export { Sql, SqlParams, type SqlRunner, type StatementOptions } from './sql';
