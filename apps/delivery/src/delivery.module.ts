import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '@roster/config';
import { PlatformModule } from '@roster/platform';
import { QueuesModule } from './queues/queues.module';

/** The Events API, webhook endpoints, the webhook workers and the outbox relay (CONTRACT sections 6-7). */
@Module({})
export class DeliveryModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DeliveryModule,
      imports: [
        PlatformModule.forRoot('delivery', config),
        QueuesModule,
        // Feature modules, one line each (events, outbox, webhooks, google sync).
      ],
    };
  }
}
