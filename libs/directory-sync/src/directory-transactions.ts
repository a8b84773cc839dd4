import { Injectable } from '@nestjs/common';
import { lockDirectories, PrismaService, type PrismaTransaction } from '@roster/data';
import { failed, succeeded, type WriteOutcome } from './write-outcome';

type Work<T> = (tx: PrismaTransaction) => Promise<T>;

/** Writes of one kind that can be applied together, e.g. many user creates in one INSERT. */
export type GroupedWork<I, R> = (tx: PrismaTransaction, items: I[]) => Promise<WriteOutcome<R>[]>;

type Entry =
  { work: Work<unknown>; key?: undefined } | { key: string; item: unknown; apply: GroupedWork<unknown, unknown> };
type Pending = Entry & { resolve: (value: unknown) => void; reject: (error: unknown) => void };

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
 * Consecutive grouped writes of the same kind go further and share statements.
 * A caller's promise settles only after the commit: a 2xx still means the
 * change and its events are durable.
 */
@Injectable()
export class DirectoryTransactions {
  private readonly queues = new Map<string, Pending[]>();

  constructor(private readonly prisma: PrismaService) {}

  run<T>(directoryId: string, work: Work<T>): Promise<T> {
    return this.enqueue(directoryId, { work: work as Work<unknown> });
  }

  /** Queues one item for `apply`, which receives every consecutive queued item of the same `key` at once. */
  runGrouped<I, R>(directoryId: string, key: string, item: I, apply: GroupedWork<I, R>): Promise<R> {
    return this.enqueue(directoryId, { key, item, apply: apply as GroupedWork<unknown, unknown> });
  }

  private enqueue<T>(directoryId: string, entry: Entry): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const pending = { ...entry, resolve: resolve as (value: unknown) => void, reject } as Pending;
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
    const segments = segment(batch);
    let outcomes: WriteOutcome<unknown>[];
    try {
      outcomes = await this.prisma.$transaction(
        async (tx) => {
          await lockDirectories(tx, [directoryId]);
          // Alone, a segment needs no savepoint: its failure rolls back the transaction.
          if (segments.length === 1) return runSegment(tx, segments[0]!);
          const results: WriteOutcome<unknown>[] = [];
          for (const part of segments) results.push(...(await runInSavepoint(tx, part)));
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

/** Consecutive grouped items of one key form one segment; every plain write is its own. */
function segment(batch: Pending[]): Pending[][] {
  const segments: Pending[][] = [];
  for (const pending of batch) {
    const last = segments.at(-1);
    if (pending.key !== undefined && last?.[0]?.key === pending.key) last.push(pending);
    else segments.push([pending]);
  }
  return segments;
}

async function runSegment(tx: PrismaTransaction, part: Pending[]): Promise<WriteOutcome<unknown>[]> {
  const first = part[0]!;
  if (first.key === undefined) return [succeeded(await first.work(tx))];
  const outcomes = await first.apply(
    tx,
    part.map((pending) => (pending as { item: unknown }).item),
  );
  if (outcomes.length !== part.length)
    throw new Error(`grouped write ${first.key} returned ${outcomes.length} outcomes for ${part.length} items`);
  return outcomes;
}

async function runInSavepoint(tx: PrismaTransaction, part: Pending[]): Promise<WriteOutcome<unknown>[]> {
  await tx.$executeRawUnsafe('SAVEPOINT directory_write');
  try {
    const outcomes = await runSegment(tx, part);
    await tx.$executeRawUnsafe('RELEASE SAVEPOINT directory_write');
    return outcomes;
  } catch (error) {
    // If even the rollback fails, the connection is gone: let the whole batch fail.
    await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT directory_write');
    return part.map(() => failed(error));
  }
}
