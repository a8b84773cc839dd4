import { type RunningApp, startApp, useTestContext } from '@roster/testing';
import { Client } from 'pg';
import { createAdminApp } from '../../apps/admin/src/admin-app';
import { createDeliveryApp } from '../../apps/delivery/src/delivery-app';
import { GoogleSyncService } from '../../apps/delivery/src/google-sync/google-sync.service';
import { FakeGoogleApi, googleGroup, googleMember, googleUser } from '../fixtures/google/fake-google-api';

const KEY = 'google-scale-test-bootstrap-key-0123';
const USERS = 2_000;

// Timing belongs in bench/ (the 20,000-user target); this checks a multi-batch sync and a silent re-sync.
describe('Google Workspace sync of a 2,000-user directory (several batches)', () => {
  const context = useTestContext();
  let admin: RunningApp;
  let delivery: RunningApp;
  let google: FakeGoogleApi;
  let db: Client;

  beforeAll(async () => {
    google = await new FakeGoogleApi().start();
    context.onTeardown(() => google.close());
    const config = context.config({ ROSTER_BOOTSTRAP_API_KEY: KEY, ROSTER_GOOGLE_API_URL: google.url, ROSTER_GOOGLE_SYNC_INTERVAL: '1h' });
    admin = await startApp(createAdminApp, config);
    context.onTeardown(() => admin.close());
    delivery = await startApp(createDeliveryApp, config);
    context.onTeardown(() => delivery.close());
    db = new Client({ connectionString: context.databaseUrl });
    await db.connect();
    context.onTeardown(() => db.end());
  });

  it('creates every user and membership, then an unchanged re-sync emits no event', async () => {
    google.users = Array.from({ length: USERS }, (_, i) => googleUser(i + 1));
    google.groups = [googleGroup(1), googleGroup(2)];
    google.members = new Map([
      [google.groups[0]!.id, google.users.slice(0, 500).map(googleMember)],
      [google.groups[1]!.id, google.users.filter((_, i) => i % 10 === 0).map(googleMember)],
    ]);
    const tenant = await (await admin.request('POST', '/v1/tenants', { token: KEY, body: { name: 'Big' } })).json();
    const { directory } = await (
      await admin.request('POST', `/v1/tenants/${tenant.id}/directories`, { token: KEY, body: { name: 'G', provider: 'google_workspace' } })
    ).json();
    await admin.request('PATCH', `/v1/directories/${directory.id}`, { token: KEY, body: { provider_config: google.providerConfig() } });
    const syncs = delivery.app.get(GoogleSyncService);

    expect(await syncs.sync(directory.id)).toBe('succeeded');
    const count = async (sql: string) => (await db.query(sql, [directory.id])).rows[0].n;
    expect(await count("SELECT count(*)::int AS n FROM events WHERE directory_id = $1 AND type = 'dsync.user.created'")).toBe(USERS);
    expect(await count("SELECT count(*)::int AS n FROM events WHERE directory_id = $1 AND type = 'dsync.group.user_added'")).toBe(700);

    const before = await count('SELECT count(*)::int AS n FROM events WHERE directory_id = $1');
    expect(await syncs.sync(directory.id)).toBe('succeeded');
    expect(await count('SELECT count(*)::int AS n FROM events WHERE directory_id = $1')).toBe(before);
  }, 180_000);
});
