import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { WebhookLane } from '@roster/data';
import { WEBHOOK_DELIVERY_SETTINGS, type WebhookDeliverySettings } from './webhook-delivery.settings';
import { WebhookLaneWaker } from './webhook-lane-waker';
import { WebhookLaneService } from './webhook-lane.service';

/**
 * Runs lanes in this process. A lane woken while it is already being worked
 * here is not started twice: the run in progress looks once more before it
 * ends, so a wake-up is never lost between its last lease and its return.
 * Lanes that just got deliveries start here at once (no queue round trip)
 * while there is room, and go through the lane queue otherwise. A run lost
 * with the process is found again by the sweep, as a lost queue job is.
 */
@Injectable()
export class WebhookLaneRunner implements OnModuleDestroy {
  private readonly logger = new Logger(WebhookLaneRunner.name);
  /** Lanes worked here now, each with whether it was woken again meanwhile. */
  private readonly active = new Map<string, { again: boolean }>();
  private readonly started = new Set<Promise<void>>();
  private readonly stopping = new AbortController();

  constructor(
    private readonly lanes: WebhookLaneService,
    private readonly waker: WebhookLaneWaker,
    @Inject(WEBHOOK_DELIVERY_SETTINGS) private readonly settings: WebhookDeliverySettings,
  ) {}

  /** Works the lane until nothing is due; if it is being worked here already, that run looks again instead. */
  async run(lane: WebhookLane): Promise<void> {
    const key = laneKey(lane);
    const running = this.active.get(key);
    if (running) {
      running.again = true;
      return;
    }
    const state = { again: false };
    this.active.set(key, state);
    try {
      for (;;) {
        state.again = false;
        const outcome = await this.lanes.work(lane, this.stopping.signal);
        if (outcome !== 'drained' || !state.again || this.stopping.signal.aborted) return;
      }
    } finally {
      this.active.delete(key);
    }
  }

  /** Wakes lanes that just got deliveries: worked here at once while there is room, else through the queue. */
  async wake(lanes: readonly WebhookLane[]): Promise<void> {
    const queued: WebhookLane[] = [];
    for (const lane of lanes) {
      const running = this.active.get(laneKey(lane));
      if (running) running.again = true;
      else if (!this.stopping.signal.aborted && this.started.size < this.settings.directLanes) this.start(lane);
      else queued.push(lane);
    }
    await this.waker.wake(queued);
  }

  /** Stops taking work and waits for the runs started here (each ends after its attempt in flight). */
  async onModuleDestroy(): Promise<void> {
    this.stopping.abort();
    await Promise.all(this.started);
  }

  private start(lane: WebhookLane): void {
    const run: Promise<void> = this.run(lane)
      .catch((error: unknown) => this.logger.warn(`lane run failed, the sweep will resume it: ${(error as Error).message}`))
      .finally(() => this.started.delete(run));
    this.started.add(run);
  }
}

function laneKey(lane: WebhookLane): string {
  return `${lane.endpointId}/${lane.directoryId}`;
}
