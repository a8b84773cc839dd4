import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { GOOGLE_SYNC_QUEUE, type GoogleSyncJob } from './google-sync.queue';
import { GoogleSyncService } from './google-sync.service';

/** Runs directory syncs; a few at once, each directory by one at a time (its lease). */
@Processor(GOOGLE_SYNC_QUEUE, { concurrency: 2 })
export class GoogleSyncProcessor extends WorkerHost {
  constructor(private readonly syncs: GoogleSyncService) {
    super();
  }

  // Failures are recorded in directory_syncs, not retried here: the next interval is the retry.
  async process(job: Job<GoogleSyncJob>): Promise<void> {
    await this.syncs.sync(job.data.directoryId);
  }
}
