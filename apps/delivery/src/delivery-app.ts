import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@roster/config';
import { createHttpApp } from '@roster/platform';
import { DeliveryModule } from './delivery.module';
import { GOOGLE_SYNC_QUEUE } from './google-sync/google-sync.queue';
import { EVENT_FANOUT_QUEUE } from './queues/event-fanout.queue';
import { mountQueueDashboard } from './queue-dashboard/queue-dashboard';
import { WEBHOOK_LANE_QUEUE } from './webhooks/webhook-lane.queue';

/** The delivery app, wired exactly as in production (also used by the e2e tests). */
export async function createDeliveryApp(config: AppConfig): Promise<NestFastifyApplication> {
  const app = await createHttpApp(DeliveryModule.forRoot(config), {
    openApi: { title: 'Roster events and webhooks API', description: 'The Events API and webhook endpoints.' },
  });
  await mountQueueDashboard(app, [EVENT_FANOUT_QUEUE, WEBHOOK_LANE_QUEUE, GOOGLE_SYNC_QUEUE]);
  return app;
}
