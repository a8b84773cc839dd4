import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { PrismaService } from '@roster/data';
import { type RunningService, startRedisServer } from '@roster/local-stack';
import { type RunningApp, startApp, useTestContext } from '@roster/testing';
import { Queue } from 'bullmq';
import { EVENT_FANOUT_QUEUE, type EventFanoutJob } from '../../apps/delivery/src/queues/event-fanout.queue';
import { createWebhookApp, publishEvents } from './webhooks-support/delivery-harness';
import { eventually, ok, WebhookReceiver } from './webhooks-support/receiver';

jest.setTimeout(60_000);

const BOOTSTRAP_KEY = 'test-bootstrap-key-0123456789';
// One key for every process of this file: the worker that signs must open what the API sealed.
const ENCRYPTION_KEY = randomBytes(32).toString('hex');

/** The first time each event arrived, per directory: what ordering is about (repeats are at-least-once). */
function firstArrivals(receiver: WebhookReceiver): Map<string, string[]> {
  const seen = new Set<string>();
  const byDirectory = new Map<string, string[]>();
  for (const { event } of receiver.received) {
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    byDirectory.set(event.directory_id, [...(byDirectory.get(event.directory_id) ?? []), event.id]);
  }
  return byDirectory;
}

describe('webhook delivery survives Redis restarts and killed workers', () => {
  const context = useTestContext();
  let redis: RunningService;
  let port: number;

  beforeAll(async () => {
    // A Redis of this file's own, without persistence: stopping it loses every job.
    redis = await startRedisServer({});
    port = Number(new URL(redis.url).port);
    context.onTeardown(() => redis.stop());
  });

  async function startWorkers(): Promise<RunningApp> {
    const config = context.config({ REDIS_URL: redis.url, ROSTER_ENCRYPTION_KEY: ENCRYPTION_KEY, ROSTER_BOOTSTRAP_API_KEY: BOOTSTRAP_KEY, ROSTER_WEBHOOK_RETRY_SCHEDULE: '200ms,500ms,1s' });
    const app = await startApp(createWebhookApp({ timeoutMs: 1000, sweepIntervalMs: 300 }), config);
    running.push(app);
    return app;
  }

  // Each test's workers stop with it: a leftover one would compete for the next test's lanes.
  const running: RunningApp[] = [];
  afterEach(async () => {
    for (const app of running.splice(0)) await app.close();
  });

  async function endpointFor(app: RunningApp, receiver: WebhookReceiver): Promise<string> {
    const url = await receiver.start();
    context.onTeardown(() => receiver.stop());
    const response = await app.request('POST', '/v1/webhook-endpoints', { token: BOOTSTRAP_KEY, body: { url } });
    expect(response.status).toBe(201);
    return (await response.json()).id;
  }

  it('loses nothing and keeps each directory in order when Redis restarts mid-stream', async () => {
    const app = await startWorkers();
    // A slow receiver, so jobs are still queued in Redis when it goes.
    const receiver = new WebhookReceiver((_received, _n, response) => setTimeout(() => response.writeHead(200).end(), 20));
    await endpointFor(app, receiver);
    const a = { tenantId: 'tenant_r', directoryId: 'directory_redis_a' };
    const b = { tenantId: 'tenant_r', directoryId: 'directory_redis_b' };
    const published = [...(await publishEvents(app.app, a, 20)), ...(await publishEvents(app.app, b, 20))];
    await eventually(() => expect(receiver.received.length).toBeGreaterThan(0));

    await redis.stop();
    // Events committed while Redis is away: their fan-out jobs never existed.
    const whileDown = (await publishEvents({ prisma: app.app.get(PrismaService), queue: null }, a, 5)).map((event) => event.id);
    redis = await startRedisServer({ preferredPort: port });
    expect(redis.url).toBe(`redis://127.0.0.1:${port}`);

    const expected = [...published.map((event) => event.id), ...whileDown];
    await eventually(() => expect(new Set(receiver.eventIds())).toEqual(new Set(expected)), 30_000);
    const arrivals = firstArrivals(receiver);
    expect(arrivals.get(a.directoryId)).toEqual([...published.slice(0, 20).map((event) => event.id), ...whileDown]);
    expect(arrivals.get(b.directoryId)).toEqual(published.slice(20).map((event) => event.id));
  });

  it('delivers everything after a worker is killed mid-delivery', async () => {
    let hang = true;
    const receiver = new WebhookReceiver((received, n, response) => {
      if (hang && n === 1) return; // the worker is killed while waiting for this answer
      ok(received, n, response);
    });
    const api = await startWorkers();
    await endpointFor(api, receiver);
    await running.pop()!.close();
    expect(running).toHaveLength(0);

    const worker = spawnWorker();
    context.onTeardown(() => worker.kill('SIGKILL'));
    await waitForOutput(worker, 'worker ready');
    const config = context.config({ REDIS_URL: redis.url });
    const prisma = new PrismaService(config);
    const queue = new Queue<EventFanoutJob>(EVENT_FANOUT_QUEUE, { connection: { url: redis.url }, prefix: `${config.redisPrefix}:bull` });
    context.onTeardown(() => Promise.all([prisma.$disconnect(), queue.close()]));
    const directory = { tenantId: 'tenant_k', directoryId: 'directory_killed' };
    const published = (await publishEvents({ prisma, queue }, directory, 4)).map((event) => event.id);
    await eventually(() => expect(receiver.received).toHaveLength(1));
    worker.kill('SIGKILL');
    await new Promise((resolve) => worker.once('exit', resolve));
    hang = false;

    // A new worker takes over once the dead one's lease runs out.
    await startWorkers();
    await eventually(() => expect(new Set(receiver.eventIds())).toEqual(new Set(published)), 30_000);
    expect(firstArrivals(receiver).get(directory.directoryId)).toEqual(published);
    expect(receiver.eventIds().slice(0, 2)).toEqual([published[0], published[0]]); // the interrupted one, sent again first
  });

  function spawnWorker(): ChildProcess {
    const env = { ...process.env, ...context.env({ REDIS_URL: redis.url, ROSTER_ENCRYPTION_KEY: ENCRYPTION_KEY, ROSTER_WEBHOOK_RETRY_SCHEDULE: '200ms,500ms,1s' }) };
    const args = ['-r', join(__dirname, 'webhooks-support/ts-node-hook.js'), join(__dirname, 'webhooks-support/webhook-worker.process.ts')];
    return spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  }
});

function waitForOutput(child: ChildProcess, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(text)) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`worker exited (${code}) before "${text}":\n${output}`)));
  });
}
