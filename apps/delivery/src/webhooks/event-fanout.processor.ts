import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { EVENT_FANOUT_QUEUE, type EventFanoutJob } from '../queues/event-fanout.queue';
import { WebhookFanoutService } from './webhook-fanout.service';

/** Consumes the outbox relay's jobs: one per directory per relay batch, each bringing its directory's fan-out up to the job's event. */
@Processor(EVENT_FANOUT_QUEUE, { concurrency: 4 })
export class EventFanoutProcessor extends WorkerHost {
  constructor(private readonly fanout: WebhookFanoutService) {
    super();
  }

  async process(job: Job<EventFanoutJob>): Promise<void> {
    await this.fanout.fanOut(job.data.directoryId, BigInt(job.data.seq));
  }
}
