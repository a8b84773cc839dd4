import { Injectable } from '@nestjs/common';
import { WebhookFanoutRepository } from '@roster/data';
import { WebhookLaneWaker } from './webhook-lane-waker';

/** Turns committed events into deliveries and wakes the lanes that got some. */
@Injectable()
export class WebhookFanoutService {
  constructor(
    private readonly fanout: WebhookFanoutRepository,
    private readonly waker: WebhookLaneWaker,
  ) {}

  async fanOut(directoryId: string, uptoSeq: bigint): Promise<void> {
    await this.waker.wake(await this.fanout.fanOut(directoryId, uptoSeq));
  }
}
