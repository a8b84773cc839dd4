import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@roster/config';
import { Client } from 'pg';

/** Who a commit concerns; null sets mean "could be anyone" (after a reconnection, or too many to name). */
export interface EventLogNotice {
  tenantIds: ReadonlySet<string> | null;
  directoryIds: ReadonlySet<string> | null;
}

export interface NoticeFilter {
  tenantId?: string;
  directoryId?: string;
}

export interface NoticeWatch {
  /** Resolves at a matching commit (or at once if one came since the last wait), after `timeoutMs`, on abort or at shutdown. */
  wait(timeoutMs: number, signal?: AbortSignal): Promise<void>;
  close(): void;
}

// The channel the events table's trigger notifies (see the event_log_order migration).
const CHANNEL = 'roster_events';
const RECONNECT_DELAYS_MS = [100, 500, 1_000, 2_000, 5_000];
const ANYONE: EventLogNotice = { tenantIds: null, directoryIds: null };

/**
 * The app's one Postgres connection that LISTENs for committed events, shared
 * by every long-poll and the outbox relay: waiting costs a callback, not a
 * connection or a query loop. If the connection drops it reconnects and then
 * wakes everyone, since commits in between went unheard.
 */
@Injectable()
export class EventLogListener implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(EventLogListener.name);
  private readonly subscribers = new Set<(notice: EventLogNotice) => void>();
  private client: Client | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private stopped = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.publish(ANYONE);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  /** False once the app is shutting down: waiters should answer with what they have. */
  get open(): boolean {
    return !this.stopped;
  }

  /** How many are waiting right now (long-polls and the relay). */
  get waiting(): number {
    return this.subscribers.size;
  }

  /** Calls `callback` on every commit that appended events; returns the unsubscribe function. */
  onNotice(callback: (notice: EventLogNotice) => void): () => void {
    this.subscribers.add(callback);
    return () => void this.subscribers.delete(callback);
  }

  /**
   * Starts listening for commits that may concern `filter`. A commit heard
   * between two waits is remembered, so a caller can watch, read, then wait,
   * without missing one that lands in between. Close the watch when done.
   */
  watch(filter: NoticeFilter): NoticeWatch {
    let heard = false;
    let wake: (() => void) | null = null;
    const unsubscribe = this.onNotice((notice) => {
      if (!this.stopped && !concerns(notice, filter)) return;
      heard = true;
      wake?.();
    });
    const wait = (timeoutMs: number, signal?: AbortSignal) =>
      new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', done);
          wake = null;
          heard = false;
          resolve();
        };
        const timer = setTimeout(done, Math.max(0, timeoutMs));
        wake = done;
        signal?.addEventListener('abort', done);
        if (heard || this.stopped || signal?.aborted) done();
      });
    return { wait, close: unsubscribe };
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.config.databaseUrl });
    client.on('notification', (message) => this.publish(parseNotice(message.payload)));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    if (this.failures > 0) this.logger.log('listening for committed events again');
    this.failures = 0;
    this.publish(ANYONE);
  }

  private lost(client: Client, error?: unknown): void {
    if (this.client === client) this.client = null;
    void client.end().catch(() => undefined);
    if (this.stopped || this.reconnectTimer) return;
    const delay = RECONNECT_DELAYS_MS[Math.min(this.failures, RECONNECT_DELAYS_MS.length - 1)]!;
    this.failures += 1;
    this.logger.warn(`event notifications lost (${describe(error)}); reconnecting in ${delay} ms`);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.connect();
    }, delay);
    this.reconnectTimer.unref();
  }

  private publish(notice: EventLogNotice): void {
    for (const subscriber of [...this.subscribers]) subscriber(notice);
  }
}

function concerns(notice: EventLogNotice, filter: NoticeFilter): boolean {
  const tenant = !filter.tenantId || !notice.tenantIds || notice.tenantIds.has(filter.tenantId);
  const directory = !filter.directoryId || !notice.directoryIds || notice.directoryIds.has(filter.directoryId);
  return tenant && directory;
}

function parseNotice(payload: string | undefined): EventLogNotice {
  try {
    const parsed = JSON.parse(payload ?? '') as { t?: unknown; d?: unknown };
    return { tenantIds: stringSet(parsed.t), directoryIds: stringSet(parsed.d) };
  } catch {
    return ANYONE;
  }
}

function stringSet(value: unknown): Set<string> | null {
  return Array.isArray(value) ? new Set(value.filter((item): item is string => typeof item === 'string')) : null;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : 'connection ended';
}
