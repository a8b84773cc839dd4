import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { EventOutboxRepository, PrismaService, type SqlRunner, type UndispatchedEvent } from '@roster/data';
import { EventLogListener } from '../events/event-log-listener';
import { EventFanoutProducer } from './event-fanout.producer';
import { OutboxMetrics } from './outbox-metrics';

const BATCH_SIZE = 500;
// The safety net behind NOTIFY: events left over by a Redis outage or a crash.
const SWEEP_INTERVAL_MS = 5_000;
const ENQUEUE_TIMEOUT_MS = 10_000;

/**
 * The outbox relay: moves committed events from Postgres to the fan-out queue.
 * It wakes on every commit that appends events and sweeps periodically. Each
 * batch is one transaction: read the oldest undispatched events, enqueue one
 * job per directory in the batch (a fan-out covers everything of its
 * directory up to the job's event), mark them dispatched, commit. A relay
 * that dies between enqueue and commit leaves them undispatched; the next
 * pass enqueues them again, and the fan-out finds its cursor already past
 * what was done (BullMQ also drops a repeated job id). One replica relays at
 * a time (an advisory lock), so the queue receives events in log order.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private running: Promise<void> | null = null;
  private again = false;
  private readonly stopping = new AbortController();
  private sweepTimer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly prisma: PrismaService,
    private readonly outbox: EventOutboxRepository,
    private readonly producer: EventFanoutProducer,
    private readonly listener: EventLogListener,
    private readonly metrics: OutboxMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.unsubscribe = this.listener.onNotice(() => this.wake());
    this.sweepTimer = setInterval(() => this.wake(), SWEEP_INTERVAL_MS);
    this.sweepTimer.unref();
    this.wake();
  }

  /** Stops waking and waits for the batch in flight (before Prisma and the queue close). */
  async onModuleDestroy(): Promise<void> {
    this.stopping.abort();
    this.unsubscribe?.();
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    await this.running;
  }

  /** Runs a pass now, or right after the one in flight. */
  wake(): void {
    if (this.stopping.signal.aborted) return;
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
        if (relayed) this.metrics.relayed.inc(relayed);
        if (relayed === null || relayed < BATCH_SIZE || this.stopping.signal.aborted) return;
      }
    } catch (error) {
      // Nothing is lost: the events stay undispatched until a later pass.
      this.logger.warn(
        `outbox relay pass failed, will retry: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** One batch; returns how many events it relayed, or null when another relay holds the lock. */
  async relayBatch(): Promise<number | null> {
    return this.prisma.sql.transaction(async (tx) => {
      const events = await this.outbox.claim(tx, BATCH_SIZE);
      if (!events || events.length === 0) return events && 0;
      await this.enqueue(newestOfEachDirectory(events));
      await this.markDispatched(tx, events);
      return events.length;
    });
  }

  // Bounded, and abandoned at shutdown: the transaction then rolls back and a later pass re-adds the batch.
  protected async enqueue(events: UndispatchedEvent[]): Promise<void> {
    const signal = AbortSignal.any([this.stopping.signal, AbortSignal.timeout(ENQUEUE_TIMEOUT_MS)]);
    const abandoned = new Promise<never>((_, reject) => {
      const abandon = () =>
        reject(new Error(signal.reason instanceof Error ? signal.reason.message : 'enqueue abandoned'));
      if (signal.aborted) abandon();
      else signal.addEventListener('abort', abandon, { once: true });
    });
    abandoned.catch(() => undefined);
    await Promise.race([this.producer.add(events), abandoned]);
  }

  protected markDispatched(tx: SqlRunner, events: UndispatchedEvent[]): Promise<void> {
    return this.outbox.markDispatched(tx, events);
  }
}

/** The last event of each directory in a batch (in log order): what its fan-out job must reach. */
function newestOfEachDirectory(events: readonly UndispatchedEvent[]): UndispatchedEvent[] {
  const newest = new Map<string, UndispatchedEvent>();
  for (const event of events) {
    newest.delete(event.directoryId);
    newest.set(event.directoryId, event);
  }
  return [...newest.values()];
}
