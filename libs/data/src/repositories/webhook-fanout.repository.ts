import { Injectable } from '@nestjs/common';
import { newId } from '@roster/ids';
import { type EndpointSubscription, endpointWantsEvent } from '@roster/webhooks';
import { PrismaService } from '../prisma.service';
import type { SqlRunner } from '../sql';
import type { WebhookLane } from './webhook-deliveries.repository';

/** Events fanned out per statement; a long backlog is caught up in several. */
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
 * A directory is fanned out from where the last fan-out stopped (its cursor
 * row, moved by compare and set) up to a given event, so its deliveries are
 * created in event order and a lane never sees a later event before an earlier one.
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
   *
   * Two statements a batch and no transaction: one reads the cursor, the
   * endpoints and the events after the cursor; the other inserts the
   * deliveries and moves the cursor only if it is still where the read found
   * it (compare and set), so a directory's deliveries still commit one batch
   * after the other, in event order, however many replicas fan out.
   */
  async fanOut(directoryId: string, uptoSeq: bigint): Promise<FanoutResult> {
    const lanes = new Map<string, WebhookLane>();
    let fannedOutTo: bigint;
    for (;;) {
      const state = await readFanoutState(this.prisma.sql, directoryId);
      fannedOutTo = state.cursor;
      if (state.cursor >= uptoSeq) break;
      const { deliveries, reached } = plan(state, uptoSeq);
      // Another fan-out moved the cursor meanwhile: read again from where it is now.
      if (!(await insertAndAdvance(this.prisma.sql, directoryId, deliveries, state.cursor, reached))) continue;
      deliveries.forEach((row) => lanes.set(row.endpointId, { endpointId: row.endpointId, directoryId }));
      fannedOutTo = reached;
      if (reached >= uptoSeq || state.events.length < FANOUT_BATCH) break;
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

interface FanoutState {
  cursor: bigint;
  /** The directory's newest event: how far a fan-out with nobody to deliver to may jump. */
  newestSeq: bigint | null;
  endpoints: SubscribedEndpoint[];
  /** Up to FANOUT_BATCH events after the cursor; none read when no endpoint subscribes. */
  events: FanoutEvent[];
}

/** The deliveries of a batch, and how far the cursor may move with them. */
function plan(state: FanoutState, uptoSeq: bigint): { deliveries: NewDelivery[]; reached: bigint } {
  if (state.endpoints.length === 0) {
    // Nobody to deliver to (a directory read through the Events API only):
    // the cursor jumps past everything, instead of reading the events.
    const newest = state.newestSeq ?? 0n;
    return { deliveries: [], reached: newest > uptoSeq ? newest : uptoSeq };
  }
  const last = state.events.at(-1)?.seq ?? state.cursor;
  const reached = state.events.length === FANOUT_BATCH || last > uptoSeq ? last : uptoSeq;
  return { deliveries: deliveriesFor(state.events, state.endpoints), reached };
}

interface FanoutStateRow {
  cursor: string;
  newest_seq: string | null;
  endpoints: {
    id: string;
    event_types: string[];
    tenant_id: string | null;
    directory_id: string | null;
    created_at: string;
  }[];
  events: { id: string; seq: string; type: string; tenant_id: string; created_at: string }[];
}

// One round trip. The endpoints are those of the newest event's tenant (a
// directory belongs to one tenant); the events are read only if there are any.
async function readFanoutState(db: SqlRunner, directoryId: string): Promise<FanoutState> {
  const [row] = await db.query<FanoutStateRow>(
    `WITH cursor AS (
       SELECT COALESCE((SELECT last_seq FROM webhook_fanout_cursors WHERE directory_id = $1), 0) AS last_seq
     ), newest AS (
       SELECT seq, tenant_id FROM events WHERE directory_id = $1 ORDER BY seq DESC LIMIT 1
     ), endpoints AS (
       SELECT w.id, w.event_types, w.tenant_id, w.directory_id, w.created_at FROM webhook_endpoints w, newest n
        WHERE w.state = 'enabled' AND (w.tenant_id IS NULL OR w.tenant_id = n.tenant_id)
          AND (w.directory_id IS NULL OR w.directory_id = $1)
     )
     SELECT c.last_seq::text AS cursor, (SELECT seq::text FROM newest) AS newest_seq,
            COALESCE((SELECT json_agg(endpoints ORDER BY id) FROM endpoints), '[]') AS endpoints,
            COALESCE((SELECT json_agg(json_build_object('id', e.id, 'seq', e.seq::text, 'type', e.type,
                                                        'tenant_id', e.tenant_id, 'created_at', e.created_at)
                                      ORDER BY e.seq)
                        FROM (SELECT id, seq, type, tenant_id, created_at FROM events
                               WHERE directory_id = $1 AND seq > c.last_seq AND EXISTS (SELECT 1 FROM endpoints)
                               ORDER BY seq LIMIT $2) e), '[]') AS events
       FROM cursor c`,
    [directoryId, FANOUT_BATCH],
  );
  return {
    cursor: BigInt(row!.cursor),
    newestSeq: row!.newest_seq === null ? null : BigInt(row!.newest_seq),
    endpoints: row!.endpoints.map((endpoint) => ({
      id: endpoint.id,
      eventTypes: endpoint.event_types,
      tenantId: endpoint.tenant_id,
      directoryId: endpoint.directory_id,
      createdAt: new Date(endpoint.created_at),
    })),
    events: row!.events.map((event) => ({
      id: event.id,
      seq: BigInt(event.seq),
      type: event.type,
      tenantId: event.tenant_id,
      directoryId,
      createdAt: new Date(event.created_at),
    })),
  };
}

/**
 * The deliveries and the cursor's move from `from` to `reached`, in one
 * statement, if the cursor is still at `from`; false, nothing written, if
 * another fan-out moved it first. Postgres re-reads a cursor row updated
 * concurrently before testing it (READ COMMITTED), so of two fan-outs from
 * the same place only one gets through.
 */
async function insertAndAdvance(
  db: SqlRunner,
  directoryId: string,
  deliveries: readonly NewDelivery[],
  from: bigint,
  reached: bigint,
): Promise<boolean> {
  const rows = await db.query(
    `WITH advanced AS (
       INSERT INTO webhook_fanout_cursors AS c (directory_id, last_seq) VALUES ($1, $6)
       ON CONFLICT (directory_id) DO UPDATE SET last_seq = EXCLUDED.last_seq, updated_at = now()
        WHERE c.last_seq = $7
       RETURNING 1
     ), inserted AS (
       INSERT INTO webhook_deliveries (id, endpoint_id, event_id, event_seq, directory_id, next_attempt_at)
       SELECT d.id, d.endpoint_id, d.event_id, d.event_seq, $1, now()
         FROM unnest($2::text[], $3::text[], $4::text[], $5::bigint[]) AS d(id, endpoint_id, event_id, event_seq)
        WHERE EXISTS (SELECT 1 FROM advanced)
       ON CONFLICT DO NOTHING
     )
     SELECT 1 FROM advanced`,
    [
      directoryId,
      deliveries.map((delivery) => delivery.id),
      deliveries.map((delivery) => delivery.endpointId),
      deliveries.map((delivery) => delivery.event.id),
      deliveries.map((delivery) => delivery.event.seq.toString()),
      reached.toString(),
      from.toString(),
    ],
  );
  return rows.length > 0;
}
