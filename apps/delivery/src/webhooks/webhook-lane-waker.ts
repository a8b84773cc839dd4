import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { WebhookLane } from '@roster/data';
import type { Queue } from 'bullmq';
import { WEBHOOK_LANE_QUEUE, type WebhookLaneJob } from './webhook-lane.queue';

// Failed wake-ups are dropped, not kept: the sweep wakes the lane again, and a
// kept failed job would block its id (see wakeOnce) forever.
const JOB_OPTIONS = { removeOnComplete: true, removeOnFail: true };

/** Enqueues lane wake-ups (ids only). */
@Injectable()
export class WebhookLaneWaker {
  constructor(@InjectQueue(WEBHOOK_LANE_QUEUE) private readonly queue: Queue<WebhookLaneJob>) {}

  /** Wakes lanes that just got deliveries. */
  async wake(lanes: readonly WebhookLane[]): Promise<void> {
    if (lanes.length === 0) return;
    await this.queue.addBulk(lanes.map((lane) => ({ name: 'wake', data: toJob(lane), opts: JOB_OPTIONS })));
  }

  /** Wakes lanes at most once while a wake-up of theirs is waiting (the sweep calls this every round). */
  async wakeOnce(lanes: readonly WebhookLane[]): Promise<void> {
    if (lanes.length === 0) return;
    await this.queue.addBulk(
      lanes.map((lane) => ({
        name: 'sweep',
        data: toJob(lane),
        opts: { ...JOB_OPTIONS, jobId: `sweep.${lane.endpointId}.${lane.directoryId}` },
      })),
    );
  }

  /** Wakes a lane when its head's retry is due. */
  async wakeAt(lane: WebhookLane, at: Date, retryKey: string): Promise<void> {
    const delay = Math.max(0, at.getTime() - Date.now());
    await this.queue.add('retry', toJob(lane), { ...JOB_OPTIONS, delay, jobId: `retry.${retryKey}` });
  }
}

function toJob(lane: WebhookLane): WebhookLaneJob {
  return { endpointId: lane.endpointId, directoryId: lane.directoryId };
}
