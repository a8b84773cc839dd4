import type { DirectorySyncRow } from './directory-sync-state.repository';

/** The sync status of a polled directory, as GET /v1/directories/{id}/sync returns it. */
export interface DirectorySyncObject {
  object: 'directory_sync';
  directory_id: string;
  /** running while a sync holds the lease; else idle. */
  state: 'running' | 'idle';
  last_started_at: string | null;
  last_finished_at: string | null;
  last_succeeded_at: string | null;
  last_result: 'succeeded' | 'failed' | null;
  last_error: { code: string; message: string } | null;
  /** users_seen, groups_seen, users_created, users_updated, users_deleted, groups_created, groups_updated, groups_deleted. */
  counts: Record<string, number>;
}

export function toDirectorySyncObject(directoryId: string, row: DirectorySyncRow | null, now = new Date()): DirectorySyncObject {
  const time = (value: Date | null | undefined) => value?.toISOString() ?? null;
  return {
    object: 'directory_sync',
    directory_id: directoryId,
    state: row?.leaseUntil && row.leaseUntil > now ? 'running' : 'idle',
    last_started_at: time(row?.lastStartedAt),
    last_finished_at: time(row?.lastFinishedAt),
    last_succeeded_at: time(row?.lastSucceededAt),
    last_result: (row?.lastResult as DirectorySyncObject['last_result']) ?? null,
    last_error: row?.lastErrorCode ? { code: row.lastErrorCode, message: row.lastErrorMessage ?? '' } : null,
    counts: (row?.lastCounts as Record<string, number> | undefined) ?? {},
  };
}
