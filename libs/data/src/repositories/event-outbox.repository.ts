import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service';
import type { SqlRunner } from '../sql';

/** An event the outbox relay has still to hand to the queue. */
export interface UndispatchedEvent {
  seq: bigint;
  id: string;
  directoryId: string;
}

// One relay at a time moves events, whatever the number of delivery replicas, so
// they reach the queue in log order (a directory's events in the order applied).
const RELAY_LOCK = 'roster.outbox-relay';

/**
 * The outbox side of the event log: events whose `dispatched_at` is still null,
 * claimed and marked inside the relay's transaction, under its advisory lock. A relay that dies before
 * its commit leaves them unmarked, and the next pass hands them over again.
 */
@Injectable()
export class EventOutboxRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * The oldest undispatched events, for this transaction to relay, or null
   * when another relay is at work (it will see whatever this one would have).
   */
  async claim(db: SqlRunner, limit: number): Promise<UndispatchedEvent[] | null> {
    const [lock] = await db.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked',
      [RELAY_LOCK],
    );
    if (!lock?.locked) return null;
    // No row locks: the advisory lock already keeps other relays out, and a
    // transaction that locks rows takes a transaction id, which would hold the
    // Events API's watermark back for as long as the enqueue takes.
    const rows = await db.query<{ seq: string; id: string; directory_id: string }>(
      'SELECT seq::text, id, directory_id FROM events WHERE dispatched_at IS NULL ORDER BY seq LIMIT $1',
      [limit],
    );
    return rows.map((row) => ({ seq: BigInt(row.seq), id: row.id, directoryId: row.directory_id }));
  }

  async markDispatched(db: SqlRunner, events: readonly UndispatchedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const seqs = events.map((event) => event.seq.toString());
    await db.query('UPDATE events SET dispatched_at = now() WHERE seq = ANY($1::bigint[])', [seqs]);
  }

  /** Seconds since the oldest undispatched event was created (0 when none waits): the relay's lag. */
  async lagSeconds(): Promise<number> {
    const [row] = await this.prisma.$queryRaw<{ lag: number | null }[]>`
      SELECT extract(epoch FROM now() - min(created_at))::float8 AS lag FROM events WHERE dispatched_at IS NULL`;
    return Math.max(0, row?.lag ?? 0);
  }
}
