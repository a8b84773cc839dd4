import { Test } from '@nestjs/testing';
import type { AppConfig } from '@roster/config';
import { PrismaService } from '@roster/data';
import { type RunningApp, startApp, useTestContext } from '@roster/testing';
import { type Job, Queue } from 'bullmq';
import { createDeliveryApp } from '../../apps/delivery/src/delivery-app';
import { DeliveryModule } from '../../apps/delivery/src/delivery.module';
import { OutboxRelay } from '../../apps/delivery/src/outbox/outbox-relay.service';
import { EVENT_FANOUT_QUEUE, type EventFanoutJob } from '../../apps/delivery/src/queues/event-fanout.queue';
import { appendEvents, until } from './events-support';

const JOB_STATES = ['wait', 'active', 'completed', 'failed', 'delayed', 'prioritized', 'waiting-children'] as const;

// A relay that dies after enqueueing a batch and before marking it dispatched.
class CrashingRelay extends OutboxRelay {
  static crashes = 0;

  protected override markDispatched(): Promise<void> {
    CrashingRelay.crashes += 1;
    return Promise.reject(new Error('relay killed between enqueue and marking dispatched'));
  }
}

describe('outbox relay: Postgres to the fan-out queue', () => {
  const context = useTestContext();
  let config: AppConfig;
  let queue: Queue<EventFanoutJob>;
  let writer: RunningApp;

  beforeAll(async () => {
    config = context.config();
    queue = new Queue(EVENT_FANOUT_QUEUE, {
      connection: { url: context.redisUrl },
      prefix: `${context.redisPrefix}:bull`,
    });
    context.onTeardown(async () => {
      await queue.obliterate({ force: true });
      await queue.close();
    });
    // Appends through a delivery app's services; its own relay runs only while a test wants it.
    writer = await startApp(createDeliveryApp, config);
    await writer.app.get(OutboxRelay).onModuleDestroy();
    context.onTeardown(() => writer.close());
  });

  const prisma = () => writer.app.get(PrismaService);

  async function jobsById(): Promise<Map<string, Job<EventFanoutJob>[]>> {
    const jobs = await queue.getJobs([...JOB_STATES], 0, -1);
    const byId = new Map<string, Job<EventFanoutJob>[]>();
    for (const job of jobs) byId.set(job.id!, [...(byId.get(job.id!) ?? []), job]);
    return byId;
  }

  async function jobsFor(directoryIds: string[]): Promise<Job<EventFanoutJob>[]> {
    return [...(await jobsById()).values()].flat().filter((job) => directoryIds.includes(job.data.directoryId));
  }

  async function undispatched(directoryIds: string[]): Promise<number> {
    return prisma().event.count({ where: { directoryId: { in: directoryIds }, dispatchedAt: null } });
  }

  async function appendMany(directoryIds: string[], perDirectory: number): Promise<void> {
    await Promise.all(
      directoryIds.map(async (directoryId) => {
        for (let i = 0; i < perDirectory; i++) await appendEvents(writer.app, [{ directoryId, data: { n: i + 1 } }]);
      }),
    );
  }

  /**
   * Checks that the jobs of these directories cover every event: each job is
   * named after one of its directory's events (job id = that event's id), and
   * each directory's newest event has a job, which brings its fan-out up to it.
   */
  async function expectJobsCoverEvents(directoryIds: string[]): Promise<Job<EventFanoutJob>[]> {
    const events = await prisma().event.findMany({
      where: { directoryId: { in: directoryIds } },
      orderBy: { seq: 'asc' },
    });
    const byId = new Map(events.map((event) => [event.id, event]));
    const jobs = await jobsFor(directoryIds);
    for (const job of jobs) {
      const event = byId.get(job.data.eventId);
      expect(job.id).toBe(job.data.eventId);
      expect(job.data).toEqual({ eventId: event!.id, seq: event!.seq.toString(), directoryId: event!.directoryId });
    }
    for (const directoryId of directoryIds) {
      const newest = events.filter((event) => event.directoryId === directoryId).at(-1)!;
      expect(jobs.some((job) => job.id === newest.id)).toBe(true);
    }
    return jobs;
  }

  it('enqueues a job per directory per batch covering every committed event, with two replicas relaying', async () => {
    const directories = ['directory_r1', 'directory_r2', 'directory_r3'];
    const replicas = [await startApp(createDeliveryApp, config), await startApp(createDeliveryApp, config)];
    try {
      await appendMany(directories, 40);
      await until(async () => (await undispatched(directories)) === 0);
      // Between them the replicas relayed each event once, and report no lag.
      const scrapes = await Promise.all(
        replicas.map(async (replica) => (await replica.request('GET', '/metrics')).text()),
      );
      const relayed = scrapes.map((text) =>
        Number(/^roster_outbox_relayed_events_total\{[^}]*\} (\d+)$/m.exec(text)?.[1]),
      );
      expect(relayed[0]! + relayed[1]!).toBe(120);
      for (const text of scrapes) expect(text).toMatch(/^roster_outbox_lag_seconds\{[^}]*\} 0$/m);
    } finally {
      for (const replica of replicas) await replica.close();
    }
    const jobs = await expectJobsCoverEvents(directories);
    for (const copies of (await jobsById()).values()) expect(copies).toHaveLength(1);
    expect(jobs.length).toBeLessThanOrEqual(120);
  }, 60_000);

  it('after a relay dies between enqueue and marking, a restarted one loses nothing and duplicates no job', async () => {
    const directories = ['directory_c1', 'directory_c2'];
    const crashing = await Test.createTestingModule({ imports: [DeliveryModule.forRoot(config)] })
      .overrideProvider(OutboxRelay)
      .useClass(CrashingRelay)
      .compile();
    await crashing.init();
    try {
      await appendMany(directories, 15);
      // The dying relay enqueued jobs for everything, perhaps several times over, and marked nothing.
      await until(async () => {
        const events = await prisma().event.findMany({
          where: { directoryId: { in: directories } },
          orderBy: { seq: 'asc' },
        });
        const jobIds = new Set((await jobsFor(directories)).map((job) => job.id));
        return (
          CrashingRelay.crashes > 0 &&
          events.length === 30 &&
          directories.every((id) => jobIds.has(events.filter((e) => e.directoryId === id).at(-1)!.id))
        );
      });
    } finally {
      await crashing.close();
    }
    expect(await undispatched(directories)).toBe(30);

    const restarted = await startApp(createDeliveryApp, config);
    try {
      await until(async () => (await undispatched(directories)) === 0);
    } finally {
      await restarted.close();
    }
    await expectJobsCoverEvents(directories);
    for (const copies of (await jobsById()).values()) expect(copies).toHaveLength(1);
  }, 60_000);
});
