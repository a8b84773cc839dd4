import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '@roster/config';
import { PlatformModule } from '@roster/platform';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { AuditModule } from './audit/audit.module';
import { DirectoriesModule } from './directories/directories.module';
import { DirectoryGroupsModule } from './directory-groups/directory-groups.module';
import { DirectoryUsersModule } from './directory-users/directory-users.module';
import { PortalLinksModule } from './portal-links/portal-links.module';
import { PortalModule } from './portal/portal.module';
import { RolesModule } from './roles/roles.module';
import { ScimRequestsModule } from './scim-requests/scim-requests.module';
import { TenantsModule } from './tenants/tenants.module';

/** The control plane: tenants, directories, API keys (and later the IT-admin portal). */
@Module({})
export class AdminModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AdminModule,
      imports: [PlatformModule.forRoot('admin', config), AuditModule, TenantsModule, DirectoriesModule, ApiKeysModule,
        DirectoryUsersModule, DirectoryGroupsModule, ScimRequestsModule, RolesModule, PortalLinksModule, PortalModule],
    };
  }
}
