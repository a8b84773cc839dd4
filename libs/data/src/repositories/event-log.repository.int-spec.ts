import { useTestContext } from '@roster/testing';
import { PrismaService, type PrismaTransaction } from '../prisma.service';
import { EventLogRepository, EventOrderError } from './event-log.repository';

describe('EventLogRepository.append', () => {
  const context = useTestContext();
  const eventLog = new EventLogRepository();
  let prisma: PrismaService;

  beforeAll(() => {
    prisma = new PrismaService(context.config());
    context.onTeardown(() => prisma.$disconnect());
  });

  const lock = (tx: PrismaTransaction, directoryId: string) =>
    tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${directoryId}, 0))`;
  const event = (directoryId: string, n: number) => ({
    type: 'dsync.user.created' as const,
    tenantId: 'tenant_1',
    directoryId,
    data: { n },
  });

  it('stamps events with their transaction, in append order', async () => {
    await prisma.$transaction(async (tx) => {
      await lock(tx, 'directory_a');
      await eventLog.append(tx, [event('directory_a', 1), event('directory_a', 2)]);
    });
    const rows = await prisma.$queryRaw<{ n: number; same_tx: boolean }[]>`
      SELECT (data->>'n')::int AS n, tx_id = min(tx_id) OVER () AS same_tx FROM events WHERE directory_id = 'directory_a' ORDER BY tx_id, seq`;
    expect(rows).toEqual([
      { n: 1, same_tx: true },
      { n: 2, same_tx: true },
    ]);
  });

  it('appends the same way on a plain pg transaction, previous attributes included', async () => {
    await prisma.sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', ['directory_c']);
      await eventLog.append(tx, [
        event('directory_c', 1),
        { ...event('directory_c', 2), type: 'dsync.user.updated', previousAttributes: { n: 1 } },
      ]);
    });
    const stored = await prisma.event.findMany({ where: { directoryId: 'directory_c' }, orderBy: { seq: 'asc' } });
    expect(stored.map((row) => [row.type, row.data, row.previousAttributes])).toEqual([
      ['dsync.user.created', { n: 1 }, null],
      ['dsync.user.updated', { n: 2 }, { n: 1 }],
    ]);
  });

  it('refuses a transaction that wrote before taking the directory lock, when a younger one appended meanwhile', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const hasId = new Promise<void>((resolve) => (started = resolve));
    const early = prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT pg_current_xact_id()::text`; // a write would assign it the same way
        started();
        await gate;
        await lock(tx, 'directory_b');
        await eventLog.append(tx, [event('directory_b', 2)]);
      },
      { timeout: 20_000 },
    );
    await hasId;
    await prisma.$transaction(async (tx) => {
      await lock(tx, 'directory_b');
      await eventLog.append(tx, [event('directory_b', 1)]);
    });
    release();
    await expect(early).rejects.toBeInstanceOf(EventOrderError);
    const stored = await prisma.event.findMany({ where: { directoryId: 'directory_b' } });
    expect(stored.map((row) => (row.data as { n: number }).n)).toEqual([1]);
  });
});
