import { Injectable } from '@nestjs/common';
import { newId } from '@roster/ids';
import type { NewEvent } from '@roster/events';
import type { Event, Prisma } from '../generated/prisma/client';
import type { PrismaTransaction } from '../prisma.service';

/**
 * A transaction appended events to a directory whose latest event belongs to a
 * younger transaction: it wrote before taking the directory's lock, so its
 * events would read before changes that were applied earlier. Appending
 * refuses rather than break the directory's order; take the lock first.
 */
export class EventOrderError extends Error {
  constructor(readonly directoryIds: string[]) {
    super(
      `events for ${directoryIds.join(', ')} were appended by a transaction that wrote before taking the directory lock; ` +
        'take pg_advisory_xact_lock for the directory before any write of the transaction',
    );
  }
}

/**
 * Appends to the event log. It only takes a transaction: an event is written in
 * the same transaction as the change it describes, or not at all.
 *
 * The log is read in (tx_id, seq) order, tx_id being the appending
 * transaction's id (a column default), and only below the oldest running
 * transaction (docs/adr/0001-event-log-ordering.md). A directory's events keep
 * the order their changes were applied in because its writers hold the
 * directory's advisory lock from before their first write to their commit, so
 * a later writer's transaction id is always the larger; `append` checks it.
 */
@Injectable()
export class EventLogRepository {
  async append(db: PrismaTransaction, events: NewEvent[]): Promise<void> {
    if (events.length === 0) return;
    await assertAppendOrder(db, [...new Set(events.map((event) => event.directoryId))]);
    await db.event.createMany({ data: events.map(toRow) });
  }

  /** Events of a directory in log order (reads for tests and tools; the Events API pages separately). */
  listForDirectory(db: PrismaTransaction, directoryId: string): Promise<Event[]> {
    return db.event.findMany({ where: { directoryId }, orderBy: { seq: 'asc' } });
  }
}

// One index probe per directory: its latest committed event must come from an
// older transaction than ours (pg_current_xact_id() also assigns ours if need be).
async function assertAppendOrder(db: PrismaTransaction, directoryIds: string[]): Promise<void> {
  const younger = await db.$queryRaw<{ directory_id: string }[]>`
    SELECT d.directory_id FROM unnest(${directoryIds}::text[]) AS d(directory_id)
    CROSS JOIN LATERAL (
      SELECT e.tx_id FROM events e WHERE e.directory_id = d.directory_id ORDER BY e.seq DESC LIMIT 1
    ) latest
    WHERE latest.tx_id > pg_current_xact_id()::text::bigint`;
  if (younger.length > 0) throw new EventOrderError(younger.map((row) => row.directory_id));
}

function toRow(event: NewEvent): Prisma.EventCreateManyInput {
  return {
    id: newId('event'),
    type: event.type,
    tenantId: event.tenantId,
    directoryId: event.directoryId,
    data: event.data as Prisma.InputJsonValue,
    previousAttributes: event.previousAttributes as Prisma.InputJsonValue | undefined,
  };
}
