import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@roster/config';
import { EventRetentionRepository } from '@roster/data';
import { setTimeout as sleep } from 'node:timers/promises';

const DAY_MS = 24 * 3600 * 1000;
const PRUNE_INTERVAL_MS = 3600 * 1000;
const FIRST_PRUNE_DELAY_MS = 60 * 1000;
const BATCH_SIZE = 1_000;
// Between batches, so pruning a large backlog leaves Postgres to the real traffic.
const BATCH_PAUSE_MS = 50;

/**
 * Deletes events older than ROSTER_EVENT_RETENTION_DAYS: hourly, a short
 * transaction per batch of 1,000, one replica at a time. Cursors that pointed
 * before what it deleted then answer 410 cursor_expired.
 */
@Injectable()
export class EventRetentionService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(EventRetentionService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private readonly stop = new AbortController();

  constructor(
    private readonly retention: EventRetentionRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const schedule = (delay: number) => {
      this.timer = setTimeout(() => {
        void this.prune().finally(() => !this.stop.signal.aborted && schedule(PRUNE_INTERVAL_MS));
      }, delay);
      this.timer.unref();
    };
    schedule(FIRST_PRUNE_DELAY_MS);
  }

  async onModuleDestroy(): Promise<void> {
    this.stop.abort();
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Prunes everything past retention now; returns how many events went. */
  prune(now = new Date()): Promise<number> {
    this.running ??= this.pruneAll(new Date(now.getTime() - this.config.eventRetentionDays * DAY_MS)).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pruneAll(cutoff: Date): Promise<number> {
    let total = 0;
    try {
      while (!this.stop.signal.aborted) {
        const deleted = await this.retention.pruneBatch(cutoff, BATCH_SIZE);
        if (deleted === null) break;
        total += deleted;
        if (deleted < BATCH_SIZE) break;
        await sleep(BATCH_PAUSE_MS, undefined, { signal: this.stop.signal }).catch(() => undefined);
      }
      if (total > 0) this.logger.log(`pruned ${total} events created before ${cutoff.toISOString()}`);
    } catch (error) {
      this.logger.warn(`event retention pass failed, will retry: ${error instanceof Error ? error.message : String(error)}`);
    }
    return total;
  }
}
