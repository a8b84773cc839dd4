import { Global, Module } from '@nestjs/common';
import { PrismaService } from './prisma.service';
import { ApiKeysRepository } from './repositories/api-keys.repository';
import { AuditLogRepository } from './repositories/audit-log.repository';
import { AuditLogReadsRepository } from './repositories/audit-log-reads.repository';
import { DirectoriesRepository } from './repositories/directories.repository';
import { DirectoryReadsRepository } from './repositories/directory-reads.repository';
import { DirectoryGroupsRepository } from './repositories/directory-groups.repository';
import { DirectoryUsersRepository } from './repositories/directory-users.repository';
import { EventLogRepository } from './repositories/event-log.repository';
import { PortalSessionsRepository } from './repositories/portal-sessions.repository';
import { RolesRepository } from './repositories/roles.repository';
import { ScimRequestReadsRepository } from './repositories/scim-request-reads.repository';
import { GroupMembershipsRepository } from './repositories/group-memberships.repository';
import { ScimRequestsRepository } from './repositories/scim-requests.repository';
import { TenantsRepository } from './repositories/tenants.repository';

const repositories = [
  ApiKeysRepository,
  AuditLogRepository,
  AuditLogReadsRepository,
  DirectoriesRepository,
  DirectoryReadsRepository,
  DirectoryGroupsRepository,
  DirectoryUsersRepository,
  EventLogRepository,
  PortalSessionsRepository,
  RolesRepository,
  ScimRequestReadsRepository,
  GroupMembershipsRepository,
  ScimRequestsRepository,
  TenantsRepository,
];

/** Postgres access for an app: the Prisma client and the repositories. Needs APP_CONFIG. */
@Global()
@Module({ providers: [PrismaService, ...repositories], exports: [PrismaService, ...repositories] })
export class DataModule {}
