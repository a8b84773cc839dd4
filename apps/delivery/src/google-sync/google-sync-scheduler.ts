import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { PrismaService } from '@roster/data';
import type { Queue } from 'bullmq';
import { GOOGLE_SYNC_JOB, GOOGLE_SYNC_QUEUE, type GoogleSyncJob, schedulerId, syncNowJobId } from './google-sync.queue';
import { GOOGLE_SYNC_SETTINGS, type GoogleSyncSettings } from './google-sync.settings';

// New directories get their schedule within this, or at once through "sync now".
const RECONCILE_INTERVAL_MS = 5 * 60 * 1000;

/**
 * Keeps one BullMQ job scheduler per google_workspace directory (and none for
 * deleted ones), at boot and every few minutes, and enqueues "sync now".
 */
@Injectable()
export class GoogleSyncScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(GoogleSyncScheduler.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectQueue(GOOGLE_SYNC_QUEUE) private readonly queue: Queue<GoogleSyncJob>,
    private readonly prisma: PrismaService,
    @Inject(GOOGLE_SYNC_SETTINGS) private readonly settings: GoogleSyncSettings,
  ) {}

  onApplicationBootstrap(): void {
    const tick = () => void this.reconcile().catch((error: unknown) => this.logger.warn(`google sync schedules: ${String(error)}`));
    tick();
    this.timer = setInterval(tick, RECONCILE_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async reconcile(): Promise<void> {
    const directories = await this.prisma.directory.findMany({ where: { provider: 'google_workspace' }, select: { id: true } });
    const wanted = new Set(directories.map((directory) => schedulerId(directory.id)));
    for (const directory of directories) await this.schedule(directory.id);
    for (const scheduler of await this.queue.getJobSchedulers()) {
      if (scheduler.key && !wanted.has(scheduler.key)) await this.queue.removeJobScheduler(scheduler.key);
    }
  }

  async schedule(directoryId: string): Promise<void> {
    await this.queue.upsertJobScheduler(
      schedulerId(directoryId),
      { every: this.settings.intervalMs },
      { name: GOOGLE_SYNC_JOB, data: { directoryId }, opts: { removeOnComplete: true, removeOnFail: { count: 100 } } },
    );
  }

  /** Enqueues a sync now unless one is already waiting for this directory. */
  async syncNow(directoryId: string): Promise<void> {
    await this.queue.add(
      GOOGLE_SYNC_JOB,
      { directoryId },
      { jobId: syncNowJobId(directoryId), removeOnComplete: true, removeOnFail: true },
    );
  }
}
