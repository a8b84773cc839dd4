import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { WEBHOOK_LANE_QUEUE, type WebhookLaneJob } from './webhook-lane.queue';
import { WebhookLaneRunner } from './webhook-lane-runner';

/** Works woken lanes; many at once, each lane by one worker at a time (its head is leased). */
@Processor(WEBHOOK_LANE_QUEUE, { concurrency: 32 })
export class WebhookLaneProcessor extends WorkerHost {
  constructor(private readonly lanes: WebhookLaneRunner) {
    super();
  }

  async process(job: Job<WebhookLaneJob>): Promise<void> {
    await this.lanes.run(job.data);
  }
}
