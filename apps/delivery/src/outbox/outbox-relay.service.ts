import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { EventOutboxRepository, PrismaService, type PrismaTransaction, type UndispatchedEvent } from '@roster/data';
import { EventLogListener } from '../events/event-log-listener';
import { EventFanoutProducer } from './event-fanout.producer';

const BATCH_SIZE = 500;
// The safety net behind NOTIFY: events left over by a Redis outage or a crash.
const SWEEP_INTERVAL_MS = 5_000;
const ENQUEUE_TIMEOUT_MS = 10_000;

/**
 * The outbox relay: moves committed events from Postgres to the fan-out queue.
 * It wakes on every commit that appends events and sweeps periodically. Each
 * batch is one transaction: lock the oldest undispatched events, enqueue them
 * (job id = event id), mark them dispatched, commit. A relay that dies between
 * enqueue and commit leaves them undispatched; the next pass enqueues them
 * again and BullMQ drops the duplicates by job id. One replica relays at a
 * time (an advisory lock), so the queue receives events in log order.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private sweepTimer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly prisma: PrismaService,
    private readonly outbox: EventOutboxRepository,
    private readonly producer: EventFanoutProducer,
    private readonly listener: EventLogListener,
  ) {}

  onApplicationBootstrap(): void {
    this.unsubscribe = this.listener.onNotice(() => this.wake());
    this.sweepTimer = setInterval(() => this.wake(), SWEEP_INTERVAL_MS);
    this.sweepTimer.unref();
    this.wake();
  }

  /** Stops waking and waits for the batch in flight (before Prisma and the queue close). */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    await this.running;
  }

  /** Runs a pass now, or right after the one in flight. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  /** Relays until nothing is left (or another replica is at it); resolves when idle. */
  async drain(): Promise<void> {
    try {
      for (;;) {
        const relayed = await this.relayBatch();
        if (relayed === null || relayed < BATCH_SIZE || this.stopped) return;
      }
    } catch (error) {
      // Nothing is lost: the events stay undispatched until a later pass.
      this.logger.warn(`outbox relay pass failed, will retry: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** One batch; returns how many events it relayed, or null when another relay holds the lock. */
  async relayBatch(): Promise<number | null> {
    return this.prisma.$transaction(
      async (tx) => {
        const events = await this.outbox.claim(tx, BATCH_SIZE);
        if (!events || events.length === 0) return events && 0;
        await this.enqueue(events);
        await this.markDispatched(tx, events);
        return events.length;
      },
      { maxWait: ENQUEUE_TIMEOUT_MS, timeout: ENQUEUE_TIMEOUT_MS * 3 },
    );
  }

  protected async enqueue(events: UndispatchedEvent[]): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`enqueueing took over ${ENQUEUE_TIMEOUT_MS} ms`)), ENQUEUE_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.producer.add(events), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  protected markDispatched(tx: PrismaTransaction, events: UndispatchedEvent[]): Promise<void> {
    return this.outbox.markDispatched(tx, events);
  }
}
