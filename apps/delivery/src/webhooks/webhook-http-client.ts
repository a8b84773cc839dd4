import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { WebhookSender } from '@roster/webhooks';
import { WEBHOOK_DELIVERY_SETTINGS, type WebhookDeliverySettings } from './webhook-delivery.settings';

/** The app's one webhook HTTP client (keep-alive connections, SSRF guard per the config). */
@Injectable()
export class WebhookHttpClient extends WebhookSender implements OnModuleDestroy {
  constructor(@Inject(WEBHOOK_DELIVERY_SETTINGS) settings: WebhookDeliverySettings) {
    super({ timeoutMs: settings.timeoutMs, allowPrivate: settings.allowPrivate });
  }

  async onModuleDestroy(): Promise<void> {
    await this.close();
  }
}
