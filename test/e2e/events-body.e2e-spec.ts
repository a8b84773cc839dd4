import { PrismaService } from '@roster/data';
import { toEventObject } from '@roster/events';
import { type RunningApp, startApp, useTestContext } from '@roster/testing';
import { Client } from 'pg';
import { createDeliveryApp } from '../../apps/delivery/src/delivery-app';
import { API_KEY } from './events-support';

// Stored as SQL writes them: Postgres's own jsonb spacing and number forms, awkward strings.
const EVENTS = [
  {
    type: 'dsync.user.created',
    data: `{"id": "directory_user_1", "emails": [{"value": "a@acme.com", "primary": true}], "groups": [], "custom_attributes": {}}`,
    previousAttributes: null,
    createdAt: '2026-11-22 10:11:12.345678+00',
  },
  {
    type: 'dsync.user.updated',
    data: `{"id": "directory_user_1", "name": "Zoë \\"Q\\" O'Brien, a: b", "path": "C:\\\\dir", "tab": "a\\tb\\u0001", "emoji": "🙂"}`,
    previousAttributes: `{"name": "Zoe", "nested": {"list": [1, 2.50, -3e2, null]}}`,
    createdAt: '2026-11-22 10:11:12.999999+00',
  },
  {
    type: 'dsync.group.updated',
    data: `{"id": "directory_group_1", "count": 1.0, "big": 12345678901234567890, "small": 0.0000001}`,
    previousAttributes: 'null',
    createdAt: '1999-01-02 03:04:05+00',
  },
  {
    type: 'dsync.user.deleted',
    data: `{"id": "directory_user_2"}`,
    previousAttributes: '{}',
    createdAt: '2026-11-22 23:59:59.0005+00',
  },
];

describe('Events API: the response body Postgres builds', () => {
  const context = useTestContext();
  let api: RunningApp;

  beforeAll(async () => {
    api = await startApp(createDeliveryApp, context.config({ ROSTER_BOOTSTRAP_API_KEY: API_KEY }));
    context.onTeardown(() => api.close());
    const db = new Client({ connectionString: context.databaseUrl });
    await db.connect();
    try {
      await db.query('BEGIN');
      for (const [index, event] of EVENTS.entries()) {
        await db.query(
          `INSERT INTO events (id, type, tenant_id, directory_id, data, previous_attributes, created_at)
           VALUES ($1, $2, 'tenant_body', 'directory_body', $3::jsonb, $4::jsonb, $5::timestamptz)`,
          [`event_body${index}`, event.type, event.data, event.previousAttributes, event.createdAt],
        );
      }
      await db.query('COMMIT');
    } finally {
      await db.end();
    }
  });

  it('is byte for byte the JSON of the event objects toEventObject builds from the Prisma rows', async () => {
    const response = await api.request('GET', '/v1/events?limit=1000&wait=5', { token: API_KEY });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const text = await response.text();
    const after = (JSON.parse(text) as { list_metadata: { after: string } }).list_metadata.after;

    const rows = await api.app.get(PrismaService).event.findMany({ orderBy: [{ txId: 'asc' }, { seq: 'asc' }] });
    const expected = JSON.stringify({
      object: 'list',
      data: rows.map(toEventObject),
      list_metadata: { before: null, after },
    });
    expect(text).toBe(expected);
  });

  it('shows previous_attributes only when the event has some, and created_at to the millisecond', async () => {
    const response = await api.request('GET', '/v1/events?limit=1000', { token: API_KEY });
    const body = (await response.json()) as {
      data: { id: string; created_at: string; previous_attributes?: unknown }[];
    };
    expect(body.data.map((event) => [event.id, event.created_at, event.previous_attributes])).toEqual([
      ['event_body0', '2026-11-22T10:11:12.345Z', undefined],
      ['event_body1', '2026-11-22T10:11:12.999Z', { name: 'Zoe', nested: { list: [1, 2.5, -300, null] } }],
      ['event_body2', '1999-01-02T03:04:05.000Z', undefined],
      ['event_body3', '2026-11-22T23:59:59.000Z', {}],
    ]);
    expect(
      body.data.every((event) => !('previous_attributes' in event) || event.previous_attributes !== undefined),
    ).toBe(true);
  });

  // Postgres sends a page's events in runs of rows; the runs must join into the same bytes.
  it('is the same JSON for pages of many events, read ahead or not, as for a few', async () => {
    const db = new Client({ connectionString: context.databaseUrl });
    await db.connect();
    try {
      await db.query(
        `INSERT INTO events (id, type, tenant_id, directory_id, data, previous_attributes, created_at)
         SELECT 'event_many' || lpad(n::text, 4, '0'), e.type, 'tenant_body', 'directory_body', e.data::jsonb, e.previous::jsonb,
                e.created_at::timestamptz
           FROM generate_series(0, 199) AS n
           JOIN unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS e(type, data, previous, created_at, k)
             ON e.k = n % 4 + 1
          ORDER BY n`,
        [
          EVENTS.map((e) => e.type),
          EVENTS.map((e) => e.data),
          EVENTS.map((e) => e.previousAttributes),
          EVENTS.map((e) => e.createdAt),
        ],
      );
    } finally {
      await db.end();
    }
    // Pages of 100: the second is the one read ahead while the first was sent, the third is short.
    const rows = await api.app.get(PrismaService).event.findMany({ orderBy: [{ txId: 'asc' }, { seq: 'asc' }] });
    let cursor = '';
    for (let first = 0; first < rows.length; first += 100) {
      const response = await api.request('GET', `/v1/events?limit=100${cursor ? `&after=${cursor}` : ''}`, {
        token: API_KEY,
      });
      const text = await response.text();
      cursor = (JSON.parse(text) as { list_metadata: { after: string } }).list_metadata.after;
      const data = rows.slice(first, first + 100).map(toEventObject);
      expect(text).toBe(JSON.stringify({ object: 'list', data, list_metadata: { before: null, after: cursor } }));
    }
  });
});
