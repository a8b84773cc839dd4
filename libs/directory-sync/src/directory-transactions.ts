import { Injectable } from '@nestjs/common';
import { lockDirectories, PrismaService, type PrismaTransaction, type SqlRunner } from '@roster/data';
import { failed, succeeded, type WriteOutcome } from './write-outcome';

type Work<Tx, T> = (tx: Tx) => Promise<T>;

/** Writes of one kind that can be applied together, e.g. many user creates in one INSERT. */
export type GroupedWork<I, R> = (tx: SqlRunner, items: I[]) => Promise<WriteOutcome<R>[]>;

/**
 * Which connection a write runs on: a Prisma interactive transaction, or a
 * plain pg transaction (the SCIM user writes, whose per-statement cost sets
 * the ingest app's throughput).
 */
type Connection = 'prisma' | 'sql';

type Entry =
  | { on: 'prisma'; work: Work<PrismaTransaction, unknown>; key?: undefined }
  | { on: 'sql'; work: Work<SqlRunner, unknown>; key?: undefined }
  | { on: 'sql'; key: string; item: unknown; apply: GroupedWork<unknown, unknown> };
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
 * A batch holds writes of one connection kind (consecutive ones, so the order
 * stays). A caller's promise settles only after the commit: a 2xx still means
 * the change and its events are durable.
 */
@Injectable()
export class DirectoryTransactions {
  private readonly queues = new Map<string, Pending[]>();

  constructor(private readonly prisma: PrismaService) {}

  /** Runs `work` in a Prisma transaction holding the directory's lock. */
  run<T>(directoryId: string, work: Work<PrismaTransaction, T>): Promise<T> {
    return this.enqueue(directoryId, { on: 'prisma', work });
  }

  /** Runs `work` in a plain pg transaction holding the directory's lock. */
  runSql<T>(directoryId: string, work: Work<SqlRunner, T>): Promise<T> {
    return this.enqueue(directoryId, { on: 'sql', work });
  }

  /**
   * Queues one item for `apply`, which receives every consecutive queued item
   * of the same `key` at once, in a plain pg transaction holding the directory's lock.
   */
  runGrouped<I, R>(directoryId: string, key: string, item: I, apply: GroupedWork<I, R>): Promise<R> {
    return this.enqueue(directoryId, { on: 'sql', key, item, apply: apply as GroupedWork<unknown, unknown> });
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
    while (queue.length > 0) await this.runBatch(directoryId, queue.splice(0, batchLength(queue)));
    this.queues.delete(directoryId);
  }

  private async runBatch(directoryId: string, batch: Pending[]): Promise<void> {
    const segments = segment(batch);
    let outcomes: WriteOutcome<unknown>[];
    try {
      outcomes =
        batch[0]!.on === 'sql'
          ? await this.prisma.sql.transaction(async (tx) => {
              await lockDirectories(tx, [directoryId]);
              return runSegments(tx, segments, (statement) => tx.query(statement));
            })
          : await this.prisma.$transaction(
              async (tx) => {
                await lockDirectories(tx, [directoryId]);
                return runSegments(tx, segments, (statement) => tx.$executeRawUnsafe(statement));
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

/** How many writes from the head of the queue go in the next batch: up to MAX_BATCH on the same connection. */
function batchLength(queue: readonly Pending[]): number {
  const on: Connection = queue[0]!.on;
  const other = queue.findIndex((pending, index) => index < MAX_BATCH && pending.on !== on);
  return other === -1 ? Math.min(queue.length, MAX_BATCH) : other;
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

/** `tx` is the batch's transaction, of the kind its writes were queued for. */
async function runSegments(
  tx: PrismaTransaction | SqlRunner,
  segments: Pending[][],
  execute: (statement: string) => Promise<unknown>,
): Promise<WriteOutcome<unknown>[]> {
  // Alone, a segment needs no savepoint: its failure rolls back the transaction.
  if (segments.length === 1) return runSegment(tx, segments[0]!);
  const results: WriteOutcome<unknown>[] = [];
  for (const part of segments) results.push(...(await runInSavepoint(tx, part, execute)));
  return results;
}

async function runSegment(tx: PrismaTransaction | SqlRunner, part: Pending[]): Promise<WriteOutcome<unknown>[]> {
  const first = part[0]!;
  if (first.key === undefined)
    return [succeeded(await (first.work as Work<PrismaTransaction | SqlRunner, unknown>)(tx))];
  const outcomes = await first.apply(
    tx as SqlRunner,
    part.map((pending) => (pending as { item: unknown }).item),
  );
  if (outcomes.length !== part.length)
    throw new Error(`grouped write ${first.key} returned ${outcomes.length} outcomes for ${part.length} items`);
  return outcomes;
}

async function runInSavepoint(
  tx: PrismaTransaction | SqlRunner,
  part: Pending[],
  execute: (statement: string) => Promise<unknown>,
): Promise<WriteOutcome<unknown>[]> {
  await execute('SAVEPOINT directory_write');
  try {
    const outcomes = await runSegment(tx, part);
    await execute('RELEASE SAVEPOINT directory_write');
    return outcomes;
  } catch (error) {
    // If even the rollback fails, the connection is gone: let the whole batch fail.
    await execute('ROLLBACK TO SAVEPOINT directory_write');
    return part.map(() => failed(error));
  }
}
