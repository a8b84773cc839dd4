import { Global, Module } from '@nestjs/common';
import { PrismaService } from './prisma.service';
import { ApiKeysRepository } from './repositories/api-keys.repository';
import { AuditLogRepository } from './repositories/audit-log.repository';
import { AuditLogReadsRepository } from './repositories/audit-log-reads.repository';
import { DirectoriesRepository } from './repositories/directories.repository';
import { DirectoryReadsRepository } from './repositories/directory-reads.repository';
import { DirectoryGroupsRepository } from './repositories/directory-groups.repository';
import { DirectoryUsersRepository } from './repositories/directory-users.repository';
import { EventFeedRepository } from './repositories/event-feed.repository';
import { EventLogRepository } from './repositories/event-log.repository';
import { EventOutboxRepository } from './repositories/event-outbox.repository';
import { EventRetentionRepository } from './repositories/event-retention.repository';
import { PortalSessionsRepository } from './repositories/portal-sessions.repository';
import { RolesRepository } from './repositories/roles.repository';
import { ScimRequestReadsRepository } from './repositories/scim-request-reads.repository';
import { GroupMembershipsRepository } from './repositories/group-memberships.repository';
import { ScimRequestsRepository } from './repositories/scim-requests.repository';
import { TenantsRepository } from './repositories/tenants.repository';
import { WebhookDeliveriesRepository } from './repositories/webhook-deliveries.repository';
import { WebhookEndpointsRepository } from './repositories/webhook-endpoints.repository';
import { WebhookFanoutRepository } from './repositories/webhook-fanout.repository';
import { WebhookLanesRepository } from './repositories/webhook-lanes.repository';

const repositories = [
  ApiKeysRepository,
  AuditLogRepository,
  AuditLogReadsRepository,
  DirectoriesRepository,
  DirectoryReadsRepository,
  DirectoryGroupsRepository,
  DirectoryUsersRepository,
  EventFeedRepository,
  EventLogRepository,
  EventOutboxRepository,
  EventRetentionRepository,
  PortalSessionsRepository,
  RolesRepository,
  ScimRequestReadsRepository,
  GroupMembershipsRepository,
  ScimRequestsRepository,
  TenantsRepository,
  WebhookDeliveriesRepository,
  WebhookEndpointsRepository,
  WebhookFanoutRepository,
  WebhookLanesRepository,
];

/** Postgres access for an app: the Prisma client and the repositories. Needs APP_CONFIG. */
@Global()
@Module({ providers: [PrismaService, ...repositories], exports: [PrismaService, ...repositories] })
export class DataModule {}
