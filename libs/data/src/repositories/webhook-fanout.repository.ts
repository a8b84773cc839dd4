import { Injectable } from '@nestjs/common';
import { newId } from '@roster/ids';
import { endpointWantsEvent } from '@roster/webhooks';
import type { Prisma } from '../generated/prisma/client';
import { PrismaService, type PrismaTransaction } from '../prisma.service';
import type { WebhookLane } from './webhook-deliveries.repository';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';

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
  constructor(
    private readonly prisma: PrismaService,
    private readonly endpoints: WebhookEndpointsRepository,
  ) {}

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
    for (let done = false; !done; ) {
      done = await this.prisma.$transaction(async (tx) => {
        const from = await this.lockCursor(tx, directoryId);
        fannedOutTo = from;
        if (from >= uptoSeq) return true;
        const events = await tx.event.findMany({
          where: { directoryId, seq: { gt: from } },
          orderBy: { seq: 'asc' },
          take: FANOUT_BATCH,
          select: { id: true, seq: true, type: true, tenantId: true, directoryId: true, createdAt: true },
        });
        const rows = await this.deliveriesFor(tx, events);
        if (rows.length > 0) await tx.webhookDelivery.createMany({ data: rows, skipDuplicates: true });
        rows.forEach((row) => lanes.set(row.endpointId, { endpointId: row.endpointId, directoryId }));
        const newest = events.at(-1)?.seq ?? from;
        const reached = events.length === FANOUT_BATCH || newest > uptoSeq ? newest : uptoSeq;
        await tx.webhookFanoutCursor.update({ where: { directoryId }, data: { lastSeq: reached, updatedAt: new Date() } });
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
   * A directory whose newest event is younger than `graceMs` is left to its
   * fan-out job still on its way (and to the next one, which catches up).
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
          SELECT e.seq, e.created_at FROM events e WHERE e.directory_id = d.directory_id ORDER BY e.seq DESC LIMIT 1
        ) newest
        LEFT JOIN webhook_fanout_cursors c ON c.directory_id = d.directory_id
       WHERE d.directory_id IS NOT NULL AND newest.seq > COALESCE(c.last_seq, 0)
         AND newest.created_at <= now() - make_interval(secs => ${graceMs / 1000})
       LIMIT ${limit}`;
  }

  // One round trip: the no-op update on conflict locks the existing row and returns it.
  private async lockCursor(tx: PrismaTransaction, directoryId: string): Promise<bigint> {
    const [cursor] = await tx.$queryRaw<{ last_seq: bigint }[]>`
      INSERT INTO webhook_fanout_cursors (directory_id) VALUES (${directoryId})
      ON CONFLICT (directory_id) DO UPDATE SET directory_id = EXCLUDED.directory_id
      RETURNING last_seq`;
    return cursor!.last_seq;
  }

  private async deliveriesFor(
    tx: PrismaTransaction,
    events: { id: string; seq: bigint; type: string; tenantId: string; directoryId: string; createdAt: Date }[],
  ): Promise<Prisma.WebhookDeliveryCreateManyInput[]> {
    const [first] = events;
    if (!first) return [];
    const endpoints = await this.endpoints.listEnabledFor(first.tenantId, first.directoryId, tx);
    const now = new Date();
    return events.flatMap((event) =>
      endpoints
        .filter((endpoint) => endpointWantsEvent(endpoint, event))
        .map((endpoint) => ({
          id: newId('webhookDelivery'),
          endpointId: endpoint.id,
          eventId: event.id,
          eventSeq: event.seq,
          directoryId: event.directoryId,
          nextAttemptAt: now,
        })),
    );
  }
}
