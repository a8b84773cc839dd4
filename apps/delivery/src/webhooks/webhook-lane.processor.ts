import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { WEBHOOK_LANE_QUEUE, type WebhookLaneJob } from './webhook-lane.queue';
import { WebhookLaneRunner } from './webhook-lane-runner';

/** Works woken lanes; many at once, each lane by one worker at a time (its head is leased). */
@Processor(WEBHOOK_LANE_QUEUE, { concurrency: 32 })
export class WebhookLaneProcessor extends WorkerHost {
  private readonly logger = new Logger(WebhookLaneProcessor.name);

  constructor(private readonly lanes: WebhookLaneRunner) {
    super();
  }

  async process(job: Job<WebhookLaneJob>): Promise<void> {
    await this.lanes.run(job.data);
  }

  // Redis going away (jobs vanish under the worker) is survivable: the sweep redoes the work.
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`worker error: ${error.message}`);
  }
}
