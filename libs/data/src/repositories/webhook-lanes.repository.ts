import { Injectable } from '@nestjs/common';
import type { Event, Prisma } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';
import { SqlParams } from '../sql';
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
  event_seq: string;
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
  tx_id: string | null;
}

/**
 * The hot path of a lane worker: a lease takes a run of deliveries from the
 * lane's head with their events and the endpoint's signing secrets, and
 * recording the run's successes leases the next run in the same statement,
 * so a busy lane costs one statement per run, not several per delivery. A
 * run always starts at the head (the lane's lowest pending delivery), so a
 * later event never overtakes an earlier one, and the lease keeps two
 * workers off the same lane.
 */
@Injectable()
export class WebhookLanesRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Leases the lane's head and up to `max - 1` deliveries right behind it, if
   * the head is due, not leased by a live worker, and its endpoint enabled.
   * Only an unbroken run from the head is leased (each due and unleased), so
   * the worker can send them one after the other in event order.
   */
  async lease(lane: WebhookLane, leaseMs: number, max: number): Promise<LeasedDelivery[]> {
    const params = new SqlParams();
    const rows = await this.prisma.sql.query<LeasedRow>(
      `WITH ${leaseRun(params, lane, leaseMs, max, [])} ${SELECT_LEASED}`,
      params.values,
      PREPARED,
    );
    return rows.map(toLeased);
  }

  /**
   * Records successful attempts (their attempt rows, the deliveries succeeded
   * and unleased, the endpoint's run of failures ended) and, unless `next` is
   * null, leases the lane's next run, all in one statement: its CTEs see one
   * snapshot, so the finished deliveries are excluded by id and the next head
   * is the lowest other pending one.
   */
  async succeed(
    attempts: readonly FinishedAttempt[],
    next: { leaseMs: number; max: number } | null,
  ): Promise<LeasedDelivery[]> {
    const [first] = attempts;
    if (!first) return [];
    const params = new SqlParams();
    const ids = attempts.map((attempt) => attempt.delivery.id);
    const recorded = recordSuccesses(params, attempts);
    if (next === null) {
      await this.prisma.sql.query(`WITH ${recorded} SELECT 1`, params.values, PREPARED);
      return [];
    }
    const lane = { endpointId: first.delivery.endpointId, directoryId: first.delivery.directoryId };
    const rows = await this.prisma.sql.query<LeasedRow>(
      `WITH ${recorded}, ${leaseRun(params, lane, next.leaseMs, next.max, ids)} ${SELECT_LEASED}`,
      params.values,
      PREPARED,
    );
    return rows.map(toLeased);
  }

  /** Gives back leased deliveries that were not attempted (the lane stopped before them). */
  async release(deliveries: readonly ClaimedDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    await this.prisma.sql.query(
      "UPDATE webhook_deliveries SET lease_until = NULL, updated_at = now() WHERE id = ANY($1::text[]) AND status = 'pending'",
      [deliveries.map((delivery) => delivery.id)],
    );
  }
}

// These statements are plain SQL (see Sql): a busy lane runs them for every run it sends.
// Prepared: planning the lease took 2 ms against 0.3 ms to run it, and its plan
// (the lane's partial index) is the same whatever the lane.
const PREPARED = { prepare: true };

/** The `recorded`, `finished` and `recovered` CTEs: a run's successes written down. */
function recordSuccesses(params: SqlParams, attempts: readonly FinishedAttempt[]): string {
  const ids = params.add(attempts.map((attempt) => attempt.delivery.id));
  const numbers = params.add(attempts.map((attempt) => attempt.delivery.attemptCount + 1));
  return `
    recorded AS (
      INSERT INTO webhook_delivery_attempts (delivery_id, attempt_number, response_status, response_body, error, duration_ms)
      SELECT * FROM unnest(${ids}::text[], ${numbers}::int[], ${params.add(attempts.map((attempt) => attempt.responseStatus))}::int[],
                           ${params.add(attempts.map((attempt) => attempt.responseBody))}::text[],
                           ${params.add(attempts.map((attempt) => attempt.error))}::text[],
                           ${params.add(attempts.map((attempt) => attempt.durationMs))}::int[])
    ), finished AS (
      UPDATE webhook_deliveries d
         SET status = 'succeeded', attempt_count = f.n, next_attempt_at = NULL, lease_until = NULL, updated_at = now()
        FROM unnest(${ids}::text[], ${numbers}::int[]) AS f(id, n)
       WHERE d.id = f.id
    ), recovered AS (
      UPDATE webhook_endpoints SET failing_since = NULL
       WHERE id = ${params.add(attempts[0]!.delivery.endpointId)} AND failing_since IS NOT NULL
    )`;
}

/**
 * The `candidates`, `run` and `leased` CTEs: lock the lane's lowest pending
 * deliveries (other than `except`), keep the unbroken run of due, unleased
 * ones from the head (none if the head itself is not), and lease them.
 */
function leaseRun(
  params: SqlParams,
  lane: WebhookLane,
  leaseMs: number,
  max: number,
  except: readonly string[],
): string {
  const exclude = except.length ? `AND h.id <> ALL(${params.add(except)}::text[])` : '';
  return `
    candidates AS (
      SELECT h.id, h.event_seq,
             (h.next_attempt_at <= now() AND (h.lease_until IS NULL OR h.lease_until < now())) AS free
        FROM webhook_deliveries h
       WHERE h.endpoint_id = ${params.add(lane.endpointId)} AND h.directory_id = ${params.add(lane.directoryId)}
         AND h.status = 'pending' ${exclude}
       ORDER BY h.event_seq LIMIT ${params.add(max)}
       FOR UPDATE
    ), run AS (
      SELECT id FROM (SELECT id, bool_and(free) OVER (ORDER BY event_seq) AS unbroken FROM candidates) c WHERE unbroken
    ), leased AS (
      UPDATE webhook_deliveries d
         SET lease_until = now() + make_interval(secs => ${params.add(leaseMs / 1000)}), updated_at = now()
        FROM run
       WHERE d.id = run.id
         AND d.next_attempt_at <= now()
         AND (d.lease_until IS NULL OR d.lease_until < now())
         AND EXISTS (SELECT 1 FROM webhook_endpoints w WHERE w.id = d.endpoint_id AND w.state = 'enabled')
      RETURNING d.id, d.endpoint_id, d.directory_id, d.event_id, d.event_seq, d.attempt_count
    )`;
}

const SELECT_LEASED = `
  SELECT l.id, l.endpoint_id, l.directory_id, l.event_id, l.event_seq::text, l.attempt_count,
         w.url, w.secret_encrypted, w.previous_secret_encrypted, w.previous_secret_expires_at,
         e.type AS event_type, e.tenant_id, e.data, e.previous_attributes, e.created_at, e.dispatched_at, e.tx_id::text
    FROM leased l
    JOIN webhook_endpoints w ON w.id = l.endpoint_id
    LEFT JOIN events e ON e.id = l.event_id
   ORDER BY l.event_seq`;

function toLeased(row: LeasedRow): LeasedDelivery {
  const event: Event | null =
    row.event_type === null
      ? null
      : {
          seq: BigInt(row.event_seq),
          id: row.event_id,
          type: row.event_type,
          tenantId: row.tenant_id!,
          directoryId: row.directory_id,
          data: row.data,
          previousAttributes: row.previous_attributes,
          createdAt: row.created_at!,
          dispatchedAt: row.dispatched_at,
          txId: BigInt(row.tx_id!),
        };
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    directoryId: row.directory_id,
    eventId: row.event_id,
    eventSeq: BigInt(row.event_seq),
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
