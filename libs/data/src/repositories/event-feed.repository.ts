import { Injectable } from '@nestjs/common';
import type { EventRecord } from '@roster/events';
import { comparePositions, type EventPosition, laterPosition } from '../event-position';
import { PrismaService } from '../prisma.service';
import { SqlParams } from '../sql';

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
   * in runs (join them with commas), each the Events API's event object
   * (`toEventObject`) rendered by Postgres: its spacing inside `data`, so pass
   * them through `compactJson` before sending.
   */
  eventsJson: string[];
  /** Where the next page starts: after the last event, or past every event this read proved absent. */
  next: EventPosition;
  /** Matching events have committed (or are being written) past the watermark: they wait for an older transaction to end. */
  pending: boolean;
  /** The position of the last event retention pruned, as of the page's snapshot (null if it never did). */
  horizon: EventPosition | null;
}

// Under 128 KB of text a row for ordinary events: V8 allocates smaller strings in the young generation.
const EVENTS_PER_ROW = 64;

// Positions as text: plain pg returns bigint as a string, BigInt() takes it whole.
interface FeedRow {
  watermark: string;
  pending: boolean;
  count: number;
  last_tx_id: string | null;
  last_seq: string | null;
  events_json: string | null;
  horizon_tx_id: string | null;
  horizon_seq: string | null;
}

/**
 * An event row as the Events API's event object (`toEventObject` in
 * @roster/events, key for key): `created_at` in RFC 3339 with milliseconds
 * (truncated, as a JS Date does) and Z, `previous_attributes` only when it holds
 * something (toEventObject's truthiness test).
 */
const EVENT_OBJECT_JSON = `(
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
   * objects and parses no `data` (a 1,000-event page is 16 rows of text).
   */
  async page(after: EventPosition | null, filter: EventFeedFilter, limit: number): Promise<EventFeedPage> {
    const params = new SqlParams();
    const conditions = filterConditions(params, filter);
    const afterCursor = after
      ? `AND (e.tx_id, e.seq) > (${params.add(after.txId)}::bigint, ${params.add(after.seq)}::bigint)`
      : '';
    // One statement, so the watermark, the page, the pending flag and the
    // retention horizon share a snapshot; the watermark is computed once
    // (MATERIALIZED) and every scan is an index range from it. The first row
    // holds all but the events; the events follow as the JSON text of runs of
    // EVENTS_PER_ROW. Plain pg (no Prisma copy of the text) and no single
    // page-sized string: one that large is allocated in V8's old generation and
    // costs a full GC soon after, which was a third of this path's CPU.
    const [head, ...runs] = await this.prisma.sql.query<FeedRow>(
      `WITH w AS MATERIALIZED (SELECT roster_event_log_watermark() AS watermark),
      page AS MATERIALIZED (
        SELECT e.tx_id, e.seq, row_number() OVER (ORDER BY e.tx_id, e.seq) AS n, ${EVENT_OBJECT_JSON} AS event_json
        FROM w, events e
        WHERE e.tx_id < w.watermark ${afterCursor} ${conditions}
        ORDER BY e.tx_id, e.seq
        LIMIT ${params.add(limit)}
      )
      SELECT 0 AS part, w.watermark::text, q.found IS NOT NULL AS pending, c.count::int,
             c.last[1]::text AS last_tx_id, c.last[2]::text AS last_seq,
             h.tx_id::text AS horizon_tx_id, h.seq::text AS horizon_seq, NULL::text AS events_json
      FROM w
      LEFT JOIN LATERAL (
        SELECT true AS found FROM events e
        WHERE e.tx_id >= w.watermark ${conditions}
        ORDER BY e.tx_id, e.seq LIMIT 1
      ) q ON true
      CROSS JOIN (SELECT count(*) AS count, max(ARRAY[tx_id, seq]) AS last FROM page) c
      LEFT JOIN event_log_horizon h ON h.id = 1
      UNION ALL
      SELECT 1 + (n - 1) / ${EVENTS_PER_ROW}, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
             string_agg(event_json, ',' ORDER BY n)
      FROM page GROUP BY (n - 1) / ${EVENTS_PER_ROW}
      ORDER BY part`,
      params.values,
    );
    const row = head!;
    const last = position(row.last_tx_id, row.last_seq) ?? after;
    // A short page read everything below the watermark: the next read can start there.
    const stable: EventPosition = { txId: BigInt(row.watermark), seq: 0n };
    const next = row.count === limit ? last! : last ? laterPosition(last, stable) : stable;
    const horizon = position(row.horizon_tx_id, row.horizon_seq);
    const eventsJson = runs.map((run) => run.events_json!);
    return { count: row.count, eventsJson, next, pending: row.pending, horizon };
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

function filterConditions(params: SqlParams, filter: EventFeedFilter): string {
  const parts: string[] = [];
  if (filter.types?.length) parts.push(`AND e.type = ANY(${params.add([...filter.types])}::text[])`);
  if (filter.tenantId) parts.push(`AND e.tenant_id = ${params.add(filter.tenantId)}`);
  if (filter.directoryId) parts.push(`AND e.directory_id = ${params.add(filter.directoryId)}`);
  return parts.join(' ');
}

function position(txId: string | null, seq: string | null): EventPosition | null {
  return txId !== null && seq !== null ? { txId: BigInt(txId), seq: BigInt(seq) } : null;
}
