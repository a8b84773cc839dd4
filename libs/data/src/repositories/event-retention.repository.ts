import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service';

// One pruner at a time, so the horizon only ever moves forward.
const RETENTION_LOCK = 'roster.event-retention';

/**
 * Retention of the event log: deletes the oldest events a batch at a time, each
 * batch its own short transaction (writers append at the other end and readers
 * read snapshots, so neither waits), and records how far it went.
 */
@Injectable()
export class EventRetentionRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Deletes up to `batchSize` events created before `cutoff`, oldest first in
   * log order, stopping at the first younger one so that what is gone is always
   * a prefix of the log up to the horizon. Returns how many went, or null when
   * another pruner holds the lock.
   */
  pruneBatch(cutoff: Date, batchSize: number): Promise<number | null> {
    return this.prisma.$transaction(async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
        SELECT pg_try_advisory_xact_lock(hashtextextended(${RETENTION_LOCK}, 0)) AS locked`;
      if (!lock?.locked) return null;
      const [last] = await tx.$queryRaw<{ tx_id: bigint; seq: bigint; deleted: bigint }[]>`
        WITH batch AS (
          SELECT seq, tx_id, created_at FROM events
          WHERE tx_id < roster_event_log_watermark()
          ORDER BY tx_id, seq LIMIT ${batchSize}
        ), young AS (
          SELECT tx_id, seq FROM batch WHERE created_at >= ${cutoff} ORDER BY tx_id, seq LIMIT 1
        ), deleted AS (
          DELETE FROM events e USING batch b
          WHERE e.seq = b.seq AND NOT EXISTS (SELECT 1 FROM young y WHERE (y.tx_id, y.seq) <= (b.tx_id, b.seq))
          RETURNING e.tx_id, e.seq
        )
        SELECT tx_id, seq, count(*) OVER () AS deleted FROM deleted ORDER BY tx_id DESC, seq DESC LIMIT 1`;
      if (!last) return 0;
      await tx.$executeRaw`
        INSERT INTO event_log_horizon (id, tx_id, seq, pruned_at) VALUES (1, ${last.tx_id}, ${last.seq}, now())
        ON CONFLICT (id) DO UPDATE SET tx_id = excluded.tx_id, seq = excluded.seq, pruned_at = excluded.pruned_at`;
      return Number(last.deleted);
    });
  }
}
