import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@roster/config';
import { PrismaService, type ScimRequestEntry, ScimRequestsRepository } from '@roster/data';

const FLUSH_INTERVAL_MS = 250;
const MAX_BUFFERED = 500;
const PRUNE_INTERVAL_MS = 60 * 60 * 1000;
const PRUNE_BATCH = 5000;

/**
 * Writes the SCIM request log in small batches off the request path, so
 * logging costs a request no database round trip. Entries still buffered when
 * the process dies are lost: the log is for people, the event log is the record.
 */
@Injectable()
export class ScimRequestLog implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ScimRequestLog');
  private buffer: ScimRequestEntry[] = [];
  private flushTimer?: NodeJS.Timeout;
  private pruneTimer?: NodeJS.Timeout;

  constructor(
    private readonly requests: ScimRequestsRepository,
    private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.pruneTimer = setInterval(() => void this.prune(), PRUNE_INTERVAL_MS).unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.pruneTimer);
    await this.flush();
  }

  record(entry: ScimRequestEntry): void {
    this.buffer.push(entry);
    if (this.buffer.length >= MAX_BUFFERED) void this.flush();
    else this.flushTimer ??= setTimeout(() => void this.flush(), FLUSH_INTERVAL_MS);
  }

  async flush(): Promise<void> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const entries = this.buffer;
    this.buffer = [];
    await this.requests.insertMany(entries).catch((error: Error) => {
      this.logger.warn(`could not write ${entries.length} SCIM request log entries: ${error.message}`);
    });
  }

  /** Deletes entries older than the retention, a bounded batch at a time. */
  async prune(): Promise<void> {
    const cutoff = new Date(Date.now() - this.config.scimRequestLogDays * 24 * 3600 * 1000);
    for (let deleted = PRUNE_BATCH; deleted === PRUNE_BATCH;) {
      deleted = await this.prisma.$executeRaw`
        DELETE FROM scim_requests WHERE id IN (SELECT id FROM scim_requests WHERE created_at < ${cutoff} LIMIT ${PRUNE_BATCH})`;
    }
  }
}
