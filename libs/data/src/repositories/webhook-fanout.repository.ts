import { Injectable } from '@nestjs/common';
import { newId } from '@roster/ids';
import { type EndpointSubscription, endpointWantsEvent } from '@roster/webhooks';
import { PrismaService } from '../prisma.service';
import type { SqlRunner } from '../sql';
import type { WebhookLane } from './webhook-deliveries.repository';

/** Events fanned out per transaction; a long backlog is caught up in several. */
const FANOUT_BATCH = 500;

/** What a fan-out did: the lanes that got deliveries, and how far the directory is now fanned out. */
export interface FanoutResult {
  lanes: WebhookLane[];
  fannedOutTo: bigint;
}

export interface UnfannedDirectory {
  directoryId: string;
  /** The directory's newest event. */
  lastSeq: bigint;
}

/**
 * Turns events into webhook deliveries, one per matching enabled endpoint.
 * A directory is fanned out under the lock of its cursor row, from where the
 * last fan-out stopped up to a given event, so its deliveries are created in
 * event order and a lane never sees a later event before an earlier one.
 * Idempotent: a repeated or late fan-out finds the cursor past it.
 */
@Injectable()
export class WebhookFanoutRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Fans out the directory's events up to `uptoSeq` at least, and whatever
   * else of it is already committed (one insert per batch of events), so one
   * job covers a burst and the jobs of the events it covered find nothing to
   * do. Reading past `uptoSeq` is as safe as reading up to it: a directory's
   * writers hold its lock until they commit, so its events commit in `seq`
   * order and none can appear later below one already visible.
   */
  async fanOut(directoryId: string, uptoSeq: bigint): Promise<FanoutResult> {
    const lanes = new Map<string, WebhookLane>();
    let fannedOutTo = 0n;
    for (let done = false; !done;) {
      done = await this.prisma.sql.transaction(async (tx) => {
        const from = await lockCursor(tx, directoryId);
        fannedOutTo = from;
        if (from >= uptoSeq) return true;
        const newest = await newestEvent(tx, directoryId);
        const endpoints = newest ? await enabledEndpointsFor(tx, newest.tenantId, directoryId) : [];
        if (endpoints.length === 0) {
          // Nobody to deliver to (a directory read through the Events API only):
          // the cursor jumps past everything, instead of reading the events.
          fannedOutTo = newest && newest.seq > uptoSeq ? newest.seq : uptoSeq;
          await insertAndAdvance(tx, directoryId, [], fannedOutTo);
          return true;
        }
        const events = await eventsAfter(tx, directoryId, from);
        const deliveries = deliveriesFor(events, endpoints);
        deliveries.forEach((row) => lanes.set(row.endpointId, { endpointId: row.endpointId, directoryId }));
        const last = events.at(-1)?.seq ?? from;
        const reached = events.length === FANOUT_BATCH || last > uptoSeq ? last : uptoSeq;
        await insertAndAdvance(tx, directoryId, deliveries, reached);
        fannedOutTo = reached;
        return reached >= uptoSeq || events.length < FANOUT_BATCH;
      });
    }
    return { lanes: [...lanes.values()], fannedOutTo };
  }

  /**
   * Directories with events past their fan-out cursor: what a lost fan-out
   * job (Redis restarted, worker killed) left behind. One index probe per
   * directory (a skip scan over events(directory_id, seq)), not a log scan.
   * A directory whose oldest event past the cursor is younger than `graceMs`
   * is left to its fan-out job still on its way. (Keyed on the oldest, not
   * the newest: a directory written to every second would otherwise never
   * qualify, and get nothing delivered while Redis is away.)
   */
  unfannedDirectories(graceMs: number, limit = 1000): Promise<UnfannedDirectory[]> {
    return this.prisma.$queryRaw<UnfannedDirectory[]>`
      WITH RECURSIVE directories AS (
        (SELECT directory_id FROM events ORDER BY directory_id LIMIT 1)
        UNION ALL
        SELECT (SELECT e.directory_id FROM events e WHERE e.directory_id > d.directory_id ORDER BY e.directory_id LIMIT 1)
          FROM directories d WHERE d.directory_id IS NOT NULL
      )
      SELECT d.directory_id AS "directoryId", newest.seq AS "lastSeq"
        FROM directories d
        CROSS JOIN LATERAL (
          SELECT e.seq FROM events e WHERE e.directory_id = d.directory_id ORDER BY e.seq DESC LIMIT 1
        ) newest
        LEFT JOIN webhook_fanout_cursors c ON c.directory_id = d.directory_id
       WHERE d.directory_id IS NOT NULL AND newest.seq > COALESCE(c.last_seq, 0)
         AND (SELECT e.created_at FROM events e
               WHERE e.directory_id = d.directory_id AND e.seq > COALESCE(c.last_seq, 0)
               ORDER BY e.seq LIMIT 1) <= now() - make_interval(secs => ${graceMs / 1000})
       LIMIT ${limit}`;
  }
}

