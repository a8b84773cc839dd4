import { Global, Module } from '@nestjs/common';
import { PrismaService } from './prisma.service';
import { ApiKeysRepository } from './repositories/api-keys.repository';
import { AuditLogRepository } from './repositories/audit-log.repository';
import { DirectoriesRepository } from './repositories/directories.repository';
import { EventLogRepository } from './repositories/event-log.repository';
import { TenantsRepository } from './repositories/tenants.repository';

const repositories = [
  ApiKeysRepository,
  AuditLogRepository,
  DirectoriesRepository,
  EventLogRepository,
  TenantsRepository,
];

/** Postgres access for an app: the Prisma client and the repositories. Needs APP_CONFIG. */
@Global()
@Module({ providers: [PrismaService, ...repositories], exports: [PrismaService, ...repositories] })
export class DataModule {}
