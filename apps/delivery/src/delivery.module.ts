import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '@roster/config';
import { PlatformModule } from '@roster/platform';
import { EventsModule } from './events/events.module';
import { GoogleSyncModule } from './google-sync/google-sync.module';
import { OutboxModule } from './outbox/outbox.module';
import { QueuesModule } from './queues/queues.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { RetentionModule } from './retention/retention.module';

/** The Events API, webhook endpoints, the webhook workers and the outbox relay (CONTRACT sections 6-7). */
@Module({})
export class DeliveryModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DeliveryModule,
      imports: [
        PlatformModule.forRoot('delivery', config),
        QueuesModule,
        WebhooksModule.forRoot(),
        EventsModule,
        OutboxModule,
        RetentionModule,
        GoogleSyncModule,
        // Feature modules, one line each (events, outbox, webhooks, google sync).
      ],
    };
  }
}
