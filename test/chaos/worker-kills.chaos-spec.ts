import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { PrismaService } from '@roster/data';
import { startApp, useTestContext } from '@roster/testing';
import { Queue } from 'bullmq';
import { EVENT_FANOUT_QUEUE, type EventFanoutJob } from '../../apps/delivery/src/queues/event-fanout.queue';
import { createWebhookApp, publishEvents } from '../e2e/webhooks-support/delivery-harness';
import { eventually } from '../e2e/webhooks-support/receiver';
import { OutageReceiver } from './support/outage-receiver';
import { sleep, spawnTs, waitForLine } from './support/restartable-services';
import { BOOTSTRAP_KEY } from './support/roster-stack';

jest.setTimeout(300_000);

const KILLS = 6;

/**
 * The delivery worker SIGKILLed again and again while deliveries are in flight
 * (webhooks-resilience covers one kill): every event still arrives, and each
 * directory's events first arrive in log order.
 */
describe('chaos: the webhook worker killed repeatedly', () => {
  const context = useTestContext();
  const encryptionKey = randomBytes(32).toString('hex');

  function spawnWorker(): ChildProcess {
    const env = context.env({ ROSTER_ENCRYPTION_KEY: encryptionKey, ROSTER_WEBHOOK_RETRY_SCHEDULE: '200ms,500ms,1s' });
    const worker = spawnTs(join(__dirname, '../e2e/webhooks-support/webhook-worker.process.ts'), env);
    context.onTeardown(() => worker.kill('SIGKILL'));
    return worker;
  }

  it(`delivers every event, in order per directory, through ${KILLS} SIGKILLs`, async () => {
    const receiver = new OutageReceiver();
    context.onTeardown(() => receiver.down());
    const url = await receiver.up();
    const config = context.config({ ROSTER_ENCRYPTION_KEY: encryptionKey });
    const prisma = new PrismaService(config);
    const queue = new Queue<EventFanoutJob>(EVENT_FANOUT_QUEUE, { connection: { url: config.redisUrl }, prefix: `${config.redisPrefix}:bull` });
    context.onTeardown(() => Promise.all([prisma.$disconnect(), queue.close()]));

    let worker = spawnWorker();
    await waitForLine(worker, /worker ready/);
    // The endpoint, created through the webhook API (same encryption key as the worker's), which then stops.
    const api = await startApp(createWebhookApp(), context.config({ ROSTER_ENCRYPTION_KEY: encryptionKey, ROSTER_BOOTSTRAP_API_KEY: BOOTSTRAP_KEY }));
    expect((await api.request('POST', '/v1/webhook-endpoints', { token: BOOTSTRAP_KEY, body: { url } })).status).toBe(201);
    await api.close();

    const directories = ['directory_kill_a', 'directory_kill_b', 'directory_kill_c'].map((directoryId) => ({ tenantId: 'tenant_kill', directoryId }));
    const published = new Map<string, string[]>();
    for (const directory of directories) published.set(directory.directoryId, (await publishEvents({ prisma, queue }, directory, 40)).map((event) => event.id));
    const total = [...published.values()].reduce((sum, ids) => sum + ids.length, 0);

    for (let kill = 0; kill < KILLS; kill++) {
      const before = new Set(receiver.received.map((event) => event.id)).size;
      await eventually(() => expect(new Set(receiver.received.map((event) => event.id)).size).toBeGreaterThan(before), 60_000);
      await sleep(30 + Math.floor(Math.random() * 200));
      worker.kill('SIGKILL');
      await new Promise((resolve) => worker.once('exit', resolve));
      // More events while no worker runs.
      for (const directory of directories) published.get(directory.directoryId)!.push(...(await publishEvents({ prisma, queue }, directory, 3)).map((event) => event.id));
      worker = spawnWorker();
      await waitForLine(worker, /worker ready/);
    }

    const expectedTotal = total + KILLS * 3 * directories.length;
    await eventually(() => expect(new Set(receiver.received.map((event) => event.id)).size).toBe(expectedTotal), 120_000);
    for (const [directoryId, ids] of published) expect(receiver.firstArrivals().get(directoryId)).toEqual(ids);
    process.stdout.write(
      `worker kills: ${KILLS} SIGKILLs, ${expectedTotal} events, all delivered, 0 lost, ${receiver.received.length - expectedTotal} redelivered, order kept in ${directories.length} directories\n`,
    );
  });
});
