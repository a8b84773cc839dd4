import { Injectable } from '@nestjs/common';
import { newId } from '@roster/ids';
import { fetchPage, type Page, type PageQuery } from '../cursor-page';
import type { Event, Prisma, WebhookDelivery, WebhookDeliveryAttempt } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';

/** Deliveries of one endpoint for one directory: attempted strictly in event order. */
export interface WebhookLane {
  endpointId: string;
  directoryId: string;
}

export type WebhookDeliveryStatus = 'pending' | 'succeeded' | 'dead';

/** The head of a lane, leased to the worker that claimed it. */
export interface ClaimedDelivery {
  id: string;
  endpointId: string;
  directoryId: string;
  eventId: string;
  eventSeq: bigint;
  /** Attempts made before this one. */
  attemptCount: number;
}

export interface FinishedAttempt {
  delivery: ClaimedDelivery;
  responseStatus: number | null;
  responseBody: string | null;
  error: string | null;
  durationMs: number;
  /** What the delivery becomes: done, retried at `nextAttemptAt`, or dead. */
  status: WebhookDeliveryStatus;
  nextAttemptAt: Date | null;
}

export type DeliveryWithAttempts = WebhookDelivery & { attempts: WebhookDeliveryAttempt[]; eventType: string | null };

export type ReplayStart = { afterSeq: bigint } | { since: Date };

export interface ReplayFilter {
  eventTypes: string[];
  tenantId: string | null;
  directoryId: string | null;
}

const REPLAY_BATCH = 1000;

