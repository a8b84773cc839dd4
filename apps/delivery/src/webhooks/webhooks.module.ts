import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@roster/config';
import { ApiAuthModule } from '@roster/platform';
import { EVENT_FANOUT_QUEUE } from '../queues/event-fanout.queue';
import { EventFanoutProcessor } from './event-fanout.processor';
import { WEBHOOK_DELIVERY_SETTINGS, type WebhookDeliverySettings, webhookDeliverySettings } from './webhook-delivery.settings';
import { WebhookEndpointsController } from './webhook-endpoints.controller';
import { WebhookEndpointsService } from './webhook-endpoints.service';
import { WebhookFanoutService } from './webhook-fanout.service';
import { WebhookHttpClient } from './webhook-http-client';
import { WebhookLaneRunner } from './webhook-lane-runner';
import { WebhookLaneWaker } from './webhook-lane-waker';
import { WEBHOOK_LANE_QUEUE } from './webhook-lane.queue';
import { WebhookLaneProcessor } from './webhook-lane.processor';
import { WebhookLaneService } from './webhook-lane.service';
import { WebhookSigningSecrets } from './webhook-signing-secrets';
import { WebhookSweeper } from './webhook-sweeper.service';

/**
 * Webhook endpoints API, the fan-out of committed events into deliveries, the
 * lane workers that send them in order, and the sweep that makes Redis
 * disposable (CONTRACT section 7). `overrides` are for tests.
 */
@Module({})
export class WebhooksModule {
  static forRoot(overrides: Partial<WebhookDeliverySettings> = {}): DynamicModule {
    return {
      module: WebhooksModule,
      imports: [ApiAuthModule, BullModule.registerQueue({ name: WEBHOOK_LANE_QUEUE }, { name: EVENT_FANOUT_QUEUE })],
      controllers: [WebhookEndpointsController],
      providers: [
        {
          provide: WEBHOOK_DELIVERY_SETTINGS,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => webhookDeliverySettings(config, overrides),
        },
        EventFanoutProcessor,
        WebhookEndpointsService,
        WebhookFanoutService,
        WebhookHttpClient,
        WebhookLaneProcessor,
        WebhookLaneRunner,
        WebhookLaneService,
        WebhookLaneWaker,
        WebhookSigningSecrets,
        WebhookSweeper,
      ],
      exports: [BullModule],
    };
  }
}
