import { Injectable } from '@nestjs/common';
import { lockDirectories, PrismaService, type PrismaTransaction } from '@roster/data';

type Work<T> = (tx: PrismaTransaction) => Promise<T>;

interface Pending {
  work: Work<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

// Enough to amortize a commit; small enough that one slow write does not hold many.
const MAX_BATCH = 64;

/**
 * Runs a directory's writes one at a time, in one transaction per batch that
 * first takes the directory's advisory lock: two IdP requests on the same
 * resource cannot interleave, and a directory's events are appended in exactly
 * the order its changes were applied. Different directories run in parallel.
 *
 * Writes that arrive while a directory's transaction is running are queued and
 * run together in the next one, each under its own savepoint: a failing write is
 * rolled back alone, the rest commit at once. This is group commit, done here
 * because a per-directory lock held across a commit would otherwise cap a
 * directory at one fsync per write (an IdP's initial sync sends thousands).
 * A caller's promise settles only after the commit: a 2xx still means the
 * change and its events are durable.
 */
@Injectable()
export class DirectoryTransactions {
  private readonly queues = new Map<string, Pending[]>();

  constructor(private readonly prisma: PrismaService) {}

  run<T>(directoryId: string, work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const pending: Pending = { work, resolve: resolve as (value: unknown) => void, reject };
      const queue = this.queues.get(directoryId);
      if (queue) {
        queue.push(pending);
        return;
      }
      this.queues.set(directoryId, [pending]);
      void this.drain(directoryId);
    });
  }

  private async drain(directoryId: string): Promise<void> {
    const queue = this.queues.get(directoryId) ?? [];
    while (queue.length > 0) await this.runBatch(directoryId, queue.splice(0, MAX_BATCH));
    this.queues.delete(directoryId);
  }

  private async runBatch(directoryId: string, batch: Pending[]): Promise<void> {
    let outcomes: Outcome[];
    try {
      outcomes = await this.prisma.$transaction(
        async (tx) => {
          await lockDirectories(tx, [directoryId]);
          // Alone, a write needs no savepoint: its failure rolls back the transaction.
          if (batch.length === 1) return [{ ok: true, value: await batch[0]!.work(tx) }];
          const results: Outcome[] = [];
          for (const pending of batch) results.push(await runInSavepoint(tx, pending.work));
          return results;
        },
        // A 50,000-member group delete emits 50,000 events in one transaction.
        { maxWait: 10_000, timeout: 120_000 },
      );
    } catch (error) {
      // Nothing committed: every write of the batch failed with the transaction.
      for (const pending of batch) pending.reject(error);
      return;
    }
    batch.forEach((pending, index) => {
      const outcome = outcomes[index]!;
      if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    });
  }
}

async function runInSavepoint(tx: PrismaTransaction, work: Work<unknown>): Promise<Outcome> {
  await tx.$executeRawUnsafe('SAVEPOINT directory_write');
  try {
    const value = await work(tx);
    await tx.$executeRawUnsafe('RELEASE SAVEPOINT directory_write');
    return { ok: true, value };
  } catch (error) {
    // If even the rollback fails, the connection is gone: let the whole batch fail.
    await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT directory_write');
    return { ok: false, error };
  }
}
