import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { WebhookDeliveriesRepository, WebhookFanoutRepository } from '@roster/data';
import { WEBHOOK_DELIVERY_SETTINGS, type WebhookDeliverySettings } from './webhook-delivery.settings';
import { WebhookFanoutService } from './webhook-fanout.service';
import { WebhookLaneWaker } from './webhook-lane-waker';

/**
 * The safety net that makes Redis disposable: every few seconds it fans out
 * directories whose fan-out job was lost and re-wakes lanes whose head is
 * due but nobody is working (a lost wake-up or retry job, a killed worker's
 * expired lease). Everything it does is idempotent, so several replicas may sweep.
 */
@Injectable()
export class WebhookSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebhookSweeper.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly fanoutRepository: WebhookFanoutRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly fanout: WebhookFanoutService,
    private readonly waker: WebhookLaneWaker,
    @Inject(WEBHOOK_DELIVERY_SETTINGS) private readonly settings: WebhookDeliverySettings,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweepOnce(), this.settings.sweepIntervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One round; a round still running (Redis down, say) is not overlapped. */
  sweepOnce(): Promise<void> {
    this.running ??= this.sweep()
      .catch((error: unknown) => this.logger.warn(`webhook sweep failed: ${(error as Error).message}`))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async sweep(): Promise<void> {
    for (const directory of await this.fanoutRepository.unfannedDirectories(this.settings.sweepGraceMs)) {
      await this.fanout.fanOut(directory.directoryId, directory.lastSeq);
    }
    await this.waker.wakeOnce(await this.deliveries.dueLanes(this.settings.sweepGraceMs));
  }
}
