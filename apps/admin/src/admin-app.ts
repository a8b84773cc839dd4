import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@roster/config';
import { createHttpApp } from '@roster/platform';
import { AdminModule } from './admin.module';

/** The admin app, wired exactly as in production (also used by the e2e tests). */
export function createAdminApp(config: AppConfig): Promise<NestFastifyApplication> {
  return createHttpApp(AdminModule.forRoot(config), {
    openApi: {
      title: 'Roster control-plane API',
      description: 'Tenants, directory connections, directory reads, portal links and API keys.',
    },
  });
}
