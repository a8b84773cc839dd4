import { type Database, sqlOf } from './repositories/repository-database';

// Selects a row, not the function's void: Prisma's raw queries cannot read a void column.
const LOCK_DIRECTORY = 'SELECT 1 FROM pg_advisory_xact_lock(hashtextextended($1, 0))';

/**
 * Takes the per-directory write locks for the rest of the transaction (a
 * Prisma one or a plain pg one), in id order so two transactions locking
 * several directories cannot deadlock. Every transaction that appends a
 * directory's events takes its lock first: that is what keeps a directory's
 * events in the order its changes were applied.
 */
export async function lockDirectories(db: Database, directoryIds: readonly string[]): Promise<void> {
  for (const id of [...new Set(directoryIds)].sort()) await sqlOf(db).query(LOCK_DIRECTORY, [id]);
}
