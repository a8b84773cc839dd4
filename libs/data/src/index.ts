export { fetchPage, type IdRange, type Page, type PageQuery } from './cursor-page';
export { DataModule } from './data.module';
export type { ApiKey, Directory, Event, Tenant } from './generated/prisma/client';
export { findMigrationsDir, migrate, type MigrateOptions } from './migrations/migrate';
export { PrismaService, type PrismaTransaction } from './prisma.service';
export { ApiKeysRepository } from './repositories/api-keys.repository';
export { type AuditEntry, AuditLogRepository } from './repositories/audit-log.repository';
export {
  type DirectoryChanges,
  type DirectoryInput,
  DirectoriesRepository,
  type TokenRotation,
} from './repositories/directories.repository';
export { EventLogRepository } from './repositories/event-log.repository';
export { type TenantInput, TenantsRepository } from './repositories/tenants.repository';
export { translateUniqueViolation, UniqueViolationError } from './unique-violation';
