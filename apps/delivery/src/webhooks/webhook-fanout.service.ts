import { Injectable } from '@nestjs/common';
import { WebhookFanoutRepository } from '@roster/data';
import { WebhookLaneRunner } from './webhook-lane-runner';

// Directories remembered; past this the memory starts afresh (a miss only costs a look at the cursor).
const KNOWN_DIRECTORIES_MAX = 100_000;

/** Turns committed events into deliveries and wakes the lanes that got some. */
@Injectable()
export class WebhookFanoutService {
  /**
   * How far each directory is known to be fanned out. A cursor only moves
   * forward, so this is a lower bound even with other replicas: one fan-out
   * job covers every event of its directory up to it, and the jobs of the
   * events it covered are skipped here without touching Postgres.
   */
  private readonly fannedOutTo = new Map<string, bigint>();

  constructor(
    private readonly fanout: WebhookFanoutRepository,
    private readonly lanes: WebhookLaneRunner,
  ) {}

  async fanOut(directoryId: string, uptoSeq: bigint): Promise<void> {
    if ((this.fannedOutTo.get(directoryId) ?? 0n) >= uptoSeq) return;
    const result = await this.fanout.fanOut(directoryId, uptoSeq);
    this.remember(directoryId, result.fannedOutTo);
    await this.lanes.wake(result.lanes);
  }

  private remember(directoryId: string, seq: bigint): void {
    if (seq <= (this.fannedOutTo.get(directoryId) ?? 0n)) return;
    if (this.fannedOutTo.size >= KNOWN_DIRECTORIES_MAX) this.fannedOutTo.clear();
    this.fannedOutTo.set(directoryId, seq);
  }
}
