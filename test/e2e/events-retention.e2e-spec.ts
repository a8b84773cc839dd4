import { type RunningApp, startApp, useTestContext } from '@roster/testing';
import { Client } from 'pg';
import { createDeliveryApp } from '../../apps/delivery/src/delivery-app';
import { encodeCursor } from '../../apps/delivery/src/events/event-cursor';
import { EventRetentionService } from '../../apps/delivery/src/retention/event-retention.service';
import { API_KEY, appendEvents, listEvents } from './events-support';

describe('event retention', () => {
  const context = useTestContext();
  let api: RunningApp;
  let db: Client;

  beforeAll(async () => {
    api = await startApp(createDeliveryApp, context.config({ ROSTER_BOOTSTRAP_API_KEY: API_KEY, ROSTER_EVENT_RETENTION_DAYS: '30' }));
    context.onTeardown(() => api.close());
    db = new Client({ connectionString: context.databaseUrl });
    await db.connect();
    context.onTeardown(() => db.end());
  });

  const position = (row: { tx_id: string; seq: string }) => encodeCursor({ txId: BigInt(row.tx_id), seq: BigInt(row.seq) });

  it('prunes events past retention in batches, and cursors into the pruned range answer 410', async () => {
    // 2,500 old events (more than two batches) written in one go, then 3 recent ones.
    await db.query(`
      INSERT INTO events (id, type, tenant_id, directory_id, data, created_at)
      SELECT 'event_old_' || n, 'dsync.user.created', 'tenant_p', 'directory_p', '{}', now() - interval '40 days'
      FROM generate_series(1, 2500) AS n`);
    await appendEvents(api.app, [{ directoryId: 'directory_p' }, { directoryId: 'directory_p' }, { directoryId: 'directory_p' }]);
    const { rows } = await db.query(`SELECT id, tx_id::text, seq::text FROM events ORDER BY events.tx_id, events.seq`);
    const firstKept = rows.length - 3;

    const pruned = await api.app.get(EventRetentionService).prune();
    expect(pruned).toBe(2500);
    const left = await db.query(`SELECT id FROM events ORDER BY tx_id, seq`);
    expect(left.rows.map((row) => row.id)).toEqual(rows.slice(firstKept).map((row) => row.id));
    const horizon = await db.query(`SELECT tx_id::text, seq::text FROM event_log_horizon`);
    expect(horizon.rows).toEqual([{ tx_id: rows[firstKept - 1].tx_id, seq: rows[firstKept - 1].seq }]);

    // A cursor in the middle of what was pruned would skip events: 410.
    const expired = await listEvents(api, { after: position(rows[100]) });
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe('cursor_expired');
    // A cursor at the last pruned event missed nothing.
    const current = await listEvents(api, { after: position(rows[firstKept - 1]), wait: 5 });
    expect(current.status).toBe(200);
    expect(current.body.data.map((event: { id: string }) => event.id)).toEqual(rows.slice(firstKept).map((row) => row.id));
    // Without a cursor, reading starts at the oldest event kept.
    const fresh = await listEvents(api, { limit: 1, wait: 5 });
    expect(fresh.body.data[0].id).toBe(rows[firstKept].id);

    expect(await api.app.get(EventRetentionService).prune()).toBe(0);
  });
});
