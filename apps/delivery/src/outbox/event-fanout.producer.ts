import { getSharedConfigToken } from '@nestjs/bullmq';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { JobsOptions, Queue, QueueOptions } from 'bullmq';
import { EVENT_FANOUT_QUEUE, type EventFanoutJob } from '../queues/event-fanout.queue';
import { closeFailFastQueue, failFastQueue } from '../queues/fail-fast-queue';

export const EVENT_FANOUT_JOB = 'fan-out-event.v1';

const JOB_OPTIONS: JobsOptions = {
  // The job id is the dedup key: keep completed jobs well past any crash-and-
  // restart of the relay, which re-enqueues what it had not marked dispatched.
  removeOnComplete: { age: 24 * 3600, count: 100_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
  attempts: 20,
  backoff: { type: 'exponential', delay: 1_000 },
};

/** The event a fan-out job must reach: the newest of its directory in a relay batch. */
export interface FanoutEvent {
  id: string;
  seq: bigint;
  directoryId: string;
}

/**
 * The relay's producer for the fan-out queue, on the app's BullMQ settings but
 * failing fast when Redis is away (the relay then retries from Postgres)
 * instead of queueing commands in memory while its transaction is open.
 */
@Injectable()
export class EventFanoutProducer implements OnApplicationShutdown {
  private readonly queue: Queue<EventFanoutJob>;

  constructor(@Inject(getSharedConfigToken()) shared: QueueOptions) {
    this.queue = failFastQueue<EventFanoutJob>(EVENT_FANOUT_QUEUE, shared);
  }

  /** Adds one job per given event, in order; an event whose job already exists is skipped by BullMQ. */
  async add(events: readonly FanoutEvent[]): Promise<void> {
    await this.queue.waitUntilReady();
    await this.queue.addBulk(
      events.map((event) => ({
        name: EVENT_FANOUT_JOB,
        data: { eventId: event.id, seq: event.seq.toString(), directoryId: event.directoryId },
        opts: { ...JOB_OPTIONS, jobId: event.id },
      })),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await closeFailFastQueue(this.queue);
  }
}
