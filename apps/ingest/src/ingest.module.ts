import { type DynamicModule, Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import type { AppConfig } from '@roster/config';
import { DirectorySyncModule } from '@roster/directory-sync';
import { PlatformModule } from '@roster/platform';
import { DirectoryActivation } from './auth/directory-activation.service';
import { DirectoryCache } from './auth/directory-cache';
import { ScimAuthGuard } from './auth/scim-auth.guard';
import { ScimTokenStrategy } from './auth/scim-token.strategy';
import { ScimTokenVerifier } from './auth/scim-token-verifier';
import { BulkController } from './bulk/bulk.controller';
import { BulkService } from './bulk/bulk.service';
import { ScimDialect } from './dialects/scim-dialect';
import { DiscoveryController } from './discovery/discovery.controller';
import { DiscoveryService } from './discovery/discovery.service';
import { GroupsController } from './groups/groups.controller';
import { GroupsService } from './groups/groups.service';
import { DirectoryRateLimiter } from './http/directory-rate-limiter';
import { ScimRequestLog } from './request-log/scim-request-log.service';
import { SearchController } from './search/search.controller';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

/** The SCIM 2.0 service provider that identity providers push to (CONTRACT section 4). */
@Module({})
export class IngestModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: IngestModule,
      imports: [PlatformModule.forRoot('ingest', config), PassportModule, DirectorySyncModule],
      controllers: [DiscoveryController, UsersController, GroupsController, SearchController, BulkController],
      providers: [
        DirectoryCache,
        ScimTokenVerifier,
        ScimTokenStrategy,
        ScimAuthGuard,
        DirectoryActivation,
        DirectoryRateLimiter,
        ScimDialect,
        ScimRequestLog,
        UsersService,
        GroupsService,
        DiscoveryService,
        BulkService,
      ],
    };
  }
}
