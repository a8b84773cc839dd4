import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '@roster/config';
import { PlatformModule } from '@roster/platform';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { AuditModule } from './audit/audit.module';
import { DirectoriesModule } from './directories/directories.module';
import { TenantsModule } from './tenants/tenants.module';

/** The control plane: tenants, directories, API keys (and later the IT-admin portal). */
@Module({})
export class AdminModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AdminModule,
      imports: [PlatformModule.forRoot('admin', config), AuditModule, TenantsModule, DirectoriesModule, ApiKeysModule],
    };
  }
}
