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
  events: EventLogEntry[];
  /** Where the next page starts: after the last event, or past every event this read proved absent. */
  next: EventPosition;
  /** Matching events have committed (or are being written) past the watermark: they wait for an older transaction to end. */
  pending: boolean;
}

interface FeedRow {
  watermark: bigint;
  pending: boolean;
  seq: bigint | null;
  tx_id: bigint | null;
  id: string;
  type: string;
  tenant_id: string;
  directory_id: string;
  data: unknown;
  previous_attributes: unknown;
  created_at: Date;
}

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

  /** Up to `limit` events after `after` (from the oldest retained event when null). */
  async page(after: EventPosition | null, filter: EventFeedFilter, limit: number): Promise<EventFeedPage> {
    const conditions = filterConditions(filter);
    const afterCursor = after ? Prisma.sql`AND (e.tx_id, e.seq) > (${after.txId}::bigint, ${after.seq}::bigint)` : Prisma.empty;
    // One statement, so the watermark, the page and the pending flag share a
    // snapshot; the watermark is computed once (MATERIALIZED) and every scan is
    // an index range from it.
    const rows = await this.prisma.$queryRaw<FeedRow[]>`
      WITH w AS MATERIALIZED (SELECT roster_event_log_watermark() AS watermark)
      SELECT w.watermark, q.found IS NOT NULL AS pending, p.*
      FROM w
      LEFT JOIN LATERAL (
        SELECT true AS found FROM events e
        WHERE e.tx_id >= w.watermark ${conditions}
        ORDER BY e.tx_id, e.seq LIMIT 1
      ) q ON true
      LEFT JOIN LATERAL (
        SELECT e.seq, e.tx_id, e.id, e.type, e.tenant_id, e.directory_id, e.data, e.previous_attributes, e.created_at
        FROM events e
        WHERE e.tx_id < w.watermark ${afterCursor} ${conditions}
        ORDER BY e.tx_id, e.seq
        LIMIT ${limit}
      ) p ON true`;
    const first = rows[0]!;
    const events = rows.filter((row) => row.seq !== null).map(toEntry);
    const last = events[events.length - 1]?.position ?? after;
    // A short page read everything below the watermark: the next read can start there.
    const stable: EventPosition = { txId: first.watermark, seq: 0n };
    const next = events.length === limit ? last! : last ? laterPosition(last, stable) : stable;
    return { events, next, pending: first.pending };
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

  /** The position of the last event retention pruned, or null if it never did. */
  async horizon(): Promise<EventPosition | null> {
    const row = await this.prisma.eventLogHorizon.findUnique({ where: { id: 1 } });
    return row ? { txId: row.txId, seq: row.seq } : null;
  }
}

function filterConditions(filter: EventFeedFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (filter.types?.length) parts.push(Prisma.sql`AND e.type = ANY(${[...filter.types]}::text[])`);
  if (filter.tenantId) parts.push(Prisma.sql`AND e.tenant_id = ${filter.tenantId}`);
  if (filter.directoryId) parts.push(Prisma.sql`AND e.directory_id = ${filter.directoryId}`);
  return parts.length ? Prisma.join(parts, ' ') : Prisma.empty;
}

function toEntry(row: FeedRow): EventLogEntry {
  return {
    position: { txId: row.tx_id!, seq: row.seq! },
    id: row.id,
    type: row.type,
    tenantId: row.tenant_id,
    directoryId: row.directory_id,
    data: row.data,
    previousAttributes: row.previous_attributes,
    createdAt: row.created_at,
  };
}
