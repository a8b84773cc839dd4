import { Module } from '@nestjs/common';
import { DirectoriesModule } from '../directories/directories.module';
import { IdpGuides } from './idp/idp-guides';
import { PortalDirectoriesService } from './portal-directories.service';
import { PortalDirectoryController } from './portal-directory.controller';
import { PortalHomeController } from './portal-home.controller';
import { PortalMappingsController } from './portal-mappings.controller';
import { PortalMappingsService } from './portal-mappings.service';
import { PortalSessionController } from './portal-session.controller';
import { PortalSessionGuard } from './session/portal-session.guard';
import { PortalSessionsService } from './session/portal-sessions.service';
import { TokenFlash } from './session/token-flash';

/**
 * The IT-admin portal under /portal: server-rendered pages, a session cookie per
 * opened link, everything scoped to the link's tenant. Directory changes go
 * through DirectoriesService, the same logic as the API.
 */
@Module({
  imports: [DirectoriesModule],
  controllers: [PortalSessionController, PortalHomeController, PortalDirectoryController, PortalMappingsController],
  providers: [
    IdpGuides,
    PortalDirectoriesService,
    PortalMappingsService,
    PortalSessionGuard,
    PortalSessionsService,
    TokenFlash,
  ],
})
export class PortalModule {}
