import { Injectable } from '@nestjs/common';
import { type Event, Prisma } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';
import type { ClaimedDelivery, FinishedAttempt, WebhookLane } from './webhook-deliveries.repository';

/** What signing and sending need of an endpoint, read with each lease so a change applies at once. */
export interface SigningEndpoint {
  id: string;
  url: string;
  secretEncrypted: string;
  previousSecretEncrypted: string | null;
  previousSecretExpiresAt: Date | null;
}

/** A lane's head, leased to this worker, with everything its attempt needs. */
export interface LeasedDelivery extends ClaimedDelivery {
  /** Null when retention pruned the event before it could be delivered. */
  event: Event | null;
  endpoint: SigningEndpoint;
}

interface LeasedRow {
  id: string;
  endpoint_id: string;
  directory_id: string;
  event_id: string;
  event_seq: bigint;
  attempt_count: number;
  url: string;
  secret_encrypted: string;
  previous_secret_encrypted: string | null;
  previous_secret_expires_at: Date | null;
  event_type: string | null;
  tenant_id: string | null;
  data: Prisma.JsonValue;
  previous_attributes: Prisma.JsonValue | null;
  created_at: Date | null;
  dispatched_at: Date | null;
  tx_id: bigint | null;
}

/**
 * The hot path of a lane worker, one statement per delivery: leasing the head
 * comes with its event and its endpoint's signing secrets, and recording a
 * success leases the next head in the same statement. Only the head of a
 * lane (its lowest pending delivery) can be leased, so a later event never
 * overtakes an earlier one, and the lease keeps two workers off the same lane.
 */
@Injectable()
export class WebhookLanesRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Leases the lane's head if it is due, not leased by a live worker, and its endpoint is enabled. */
  async lease(lane: WebhookLane, leaseMs: number): Promise<LeasedDelivery | null> {
    const [row] = await this.prisma.$queryRaw<LeasedRow[]>`
      WITH ${leaseHead(lane, leaseMs, null)}
      ${selectLeased}`;
    return row ? toLeased(row) : null;
  }

  /**
   * Records a successful attempt (the attempt row, the delivery succeeded and
   * unleased, the endpoint's run of failures ended) and, unless `leaseNextMs`
   * is null, leases the lane's next head, all in one statement: its CTEs see
   * one snapshot, so the finished delivery is excluded by id and the next
   * head is the lowest other pending one. Null when no next head was leased.
   */
  async succeed(attempt: FinishedAttempt, leaseNextMs: number | null): Promise<LeasedDelivery | null> {
    const { delivery } = attempt;
    const lane = { endpointId: delivery.endpointId, directoryId: delivery.directoryId };
    const recorded = Prisma.sql`
      recorded AS (
        INSERT INTO webhook_delivery_attempts (delivery_id, attempt_number, response_status, response_body, error, duration_ms)
        VALUES (${delivery.id}, ${delivery.attemptCount + 1}, ${attempt.responseStatus}, ${attempt.responseBody},
                ${attempt.error}, ${attempt.durationMs})
      ), finished AS (
        UPDATE webhook_deliveries
           SET status = 'succeeded', attempt_count = ${delivery.attemptCount + 1}, next_attempt_at = NULL,
               lease_until = NULL, updated_at = now()
         WHERE id = ${delivery.id}
      ), recovered AS (
        UPDATE webhook_endpoints SET failing_since = NULL WHERE id = ${delivery.endpointId} AND failing_since IS NOT NULL
      )`;
    if (leaseNextMs === null) {
      await this.prisma.$executeRaw`WITH ${recorded} SELECT 1`;
      return null;
    }
    const [row] = await this.prisma.$queryRaw<LeasedRow[]>`
      WITH ${recorded}, ${leaseHead(lane, leaseNextMs, delivery.id)}
      ${selectLeased}`;
    return row ? toLeased(row) : null;
  }
}

/** The `head` and `leased` CTEs: lock the lane's lowest pending delivery (other than `except`) and lease it if due. */
function leaseHead(lane: WebhookLane, leaseMs: number, except: string | null): Prisma.Sql {
  const exclude = except ? Prisma.sql`AND h.id <> ${except}` : Prisma.empty;
  return Prisma.sql`
    head AS (
      SELECT h.id FROM webhook_deliveries h
       WHERE h.endpoint_id = ${lane.endpointId} AND h.directory_id = ${lane.directoryId} AND h.status = 'pending' ${exclude}
       ORDER BY h.event_seq LIMIT 1
       FOR UPDATE
    ), leased AS (
      UPDATE webhook_deliveries d
         SET lease_until = now() + make_interval(secs => ${leaseMs / 1000}), updated_at = now()
        FROM head
       WHERE d.id = head.id
         AND d.next_attempt_at <= now()
         AND (d.lease_until IS NULL OR d.lease_until < now())
         AND EXISTS (SELECT 1 FROM webhook_endpoints w WHERE w.id = d.endpoint_id AND w.state = 'enabled')
      RETURNING d.id, d.endpoint_id, d.directory_id, d.event_id, d.event_seq, d.attempt_count
    )`;
}

const selectLeased = Prisma.sql`
  SELECT l.id, l.endpoint_id, l.directory_id, l.event_id, l.event_seq, l.attempt_count,
         w.url, w.secret_encrypted, w.previous_secret_encrypted, w.previous_secret_expires_at,
         e.type AS event_type, e.tenant_id, e.data, e.previous_attributes, e.created_at, e.dispatched_at, e.tx_id
    FROM leased l
    JOIN webhook_endpoints w ON w.id = l.endpoint_id
    LEFT JOIN events e ON e.id = l.event_id`;

function toLeased(row: LeasedRow): LeasedDelivery {
  const event: Event | null =
    row.event_type === null
      ? null
      : {
          seq: row.event_seq,
          id: row.event_id,
          type: row.event_type,
          tenantId: row.tenant_id!,
          directoryId: row.directory_id,
          data: row.data,
          previousAttributes: row.previous_attributes,
          createdAt: row.created_at!,
          dispatchedAt: row.dispatched_at,
          txId: row.tx_id!,
        };
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    directoryId: row.directory_id,
    eventId: row.event_id,
    eventSeq: row.event_seq,
    attemptCount: row.attempt_count,
    event,
    endpoint: {
      id: row.endpoint_id,
      url: row.url,
      secretEncrypted: row.secret_encrypted,
      previousSecretEncrypted: row.previous_secret_encrypted,
      previousSecretExpiresAt: row.previous_secret_expires_at,
    },
  };
}
