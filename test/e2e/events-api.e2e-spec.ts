import { type RunningApp, startApp, useTestContext } from '@roster/testing';
import { Client } from 'pg';
import { createDeliveryApp } from '../../apps/delivery/src/delivery-app';
import { EventLogListener } from '../../apps/delivery/src/events/event-log-listener';
import { API_KEY, appendEvents, listEvents, until } from './events-support';

describe('Events API: GET /v1/events', () => {
  const context = useTestContext();
  let api: RunningApp;
  let db: Client;

  beforeAll(async () => {
    api = await startApp(createDeliveryApp, context.config({ ROSTER_BOOTSTRAP_API_KEY: API_KEY }));
    context.onTeardown(() => api.close());
    db = new Client({ connectionString: context.databaseUrl });
    await db.connect();
    context.onTeardown(() => db.end());
  });

  // Each test starts at the tail, so earlier tests' events do not leak in. Reads
  // that expect fresh events long-poll: a commit becomes readable once every
  // older transaction of the database has ended (the relay's, the workers'), a
  // few milliseconds later.
  async function tail(): Promise<string> {
    const { status, body } = await listEvents(api, { after: 'now' });
    expect(status).toBe(200);
    expect(body.data).toEqual([]);
    return body.list_metadata.after;
  }

  it('answers 401 without a valid API key', async () => {
    expect((await api.request('GET', '/v1/events')).status).toBe(401);
    const wrong = await api.request('GET', '/v1/events', { token: 'not-a-key-at-all-000000' });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.code).toBe('unauthorized');
  });

  it.each([
    [{ limit: 0 }, 'limit'],
    [{ limit: 1001 }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ wait: 31 }, 'wait'],
    [{ wait: -1 }, 'wait'],
    [{ types: 'dsync.user.created,dsync.nope' }, 'types'],
    [{ after: 'not-a-cursor' }, 'after'],
    [{ range_start: 'yesterday' }, 'range_start'],
    [{ order: 'desc' }, null],
  ])('answers 400 for %j', async (query, field) => {
    const { status, body } = await listEvents(api, query);
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_request');
    if (field) expect(body.error.details.some((detail: { field: string }) => detail.field.startsWith(field))).toBe(true);
  });

  it('answers 400 for after together with range_start', async () => {
    const { status } = await listEvents(api, { after: 'now', range_start: new Date().toISOString() });
    expect(status).toBe(400);
  });

  it('returns events in order with the CONTRACT shape, a page at a time', async () => {
    const after = await tail();
    const data = { id: 'directory_user_1', emails: [{ value: 'a@acme.com' }] };
    await appendEvents(api.app, [
      { directoryId: 'directory_a', tenantId: 'tenant_a', data },
      { directoryId: 'directory_a', tenantId: 'tenant_a', type: 'dsync.user.updated', data: { n: 2 } },
      { directoryId: 'directory_a', tenantId: 'tenant_a', type: 'dsync.user.deleted', data: { n: 3 } },
    ]);
    const first = await listEvents(api, { after, limit: 2, wait: 5 });
    expect(first.status).toBe(200);
    expect(first.body.object).toBe('list');
    expect(first.body.data).toHaveLength(2);
    const [event] = first.body.data;
    expect(event).toEqual({
      object: 'event',
      id: expect.stringMatching(/^event_/),
      type: 'dsync.user.created',
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      tenant_id: 'tenant_a',
      directory_id: 'directory_a',
      data,
    });
    const second = await listEvents(api, { after: first.body.list_metadata.after, limit: 2, wait: 5 });
    expect(second.body.data.map((e: { type: string }) => e.type)).toEqual(['dsync.user.deleted']);
    const third = await listEvents(api, { after: second.body.list_metadata.after });
    expect(third.body.data).toEqual([]);
    expect(typeof third.body.list_metadata.after).toBe('string');
  });

  it('starts at the oldest event without after, and at the tail with after=now', async () => {
    const oldest = await listEvents(api, { limit: 1, wait: 5 });
    const { rows } = await db.query('SELECT id FROM events ORDER BY tx_id, seq LIMIT 1');
    expect(oldest.body.data[0].id).toBe(rows[0].id);

    const after = await tail();
    await appendEvents(api.app, [{ directoryId: 'directory_now' }]);
    const { body } = await listEvents(api, { after, wait: 5 });
    expect(body.data.map((e: { directory_id: string }) => e.directory_id)).toEqual(['directory_now']);
  });

  it('filters by types, tenant_id and directory_id', async () => {
    const after = await tail();
    await appendEvents(api.app, [
      { directoryId: 'directory_f1', tenantId: 'tenant_f1', type: 'dsync.user.created' },
      { directoryId: 'directory_f1', tenantId: 'tenant_f1', type: 'dsync.group.created' },
    ]);
    await appendEvents(api.app, [{ directoryId: 'directory_f2', tenantId: 'tenant_f2', type: 'dsync.group.user_added' }]);
    const pick = async (query: Record<string, string>) =>
      (await listEvents(api, { after, wait: 5, ...query })).body.data.map((e: { type: string; directory_id: string }) => `${e.directory_id} ${e.type}`);

    expect(await pick({ types: 'dsync.group.created,dsync.group.user_added' })).toEqual([
      'directory_f1 dsync.group.created',
      'directory_f2 dsync.group.user_added',
    ]);
    expect(await pick({ tenant_id: 'tenant_f2' })).toEqual(['directory_f2 dsync.group.user_added']);
    expect(await pick({ directory_id: 'directory_f1', types: 'dsync.user.created' })).toEqual(['directory_f1 dsync.user.created']);
    const repeated = await api.request('GET', `/v1/events?after=${after}&types=dsync.user.created&types=dsync.group.user_added&wait=5`, {
      token: API_KEY,
    });
    expect((await repeated.json()).data).toHaveLength(2);
  });

  it('starts at range_start: the first event created at or after it, then log order', async () => {
    await appendEvents(api.app, [{ directoryId: 'directory_before' }]);
    await db.query(`UPDATE events SET created_at = now() - interval '1 hour'`);
    const start = new Date(Date.now() - 60_000).toISOString();
    await appendEvents(api.app, [{ directoryId: 'directory_range' }]);
    const { status, body } = await listEvents(api, { range_start: start, wait: 5 });
    expect(status).toBe(200);
    expect(body.data.map((e: { directory_id: string }) => e.directory_id)).toEqual(['directory_range']);
    const later = await listEvents(api, { range_start: new Date(Date.now() + 60_000).toISOString() });
    expect(later.body.data).toEqual([]);
  });

  it('is described in the OpenAPI document', async () => {
    const document = await (await api.request('GET', '/docs-json')).json();
    const operation = document.paths['/v1/events'].get;
    expect(operation.parameters.map((parameter: { name: string }) => parameter.name).sort()).toEqual(
      ['after', 'directory_id', 'limit', 'range_start', 'tenant_id', 'types', 'wait'].sort(),
    );
  });

  describe('long-poll', () => {
    const listener = () => api.app.get(EventLogListener);

    it('returns with the first matching event to commit', async () => {
      const after = await tail();
      const waitingBefore = listener().waiting;
      const poll = listEvents(api, { after, wait: 30, directory_id: 'directory_wanted' });
      await until(() => listener().waiting > waitingBefore);
      await appendEvents(api.app, [{ directoryId: 'directory_other' }]);
      await appendEvents(api.app, [{ directoryId: 'directory_wanted', data: { wanted: true } }]);
      const { status, body } = await poll;
      expect(status).toBe(200);
      expect(body.data).toHaveLength(1);
      expect(body.data[0]).toMatchObject({ directory_id: 'directory_wanted', data: { wanted: true } });
    });

    it('waits out an older transaction that holds an event back, then returns it', async () => {
      const after = await tail();
      // An older transaction with an id, still running: events committed after it stay behind it.
      const older = new Client({ connectionString: context.databaseUrl });
      await older.connect();
      context.onTeardown(() => older.end());
      await older.query('BEGIN');
      await older.query('SELECT pg_current_xact_id()');

      await appendEvents(api.app, [{ directoryId: 'directory_held' }]);
      expect((await listEvents(api, { after })).body.data).toEqual([]);
      const waitingBefore = listener().waiting;
      const poll = listEvents(api, { after, wait: 30 });
      await until(() => listener().waiting > waitingBefore);
      // Its commit appends nothing and notifies nobody: the poll must notice by itself.
      await older.query('COMMIT');
      const { body } = await poll;
      expect(body.data.map((e: { directory_id: string }) => e.directory_id)).toEqual(['directory_held']);
    });

    it('is not held back by a transaction in another database of the server', async () => {
      const after = await tail();
      const elsewhere = new Client({ connectionString: Object.assign(new URL(context.databaseUrl), { pathname: '/postgres' }).toString() });
      await elsewhere.connect();
      context.onTeardown(() => elsewhere.end());
      await elsewhere.query('BEGIN');
      await elsewhere.query('SELECT pg_current_xact_id()');
      try {
        await appendEvents(api.app, [{ directoryId: 'directory_free' }]);
        const { body } = await listEvents(api, { after, wait: 5 });
        expect(body.data.map((e: { directory_id: string }) => e.directory_id)).toEqual(['directory_free']);
      } finally {
        await elsewhere.query('COMMIT');
      }
    });

    it('listens again after its LISTEN connection is killed', async () => {
      const listening = async () =>
        (await db.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN roster_events'`)).rows.map(
          (row) => row.pid as number,
        );
      const [pid] = await listening();
      expect(pid).toBeDefined();
      await db.query('SELECT pg_terminate_backend($1)', [pid]);
      await until(async () => {
        const pids = await listening();
        return pids.length === 1 && pids[0] !== pid;
      });

      const after = await tail();
      const waitingBefore = listener().waiting;
      const poll = listEvents(api, { after, wait: 30 });
      await until(() => listener().waiting > waitingBefore);
      await appendEvents(api.app, [{ directoryId: 'directory_relisten' }]);
      const { body } = await poll;
      expect(body.data.map((e: { directory_id: string }) => e.directory_id)).toEqual(['directory_relisten']);
    });

    it('answers a pending long-poll when the app shuts down instead of holding the shutdown', async () => {
      const other = await startApp(createDeliveryApp, context.config({ ROSTER_BOOTSTRAP_API_KEY: API_KEY }));
      const otherListener = other.app.get(EventLogListener);
      const waitingBefore = otherListener.waiting;
      const poll = listEvents(other, { after: 'now', wait: 30 });
      await until(() => otherListener.waiting > waitingBefore);
      await other.close();
      const { status, body } = await poll;
      expect(status).toBe(200);
      expect(body.data).toEqual([]);
    });

    it('returns an empty page with a cursor when the wait ends', async () => {
      const after = await tail();
      const { status, body } = await listEvents(api, { after, wait: 0.2, directory_id: 'directory_silent' });
      expect(status).toBe(200);
      expect(body.data).toEqual([]);
      expect(typeof body.list_metadata.after).toBe('string');
    });
  });
});
