import { Injectable } from '@nestjs/common';
import { newId } from '@roster/ids';
import type { NewEvent } from '@roster/events';
import type { Event } from '../generated/prisma/client';
import type { PrismaTransaction } from '../prisma.service';
import { type Database, sqlOf } from './repository-database';

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
  /** @throws EventOrderError (and appends nothing) when the transaction did not take the directory's lock first. */
  async append(db: Database, events: NewEvent[]): Promise<void> {
    if (events.length === 0) return;
    const younger = await sqlOf(db).query<{ directory_id: string }>(APPEND_IN_ORDER, [
      [...new Set(events.map((event) => event.directoryId))],
      JSON.stringify(events.map(toRow)),
    ]);
    if (younger.length > 0) throw new EventOrderError(younger.map((row) => row.directory_id));
  }

  /** Events of a directory in log order (reads for tests and tools; the Events API pages separately). */
  listForDirectory(db: PrismaTransaction, directoryId: string): Promise<Event[]> {
    return db.event.findMany({ where: { directoryId }, orderBy: { seq: 'asc' } });
  }
}

// One statement: the order check, then the events in the order given (seq follows it).
// The check is one index probe per directory: its latest committed event must come
// from an older transaction than ours (pg_current_xact_id() also assigns ours if
// need be). When one does not, nothing is inserted and the directory is returned.
const APPEND_IN_ORDER = `
  WITH younger AS (
    SELECT d.directory_id FROM unnest($1::text[]) AS d(directory_id)
    CROSS JOIN LATERAL (
      SELECT e.tx_id FROM events e WHERE e.directory_id = d.directory_id ORDER BY e.seq DESC LIMIT 1
    ) latest
    WHERE latest.tx_id > pg_current_xact_id()::text::bigint
  ), appended AS (
    INSERT INTO events (id, type, tenant_id, directory_id, data, previous_attributes)
    SELECT e.id, e.type, e.tenant_id, e.directory_id, e.data, e.previous_attributes
    FROM ROWS FROM (jsonb_populate_recordset(NULL::events, $2::jsonb)) WITH ORDINALITY AS e
    WHERE NOT EXISTS (SELECT 1 FROM younger)
    ORDER BY e.ordinality
  )
  SELECT directory_id FROM younger`;

function toRow(event: NewEvent) {
  return {
    id: newId('event'),
    type: event.type,
    tenant_id: event.tenantId,
    directory_id: event.directoryId,
    data: event.data,
    previous_attributes: event.previousAttributes ?? null,
  };
}
