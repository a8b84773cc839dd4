import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { EVENT_FANOUT_QUEUE, type EventFanoutJob } from '../queues/event-fanout.queue';
import { WebhookFanoutService } from './webhook-fanout.service';

/** Consumes the outbox relay's jobs: one per committed event, fanned out with its directory's backlog. */
@Processor(EVENT_FANOUT_QUEUE, { concurrency: 4 })
export class EventFanoutProcessor extends WorkerHost {
  private readonly logger = new Logger(EventFanoutProcessor.name);

  constructor(private readonly fanout: WebhookFanoutService) {
    super();
  }

  async process(job: Job<EventFanoutJob>): Promise<void> {
    await this.fanout.fanOut(job.data.directoryId, BigInt(job.data.seq));
  }

  // Redis going away (jobs vanish under the worker) is survivable: the sweep redoes the work.
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`worker error: ${error.message}`);
  }
}
