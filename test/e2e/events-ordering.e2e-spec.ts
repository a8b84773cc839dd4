import { EventLogRepository, PrismaService, type PrismaTransaction } from '@roster/data';
import { type RunningApp, startApp, useTestContext } from '@roster/testing';
import { createDeliveryApp } from '../../apps/delivery/src/delivery-app';
import { API_KEY, listEvents } from './events-support';

const WRITERS = 10;
const DIRECTORIES = ['directory_o1', 'directory_o2', 'directory_o3', 'directory_o4'];
const TRANSACTIONS_PER_WRITER = 20;
const PAGE_SIZE = 7;

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, Math.floor(Math.random() * 12)));

interface ReadEvent {
  id: string;
  directory_id: string;
  data: { n: number };
}

describe('event log order under concurrent writers', () => {
  const context = useTestContext();
  let api: RunningApp;

  beforeAll(async () => {
    api = await startApp(createDeliveryApp, context.config({ ROSTER_BOOTSTRAP_API_KEY: API_KEY, DATABASE_POOL_SIZE: '16' }));
    context.onTeardown(() => api.close());
  });

  // One writer: transactions on random directories, each numbering its events
  // 1, 2, 3... per directory under the directory lock (the apply order), with
  // pauses inside so that commits land out of seq order.
  async function writer(commits: bigint[]): Promise<void> {
    const prisma = api.app.get(PrismaService);
    for (let i = 0; i < TRANSACTIONS_PER_WRITER; i++) {
      const directoryId = DIRECTORIES[Math.floor(Math.random() * DIRECTORIES.length)]!;
      let lastSeq = 0n;
      await prisma.$transaction(
        async (tx) => {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${directoryId}, 0))`;
          const [{ count }] = await tx.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM events WHERE directory_id = ${directoryId}`;
          const size = 1 + Math.floor(Math.random() * 3);
          await pause();
          const events = Array.from({ length: size }, (_, k) => ({ directoryId, data: { n: Number(count) + k + 1 } }));
          await appendInTransaction(tx, events);
          const [{ seq }] = await tx.$queryRaw<{ seq: bigint }[]>`SELECT max(seq) AS seq FROM events WHERE tx_id = pg_current_xact_id()::text::bigint`;
          lastSeq = seq;
          await pause();
        },
        { timeout: 30_000, maxWait: 30_000 },
      );
      commits.push(lastSeq);
    }
  }

  function appendInTransaction(tx: PrismaTransaction, events: { directoryId: string; data: { n: number } }[]): Promise<void> {
    return api.app.get(EventLogRepository).append(
      tx,
      events.map((event) => ({ type: 'dsync.user.updated', tenantId: 'tenant_o', directoryId: event.directoryId, data: event.data })),
    );
  }

  it('gives a paging reader every event exactly once, and each directory in apply order', async () => {
    const { body: start } = await listEvents(api, { after: 'now' });
    let after: string = start.list_metadata.after;
    const read: ReadEvent[] = [];
    const commits: bigint[] = [];
    let writing = true;

    const writers = Promise.all(Array.from({ length: WRITERS }, () => writer(commits))).finally(() => {
      writing = false;
    });
    // Page in small pages while the writers run; once they are done, until
    // nothing more arrives within a 2 s long-poll.
    for (;;) {
      const done = !writing;
      const { status, body } = await listEvents(api, { after, limit: PAGE_SIZE, ...(done ? { wait: 2 } : {}) });
      expect(status).toBe(200);
      read.push(...body.data);
      after = body.list_metadata.after;
      if (done && body.data.length === 0) break;
    }
    await writers;

    const prisma = api.app.get(PrismaService);
    const stored = await prisma.event.findMany({ where: { directoryId: { in: DIRECTORIES } }, select: { id: true } });
    const ids = read.map((event) => event.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(stored.map((event) => event.id)));
    for (const directoryId of DIRECTORIES) {
      const numbers = read.filter((event) => event.directory_id === directoryId).map((event) => event.data.n);
      expect(numbers).toEqual(numbers.map((_, index) => index + 1));
    }
    // The hard case really happened: transactions committed out of seq order.
    const inversions = commits.filter((seq, index) => index > 0 && seq < commits[index - 1]!).length;
    expect(inversions).toBeGreaterThan(0);
  }, 60_000);
});
