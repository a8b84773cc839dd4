import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EventLogRepository, PrismaService } from '@roster/data';
import type { EventType } from '@roster/events';
import type { RunningApp } from '@roster/testing';

export const API_KEY = 'events-test-bootstrap-key-0123456789';

export interface TestEvent {
  type?: EventType;
  tenantId?: string;
  directoryId: string;
  data?: Record<string, unknown>;
}

/**
 * Appends events the way the SCIM write path does: one transaction that first
 * takes the directory's advisory lock, then appends. `pause` runs inside the
 * transaction, before the append and before the commit (to interleave commits).
 */
export async function appendEvents(
  app: NestFastifyApplication,
  events: TestEvent[],
  pause: () => Promise<void> = async () => undefined,
): Promise<void> {
  const prisma = app.get(PrismaService);
  const eventLog = app.get(EventLogRepository);
  await prisma.$transaction(async (tx) => {
    for (const directoryId of new Set(events.map((event) => event.directoryId))) {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${directoryId}, 0))`;
    }
    await pause();
    await eventLog.append(
      tx,
      events.map((event) => ({
        type: event.type ?? 'dsync.user.created',
        tenantId: event.tenantId ?? 'tenant_test',
        directoryId: event.directoryId,
        data: event.data ?? {},
      })),
    );
    await pause();
  });
}

/** GET /v1/events with the test API key; returns the status and the parsed body. */
export async function listEvents(api: RunningApp, query: Record<string, string | number> = {}) {
  const search = new URLSearchParams(Object.entries(query).map(([key, value]): [string, string] => [key, String(value)]));
  const response = await api.request('GET', `/v1/events?${search}`, { token: API_KEY });
  return { status: response.status, body: await response.json() };
}

/** Resolves once `condition` holds, checking every few milliseconds (fails the test after `timeoutMs`). */
export async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
