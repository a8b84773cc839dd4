import { Queue, type QueueOptions } from 'bullmq';

/**
 * A queue that work which must not wait for Redis adds jobs to: while Redis
 * is away a command waits for one reconnection attempt, then fails, instead
 * of waiting in memory until Redis is back (as the workers' connections do,
 * with maxRetriesPerRequest null). Its callers have Postgres to fall back on:
 * the sweep and the relay redo what failed. Errors surface through the calls
 * that fail.
 */
export function failFastQueue<T>(name: string, shared: QueueOptions): Queue<T> {
  const queue = new Queue<T>(name, { ...shared, connection: { ...shared.connection, maxRetriesPerRequest: 1 } });
  queue.on('error', () => undefined);
  return queue;
}

/**
 * Closes a fail-fast queue by disconnecting, not with QUIT: while Redis is
 * away, QUIT fails or waits behind commands that fail, and either way leaves
 * ioredis retrying, so the closed queue would reconnect when Redis returns.
 * Nothing of such a queue is pending at shutdown: its callers have stopped.
 */
export async function closeFailFastQueue(queue: Queue<unknown>): Promise<void> {
  await queue.getBackend().close(true);
  await queue.close();
}
