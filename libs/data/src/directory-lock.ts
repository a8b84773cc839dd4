import type { PrismaTransaction } from './prisma.service';

/**
 * Takes the per-directory write locks for the rest of the transaction, in id
 * order so two transactions locking several directories cannot deadlock. Every
 * transaction that appends a directory's events takes its lock first: that is
 * what keeps a directory's events in the order its changes were applied.
 */
export async function lockDirectories(db: PrismaTransaction, directoryIds: readonly string[]): Promise<void> {
  for (const id of [...new Set(directoryIds)].sort()) {
    await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${id}, 0))`;
  }
}
