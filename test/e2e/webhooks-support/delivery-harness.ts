import { getQueueToken } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@roster/config';
import { EventLogRepository, PrismaService } from '@roster/data';
import type { EventType } from '@roster/events';
import { createHttpApp, PlatformModule } from '@roster/platform';
import type { Queue } from 'bullmq';
import { EVENT_FANOUT_QUEUE, type EventFanoutJob } from '../../../apps/delivery/src/queues/event-fanout.queue';
import { QueuesModule } from '../../../apps/delivery/src/queues/queues.module';
import type { WebhookDeliverySettings } from '../../../apps/delivery/src/webhooks/webhook-delivery.settings';
import { WebhooksModule } from '../../../apps/delivery/src/webhooks/webhooks.module';

@Module({})
class WebhookWorkersModule {}

/**
 * The delivery app reduced to the platform and the webhook module (no Events
 * API, no relay), with delivery settings a test may tune: the tests play the
 * relay themselves, so they do not depend on its timing.
 */
export function createWebhookApp(overrides: Partial<WebhookDeliverySettings> = {}) {
  return (config: AppConfig): Promise<NestFastifyApplication> => {
    const root: DynamicModule = {
      module: WebhookWorkersModule,
      imports: [PlatformModule.forRoot('delivery', config), QueuesModule, WebhooksModule.forRoot(overrides)],
    };
    return createHttpApp(root);
  };
}

export interface PublishedEvent {
  id: string;
  seq: bigint;
}

/** Where events are published to: the log, and (unless null) the relay's fan-out queue. */
export interface EventSink {
  prisma: PrismaService;
  queue: Queue<EventFanoutJob> | null;
}

export function sinkOf(app: NestFastifyApplication): EventSink {
  return { prisma: app.get(PrismaService), queue: app.get(getQueueToken(EVENT_FANOUT_QUEUE), { strict: false }) };
}

/**
 * What the outbox relay does, by hand: appends events to the log in one
 * transaction, then enqueues one fan-out job per event (job id = event id).
 */
export async function publishEvents(
  target: NestFastifyApplication | EventSink,
  scope: { tenantId: string; directoryId: string },
  count: number,
  type: EventType = 'dsync.user.updated',
): Promise<PublishedEvent[]> {
  const { prisma, queue } = 'prisma' in target ? target : sinkOf(target);
  const before = await prisma.event.aggregate({ where: { directoryId: scope.directoryId }, _max: { seq: true } });
  const batch = Array.from({ length: count }, (_, index) => ({ type, ...scope, data: { object: 'test', n: index } }));
  await prisma.$transaction((tx) => new EventLogRepository().append(tx, batch));
  const events = await prisma.event.findMany({
    where: { directoryId: scope.directoryId, seq: { gt: before._max.seq ?? 0n } },
    orderBy: { seq: 'asc' },
  });
  await queue?.addBulk(
    events.map((event) => ({
      name: 'event',
      data: { eventId: event.id, seq: String(event.seq), directoryId: event.directoryId },
      opts: { jobId: event.id, removeOnComplete: true },
    })),
  );
  return events.map((event) => ({ id: event.id, seq: event.seq }));
}
