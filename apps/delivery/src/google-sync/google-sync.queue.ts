/**
 * Syncs of google_workspace directories: one job scheduler per directory
 * (every ROSTER_GOOGLE_SYNC_INTERVAL) plus "sync now" jobs whose id is the
 * directory's, so a second request while one waits is a no-op. Jobs carry the
 * directory id only. Overlap is prevented by the lease in directory_syncs.
 */
export const GOOGLE_SYNC_QUEUE = 'google-sync';
export const GOOGLE_SYNC_JOB = 'sync-google-directory.v1';

export interface GoogleSyncJob {
  directoryId: string;
}

export const schedulerId = (directoryId: string) => `google-sync-${directoryId}`;
export const syncNowJobId = (directoryId: string) => `google-sync-now-${directoryId}`;