// The statements below are plain SQL (see Sql): a fan-out runs for every relay batch.

interface FanoutEvent {
  id: string;
  seq: bigint;
  type: string;
  tenantId: string;
  directoryId: string;
  createdAt: Date;
}

type SubscribedEndpoint = EndpointSubscription & { id: string };

function deliveriesFor(events: readonly FanoutEvent[], endpoints: readonly SubscribedEndpoint[]): NewDelivery[] {
  return events.flatMap((event) =>
    endpoints
      .filter((endpoint) => endpointWantsEvent(endpoint, event))
      .map((endpoint) => ({ id: newId('webhookDelivery'), endpointId: endpoint.id, event })),
  );
}

interface NewDelivery {
  id: string;
  endpointId: string;
  event: FanoutEvent;
}

// One round trip: the no-op update on conflict locks the existing row and returns it.
async function lockCursor(tx: SqlRunner, directoryId: string): Promise<bigint> {
  const [cursor] = await tx.query<{ last_seq: string }>(
    `INSERT INTO webhook_fanout_cursors (directory_id) VALUES ($1)
     ON CONFLICT (directory_id) DO UPDATE SET directory_id = EXCLUDED.directory_id
     RETURNING last_seq::text`,
    [directoryId],
  );
  return BigInt(cursor!.last_seq);
}

/** The directory's newest event: how far a fan-out with nobody to deliver to may jump, and whose tenant it is. */
async function newestEvent(tx: SqlRunner, directoryId: string): Promise<{ seq: bigint; tenantId: string } | null> {
  const [row] = await tx.query<{ seq: string; tenant_id: string }>(
    'SELECT seq::text, tenant_id FROM events WHERE directory_id = $1 ORDER BY seq DESC LIMIT 1',
    [directoryId],
  );
  return row ? { seq: BigInt(row.seq), tenantId: row.tenant_id } : null;
}

async function eventsAfter(tx: SqlRunner, directoryId: string, from: bigint): Promise<FanoutEvent[]> {
  const rows = await tx.query<{ id: string; seq: string; type: string; tenant_id: string; created_at: Date }>(
    `SELECT id, seq::text, type, tenant_id, created_at FROM events
      WHERE directory_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
    [directoryId, from.toString(), FANOUT_BATCH],
  );
  return rows.map((row) => ({
    id: row.id,
    seq: BigInt(row.seq),
    type: row.type,
    tenantId: row.tenant_id,
    directoryId,
    createdAt: row.created_at,
  }));
}

async function enabledEndpointsFor(
  tx: SqlRunner,
  tenantId: string,
  directoryId: string,
): Promise<SubscribedEndpoint[]> {
  const rows = await tx.query<{
    id: string;
    event_types: string[];
    tenant_id: string | null;
    directory_id: string | null;
    created_at: Date;
  }>(
    `SELECT id, event_types, tenant_id, directory_id, created_at FROM webhook_endpoints
      WHERE state = 'enabled' AND (tenant_id IS NULL OR tenant_id = $1) AND (directory_id IS NULL OR directory_id = $2)
      ORDER BY id`,
    [tenantId, directoryId],
  );
  return rows.map((row) => ({
    id: row.id,
    eventTypes: row.event_types,
    tenantId: row.tenant_id,
    directoryId: row.directory_id,
    createdAt: row.created_at,
  }));
}

// The deliveries and the cursor's move, in one statement.
async function insertAndAdvance(
  tx: SqlRunner,
  directoryId: string,
  deliveries: readonly NewDelivery[],
  reached: bigint,
): Promise<void> {
  await tx.query(
    `WITH inserted AS (
       INSERT INTO webhook_deliveries (id, endpoint_id, event_id, event_seq, directory_id, next_attempt_at)
       SELECT d.id, d.endpoint_id, d.event_id, d.event_seq, $1, now()
         FROM unnest($2::text[], $3::text[], $4::text[], $5::bigint[]) AS d(id, endpoint_id, event_id, event_seq)
       ON CONFLICT DO NOTHING
     )
     UPDATE webhook_fanout_cursors SET last_seq = $6, updated_at = now() WHERE directory_id = $1`,
    [
      directoryId,
      deliveries.map((delivery) => delivery.id),
      deliveries.map((delivery) => delivery.endpointId),
      deliveries.map((delivery) => delivery.event.id),
      deliveries.map((delivery) => delivery.event.seq.toString()),
      reached.toString(),
    ],
  );
}
