import { useTestContext } from '@roster/testing';
import { PrismaService } from '../prisma.service';
import { WebhookFanoutRepository } from './webhook-fanout.repository';

describe('WebhookFanoutRepository.fanOut', () => {
  const context = useTestContext();
  let prisma: PrismaService;
  let fanout: WebhookFanoutRepository;

  beforeAll(async () => {
    prisma = new PrismaService(context.config());
    context.onTeardown(() => prisma.$disconnect());
    fanout = new WebhookFanoutRepository(prisma);
    // Created a minute ago: every event below is newer than both endpoints.
    await prisma.sql.query(
      `INSERT INTO webhook_endpoints (id, url, event_types, tenant_id, secret_encrypted, created_at) VALUES
         ('endpoint_all', 'https://a.example/hook', '{}', NULL, 'x', now() - interval '1 minute'),
         ('endpoint_groups', 'https://b.example/hook', '{dsync.group.created}', 'tenant_f', 'x', now() - interval '1 minute')`,
    );
  });

  async function appendEvents(directoryId: string, types: string[]): Promise<bigint[]> {
    const rows = await prisma.sql.query<{ seq: string }>(
      `INSERT INTO events (id, type, tenant_id, directory_id, data)
       SELECT 'event_' || $1 || '_' || n, t, 'tenant_f', $1, '{}'::jsonb FROM unnest($2::text[]) WITH ORDINALITY AS u(t, n)
       ORDER BY n RETURNING seq::text`,
      [directoryId, types],
    );
    return rows.map((row) => BigInt(row.seq));
  }

  const deliveries = (directoryId: string) =>
    prisma.sql.query<{ endpoint_id: string; event_id: string }>(
      'SELECT endpoint_id, event_id FROM webhook_deliveries WHERE directory_id = $1 ORDER BY endpoint_id, event_seq',
      [directoryId],
    );

  it('creates one delivery per matching endpoint and event, and names the lanes that got some', async () => {
    const seqs = await appendEvents('directory_f1', ['dsync.user.created', 'dsync.group.created']);
    const result = await fanout.fanOut('directory_f1', seqs.at(-1)!);
    expect(result.fannedOutTo).toBe(seqs.at(-1));
    expect(result.lanes.map((lane) => lane.endpointId).sort()).toEqual(['endpoint_all', 'endpoint_groups']);
    expect(await deliveries('directory_f1')).toEqual([
      { endpoint_id: 'endpoint_all', event_id: 'event_directory_f1_1' },
      { endpoint_id: 'endpoint_all', event_id: 'event_directory_f1_2' },
      { endpoint_id: 'endpoint_groups', event_id: 'event_directory_f1_2' },
    ]);
    expect((await fanout.fanOut('directory_f1', seqs.at(-1)!)).lanes).toEqual([]);
  });

  it('creates each delivery once when fan-outs of one directory race, every batch after the last', async () => {
    const types = Array.from({ length: 1200 }, () => 'dsync.user.created');
    const seqs = await appendEvents('directory_f2', types);
    const racing = [seqs[10]!, seqs[600]!, seqs.at(-1)!, seqs.at(-1)!, seqs[1100]!];
    const results = await Promise.all(racing.map((upto) => fanout.fanOut('directory_f2', upto)));
    results.forEach((result, index) => expect(result.fannedOutTo >= racing[index]!).toBe(true));
    const rows = await prisma.sql.query<{ count: number; distinct_events: number; in_order: boolean }>(
      `SELECT count(*)::int AS count, count(DISTINCT event_id)::int AS distinct_events,
              bool_and(created_order = seq_order) AS in_order
         FROM (SELECT event_id, row_number() OVER (ORDER BY created_at, event_seq) AS created_order,
                      row_number() OVER (ORDER BY event_seq) AS seq_order
                 FROM webhook_deliveries WHERE directory_id = 'directory_f2') d`,
    );
    expect(rows[0]).toEqual({ count: 1200, distinct_events: 1200, in_order: true });
  });

  it('moves the cursor past the events of a directory nobody subscribes to without creating deliveries', async () => {
    await prisma.sql.query("UPDATE webhook_endpoints SET state = 'disabled'");
    const seqs = await appendEvents('directory_f3', ['dsync.user.created', 'dsync.user.updated']);
    const result = await fanout.fanOut('directory_f3', seqs[0]!);
    expect(result).toEqual({ lanes: [], fannedOutTo: seqs[1] });
    expect(await deliveries('directory_f3')).toEqual([]);
    await prisma.sql.query("UPDATE webhook_endpoints SET state = 'enabled'");
  });
});
