import { getSharedConfigToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { WebhookLane } from '@roster/data';
import type { Queue, QueueOptions } from 'bullmq';
import { closeFailFastQueue, failFastQueue } from '../queues/fail-fast-queue';
import { WEBHOOK_LANE_QUEUE, type WebhookLaneJob } from './webhook-lane.queue';

// Failed wake-ups are dropped, not kept: the sweep wakes the lane again, and a
// kept failed job would block its id (see wakeOnce) forever.
const JOB_OPTIONS = { removeOnComplete: true, removeOnFail: true };

/**
 * Enqueues lane wake-ups (ids only). A wake-up is a hint: every lane it names
 * is due in Postgres, where the sweep finds it. So while Redis is away a
 * wake-up is dropped (after one reconnection attempt) rather than awaited:
 * a lane run or a sweep round that waited for Redis would hold up delivery
 * until Redis was back, and shutdown with it.
 */
@Injectable()
export class WebhookLaneWaker implements OnApplicationShutdown {
  private readonly logger = new Logger(WebhookLaneWaker.name);
  private readonly queue: Queue<WebhookLaneJob>;

  constructor(@Inject(getSharedConfigToken()) shared: QueueOptions) {
    this.queue = failFastQueue<WebhookLaneJob>(WEBHOOK_LANE_QUEUE, shared);
  }

  /** Wakes lanes that just got deliveries. */
  async wake(lanes: readonly WebhookLane[]): Promise<void> {
    if (lanes.length === 0) return;
    await this.enqueue(() =>
      this.queue.addBulk(lanes.map((lane) => ({ name: 'wake', data: toJob(lane), opts: JOB_OPTIONS }))),
    );
  }

  /** Wakes lanes at most once while a wake-up of theirs is waiting (the sweep calls this every round). */
  async wakeOnce(lanes: readonly WebhookLane[]): Promise<void> {
    if (lanes.length === 0) return;
    await this.enqueue(() =>
      this.queue.addBulk(
        lanes.map((lane) => ({
          name: 'sweep',
          data: toJob(lane),
          opts: { ...JOB_OPTIONS, jobId: `sweep.${lane.endpointId}.${lane.directoryId}` },
        })),
      ),
    );
  }

  /** Wakes a lane when its head's retry is due. */
  async wakeAt(lane: WebhookLane, at: Date, retryKey: string): Promise<void> {
    const delay = Math.max(0, at.getTime() - Date.now());
    await this.enqueue(() =>
      this.queue.add('retry', toJob(lane), { ...JOB_OPTIONS, delay, jobId: `retry.${retryKey}` }),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await closeFailFastQueue(this.queue);
  }

  private async enqueue(add: () => Promise<unknown>): Promise<void> {
    try {
      await add();
    } catch (error) {
      this.logger.warn(`lane wake-up dropped, the sweep will wake the lane: ${(error as Error).message}`);
    }
  }
}

function toJob(lane: WebhookLane): WebhookLaneJob {
  return { endpointId: lane.endpointId, directoryId: lane.directoryId };
}