@Injectable()
export class WebhookDeliveriesRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Leases the head of a lane (its lowest pending event) if it is due, not
   * leased by a live worker, and its endpoint is enabled. Only the head can
   * be claimed, so a later event never overtakes an earlier one, and the
   * lease keeps two workers off the same lane. Null when there is nothing to do.
   */
  async claimHead(lane: WebhookLane, leaseMs: number): Promise<ClaimedDelivery | null> {
    const [claimed] = await this.prisma.$queryRaw<ClaimedDelivery[]>`
      UPDATE webhook_deliveries d
         SET lease_until = now() + make_interval(secs => ${leaseMs / 1000}), updated_at = now()
       WHERE d.id = (SELECT h.id FROM webhook_deliveries h
                      WHERE h.endpoint_id = ${lane.endpointId} AND h.directory_id = ${lane.directoryId}
                        AND h.status = 'pending'
                      ORDER BY h.event_seq LIMIT 1
                      FOR UPDATE)
         AND d.next_attempt_at <= now()
         AND (d.lease_until IS NULL OR d.lease_until < now())
         AND EXISTS (SELECT 1 FROM webhook_endpoints w WHERE w.id = d.endpoint_id AND w.state = 'enabled')
      RETURNING d.id, d.endpoint_id AS "endpointId", d.directory_id AS "directoryId", d.event_id AS "eventId",
                d.event_seq AS "eventSeq", d.attempt_count AS "attemptCount"`;
    return claimed ?? null;
  }

  findEvent(eventId: string): Promise<Event | null> {
    return this.prisma.event.findUnique({ where: { id: eventId } });
  }

  /**
   * Records an attempt and its consequence in one transaction: the attempt
   * row, the delivery's new status (lease released), and the endpoint's run
   * of failures (cleared by a success). Returns when that run started.
   */
  async finishAttempt(attempt: FinishedAttempt): Promise<{ failingSince: Date | null }> {
    const { delivery } = attempt;
    const attemptNumber = delivery.attemptCount + 1;
    return this.prisma.$transaction(async (tx) => {
      await tx.webhookDeliveryAttempt.create({
        data: {
          deliveryId: delivery.id,
          attemptNumber,
          responseStatus: attempt.responseStatus,
          responseBody: attempt.responseBody,
          error: attempt.error,
          durationMs: attempt.durationMs,
        },
      });
      await tx.webhookDelivery.update({
        where: { id: delivery.id },
        data: {
          status: attempt.status,
          attemptCount: attemptNumber,
          nextAttemptAt: attempt.nextAttemptAt,
          leaseUntil: null,
          updatedAt: new Date(),
        },
      });
      if (attempt.status === 'succeeded') {
        await tx.webhookEndpoint.updateMany({
          where: { id: delivery.endpointId, failingSince: { not: null } },
          data: { failingSince: null },
        });
        return { failingSince: null };
      }
      const [endpoint] = await tx.$queryRaw<{ failing_since: Date }[]>`
        UPDATE webhook_endpoints SET failing_since = COALESCE(failing_since, now())
         WHERE id = ${delivery.endpointId} RETURNING failing_since`;
      return { failingSince: endpoint?.failing_since ?? null };
    });
  }

  /** An endpoint's deliveries, newest first by default, each with its attempts in order. */
  async listForEndpoint(
    endpointId: string,
    page: PageQuery,
    filter: { status?: WebhookDeliveryStatus; directoryId?: string } = {},
  ): Promise<Page<DeliveryWithAttempts>> {
    const deliveries = await fetchPage(page, ({ id, order, take }) =>
      this.prisma.webhookDelivery.findMany({
        where: { id, endpointId, status: filter.status, directoryId: filter.directoryId },
        orderBy: { id: order },
        take,
        include: { attempts: { orderBy: { id: 'asc' } } },
      }),
    );
    const events = await this.prisma.event.findMany({
      where: { id: { in: deliveries.data.map((delivery) => delivery.eventId) } },
      select: { id: true, type: true },
    });
    const types = new Map(events.map((event) => [event.id, event.type]));
    return { ...deliveries, data: deliveries.data.map((delivery) => ({ ...delivery, eventType: types.get(delivery.eventId) ?? null })) };
  }

  /**
   * Queues the endpoint's events from `start` again: missing deliveries are
   * created, finished ones (succeeded or dead) become pending with a fresh
   * retry schedule; pending ones are left alone. Returns the count and lanes.
   */
  async replay(endpointId: string, start: ReplayStart, filter: ReplayFilter): Promise<{ count: number; lanes: WebhookLane[] }> {
    const directories = new Set<string>();
    let count = 0;
    let afterSeq = 'afterSeq' in start ? start.afterSeq : 0n;
    for (;;) {
      const events = await this.prisma.event.findMany({
        where: replayedEvents(afterSeq, start, filter),
        orderBy: { seq: 'asc' },
        take: REPLAY_BATCH,
        select: { id: true, seq: true, directoryId: true },
      });
      if (events.length === 0) break;
      count += await this.requeue(endpointId, events);
      events.forEach((event) => directories.add(event.directoryId));
      afterSeq = events[events.length - 1]!.seq;
    }
    return { count, lanes: [...directories].map((directoryId) => ({ endpointId, directoryId })) };
  }

  /**
   * Lanes whose head is due and not leased, due for at least `graceMs`: the
   * ones whose wake-up job was lost (Redis restarted, a worker killed).
   */
  dueLanes(graceMs: number, limit = 1000): Promise<WebhookLane[]> {
    return this.prisma.$queryRaw<WebhookLane[]>`
      SELECT d.endpoint_id AS "endpointId", d.directory_id AS "directoryId"
        FROM webhook_deliveries d
        JOIN webhook_endpoints w ON w.id = d.endpoint_id AND w.state = 'enabled'
       WHERE d.status = 'pending'
         AND d.next_attempt_at <= now() - make_interval(secs => ${graceMs / 1000})
         AND (d.lease_until IS NULL OR d.lease_until < now())
       GROUP BY d.endpoint_id, d.directory_id
       LIMIT ${limit}`;
  }

  /** The lanes of an endpoint that have pending deliveries (to resume it once re-enabled). */
  async pendingLanes(endpointId: string): Promise<WebhookLane[]> {
    const rows = await this.prisma.webhookDelivery.findMany({
      where: { endpointId, status: 'pending' },
      distinct: ['directoryId'],
      select: { directoryId: true },
    });
    return rows.map((row) => ({ endpointId, directoryId: row.directoryId }));
  }

  /** Makes an endpoint's pending deliveries due now (it was re-enabled: no reason to wait out old backoffs). */
  async makePendingDue(endpointId: string): Promise<void> {
    await this.prisma.webhookDelivery.updateMany({
      where: { endpointId, status: 'pending' },
      data: { nextAttemptAt: new Date(), leaseUntil: null },
    });
  }

  private async requeue(endpointId: string, events: { id: string; seq: bigint; directoryId: string }[]): Promise<number> {
    const now = new Date();
    return this.prisma.$transaction(async (tx) => {
      const created = await tx.webhookDelivery.createMany({
        data: events.map((event) => ({
          id: newId('webhookDelivery'),
          endpointId,
          eventId: event.id,
          eventSeq: event.seq,
          directoryId: event.directoryId,
          nextAttemptAt: now,
        })),
        skipDuplicates: true,
      });
      const reset = await tx.webhookDelivery.updateMany({
        where: { endpointId, eventId: { in: events.map((event) => event.id) }, status: { not: 'pending' } },
        data: { status: 'pending', attemptCount: 0, nextAttemptAt: now, leaseUntil: null, updatedAt: now },
      });
      return created.count + reset.count;
    });
  }
}

function replayedEvents(afterSeq: bigint, start: ReplayStart, filter: ReplayFilter): Prisma.EventWhereInput {
  return {
    seq: { gt: afterSeq },
    createdAt: 'since' in start ? { gte: start.since } : undefined,
    type: filter.eventTypes.length > 0 ? { in: filter.eventTypes } : undefined,
    tenantId: filter.tenantId ?? undefined,
    directoryId: filter.directoryId ?? undefined,
  };
}
