import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@roster/config';
import { createHttpApp } from '@roster/platform';
import { DeliveryModule } from './delivery.module';

/** The delivery app, wired exactly as in production (also used by the e2e tests). */
export function createDeliveryApp(config: AppConfig): Promise<NestFastifyApplication> {
  return createHttpApp(DeliveryModule.forRoot(config), {
    openApi: { title: 'Roster events and webhooks API', description: 'The Events API and webhook endpoints.' },
  });
}
