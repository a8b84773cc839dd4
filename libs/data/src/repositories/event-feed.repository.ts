import { Injectable } from '@nestjs/common';
import type { EventRecord } from '@roster/events';
import { comparePositions, type EventPosition, laterPosition } from '../event-position';
import { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';

/** An event read from the log, with its position. */
export interface EventLogEntry extends EventRecord {
  position: EventPosition;
}

export interface EventFeedFilter {
  types?: readonly string[];
  tenantId?: string;
  directoryId?: string;
}

export interface EventFeedPage {
  /** How many events the page holds. */
  count: number;
  /**
   * The page's events as the elements of a JSON array (without the brackets),
   * each the Events API's event object (`toEventObject`), rendered by Postgres:
   * its spacing inside `data`, so pass it through `compactJson` before sending.
   */
  eventsJson: string;
  /** Where the next page starts: after the last event, or past every event this read proved absent. */
  next: EventPosition;
  /** Matching events have committed (or are being written) past the watermark: they wait for an older transaction to end. */
  pending: boolean;
  /** The position of the last event retention pruned, as of the page's snapshot (null if it never did). */
  horizon: EventPosition | null;
}

interface FeedRow {
  watermark: bigint;
  pending: boolean;
  count: bigint;
  last_tx_id: bigint | null;
  last_seq: bigint | null;
  events_json: string | null;
  horizon_tx_id: bigint | null;
  horizon_seq: bigint | null;
}

/**
 * An event row as the Events API's event object (`toEventObject` in
 * @roster/events, key for key): `created_at` in RFC 3339 with milliseconds
 * (truncated, as a JS Date does) and Z, `previous_attributes` only when it holds
 * something (toEventObject's truthiness test).
 */
const EVENT_OBJECT_JSON = Prisma.sql`(
  '{"object":"event","id":' || to_json(e.id) || ',"type":' || to_json(e.type)
  || ',"created_at":"' || to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  || '","tenant_id":' || to_json(e.tenant_id) || ',"directory_id":' || to_json(e.directory_id)
  || ',"data":' || e.data::text
  || CASE WHEN e.previous_attributes IS NULL OR e.previous_attributes IN ('null', 'false', '0', '""') THEN ''
     ELSE ',"previous_attributes":' || e.previous_attributes::text END
  || '}')`;

/**
 * Reads the event log in its global order (docs/adr/0001-event-log-ordering.md):
 * by (tx_id, seq), and only events of transactions older than the oldest one of
 * this database still running (the watermark, `roster_event_log_watermark()`).
 * Every transaction that can still commit has a larger id, so what a read
 * returns is a prefix of the log that never changes.
 */
@Injectable()
export class EventFeedRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Up to `limit` events after `after` (from the oldest retained event when
   * null), as JSON text built by Postgres: the API's hot path maps no rows into
   * objects and parses no `data` (a 1,000-event page is one row of text).
   */
  async page(after: EventPosition | null, filter: EventFeedFilter, limit: number): Promise<EventFeedPage> {
    const conditions = filterConditions(filter);
    const afterCursor = after
      ? Prisma.sql`AND (e.tx_id, e.seq) > (${after.txId}::bigint, ${after.seq}::bigint)`
      : Prisma.empty;
    // One statement, so the watermark, the page, the pending flag and the
    // retention horizon share a snapshot; the watermark is computed once
    // (MATERIALIZED) and every scan is an index range from it.
    const [row] = await this.prisma.$queryRaw<FeedRow[]>`
      WITH w AS MATERIALIZED (SELECT roster_event_log_watermark() AS watermark)
      SELECT w.watermark, q.found IS NOT NULL AS pending, p.count, p.last[1] AS last_tx_id, p.last[2] AS last_seq,
             p.events_json, h.tx_id AS horizon_tx_id, h.seq AS horizon_seq
      FROM w
      LEFT JOIN LATERAL (
        SELECT true AS found FROM events e
        WHERE e.tx_id >= w.watermark ${conditions}
        ORDER BY e.tx_id, e.seq LIMIT 1
      ) q ON true
      CROSS JOIN LATERAL (
        SELECT count(*) AS count, max(ARRAY[r.tx_id, r.seq]) AS last,
               string_agg(r.event_json, ',' ORDER BY r.tx_id, r.seq) AS events_json
        FROM (
          SELECT e.tx_id, e.seq, ${EVENT_OBJECT_JSON} AS event_json
          FROM events e
          WHERE e.tx_id < w.watermark ${afterCursor} ${conditions}
          ORDER BY e.tx_id, e.seq
          LIMIT ${limit}
        ) r
      ) p
      LEFT JOIN event_log_horizon h ON h.id = 1`;
    const count = Number(row!.count);
    const last =
      row!.last_tx_id !== null && row!.last_seq !== null ? { txId: row!.last_tx_id, seq: row!.last_seq } : after;
    // A short page read everything below the watermark: the next read can start there.
    const stable: EventPosition = { txId: row!.watermark, seq: 0n };
    const next = count === limit ? last! : last ? laterPosition(last, stable) : stable;
    const horizon =
      row!.horizon_tx_id !== null && row!.horizon_seq !== null
        ? { txId: row!.horizon_tx_id, seq: row!.horizon_seq }
        : null;
    return { count, eventsJson: row!.events_json ?? '', next, pending: row!.pending, horizon };
  }

  /** The position after every event committed so far: where `after=now` starts. */
  async tail(): Promise<EventPosition> {
    const [row] = await this.prisma.$queryRaw<{ watermark: bigint }[]>`
      SELECT roster_event_log_watermark() AS watermark`;
    return { txId: row!.watermark, seq: 0n };
  }

  /** The position just before the first event created at or after `time` (or the tail if none is). */
  async before(time: Date): Promise<EventPosition> {
    const [row] = await this.prisma.$queryRaw<{ watermark: bigint; tx_id: bigint | null; seq: bigint | null }[]>`
      WITH w AS MATERIALIZED (SELECT roster_event_log_watermark() AS watermark)
      SELECT w.watermark, f.tx_id, f.seq FROM w LEFT JOIN LATERAL (
        SELECT e.tx_id, e.seq FROM events e WHERE e.created_at >= ${time} ORDER BY e.tx_id, e.seq LIMIT 1
      ) f ON true`;
    const stable: EventPosition = { txId: row!.watermark, seq: 0n };
    if (row!.tx_id === null || row!.seq === null) return stable;
    // A transaction still running may yet commit an event created after `time` below the first one found.
    const first = { txId: row!.tx_id, seq: row!.seq - 1n };
    return comparePositions(first, stable) < 0 ? first : stable;
  }
}

function filterConditions(filter: EventFeedFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (filter.types?.length) parts.push(Prisma.sql`AND e.type = ANY(${[...filter.types]}::text[])`);
  if (filter.tenantId) parts.push(Prisma.sql`AND e.tenant_id = ${filter.tenantId}`);
  if (filter.directoryId) parts.push(Prisma.sql`AND e.directory_id = ${filter.directoryId}`);
  return parts.length ? Prisma.join(parts, ' ') : Prisma.empty;
}
