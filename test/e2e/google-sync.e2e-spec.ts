import { type RunningApp, startApp, useTestContext } from '@roster/testing';
import { Client } from 'pg';
import { createAdminApp } from '../../apps/admin/src/admin-app';
import { createDeliveryApp } from '../../apps/delivery/src/delivery-app';
import { GoogleSyncService } from '../../apps/delivery/src/google-sync/google-sync.service';
import { FakeGoogleApi, googleGroup, googleMember, googleUser } from '../fixtures/google/fake-google-api';

const KEY = 'google-sync-test-bootstrap-key-0123';

type Event = { type: string; data: any; previous_attributes: any };

describe('Google Workspace sync against a fake Directory API', () => {
  const context = useTestContext();
  let admin: RunningApp;
  let delivery: RunningApp;
  let google: FakeGoogleApi;
  let db: Client;

  beforeAll(async () => {
    google = await new FakeGoogleApi().start();
    context.onTeardown(() => google.close());
    const config = context.config({
      ROSTER_BOOTSTRAP_API_KEY: KEY,
      ROSTER_GOOGLE_API_URL: google.url,
      ROSTER_GOOGLE_SYNC_INTERVAL: '1h',
    });
    admin = await startApp(createAdminApp, config);
    context.onTeardown(() => admin.close());
    delivery = await startApp(createDeliveryApp, config);
    context.onTeardown(() => delivery.close());
    db = new Client({ connectionString: context.databaseUrl });
    await db.connect();
    context.onTeardown(() => db.end());
  });

  async function googleDirectory(deprovisioning = 'delete'): Promise<string> {
    const tenant = await (await admin.request('POST', '/v1/tenants', { token: KEY, body: { name: 'Acme' } })).json();
    const created = await admin.request('POST', `/v1/tenants/${tenant.id}/directories`, {
      token: KEY,
      body: { name: 'Google', provider: 'google_workspace', deprovisioning },
    });
    const { directory } = await created.json();
    const patched = await admin.request('PATCH', `/v1/directories/${directory.id}`, {
      token: KEY,
      body: { provider_config: google.providerConfig() },
    });
    expect(patched.status).toBe(200);
    return directory.id;
  }

  /** A fresh fake directory: users 1..n, group 1 with users 1 and 2, group 2 with user 3. */
  function resetGoogle(n = 10): void {
    google.users = Array.from({ length: n }, (_, i) => googleUser(i + 1));
    google.groups = [googleGroup(1), googleGroup(2, { name: 'Sales' })];
    google.members = new Map([
      [google.groups[0]!.id, [googleMember(google.users[0]!), googleMember(google.users[1]!)]],
      [google.groups[1]!.id, [googleMember(google.users[2]!), { kind: 'admin#directory#member', id: google.groups[0]!.id, type: 'GROUP' }]],
    ]);
    google.faults = [];
    google.emptyUsers = false;
  }

  const sync = (directoryId: string) => delivery.app.get(GoogleSyncService).sync(directoryId);

  async function events(directoryId: string, afterSeq = '0'): Promise<Event[]> {
    const { rows } = await db.query(
      'SELECT type, data, previous_attributes FROM events WHERE directory_id = $1 AND seq > $2 ORDER BY seq',
      [directoryId, afterSeq],
    );
    return rows;
  }

  async function lastSeq(): Promise<string> {
    return (await db.query('SELECT coalesce(max(seq), 0)::text AS seq FROM events')).rows[0].seq;
  }

  async function status(directoryId: string) {
    const response = await delivery.request('GET', `/v1/directories/${directoryId}/sync`, { token: KEY });
    expect(response.status).toBe(200);
    return response.json();
  }

  it('first sync creates users, groups and memberships with the SCIM event types', async () => {
    resetGoogle();
    const directoryId = await googleDirectory();
    expect(await sync(directoryId)).toBe('succeeded');
    const all = await events(directoryId);
    const types = all.map((event) => event.type);
    expect(types.filter((type) => type === 'dsync.user.created')).toHaveLength(10);
    expect(types.filter((type) => type === 'dsync.group.created')).toHaveLength(2);
    expect(types.filter((type) => type === 'dsync.group.user_added')).toHaveLength(3);
    expect(types).toHaveLength(15);
    const liz = all.find((event) => event.type === 'dsync.user.created' && event.data.username === 'user1@example.com')!;
    expect(liz.data).toMatchObject({
      object: 'directory_user',
      idp_id: google.users[0]!.id,
      directory_id: directoryId,
      email: 'user1@example.com',
      first_name: 'Given1',
      last_name: 'Family1',
      state: 'active',
    });
    expect(liz.data.emails).toEqual([
      { value: 'user1@example.com', type: 'work', primary: true },
      expect.objectContaining({ value: 'user1@example.org', type: 'work' }),
    ]);
    const added = all.find((event) => event.type === 'dsync.group.user_added')!;
    expect(added.data.group).toMatchObject({ object: 'directory_group', name: 'Group 1', idp_id: google.groups[0]!.id });
    const current = await status(directoryId);
    expect(current).toMatchObject({
      object: 'directory_sync',
      directory_id: directoryId,
      state: 'idle',
      last_result: 'succeeded',
      last_error: null,
      counts: { users_seen: 10, groups_seen: 2, users_created: 10, groups_created: 2 },
    });
  });

  it('a second sync of an unchanged directory emits nothing, though volatile fields changed', async () => {
    resetGoogle();
    const directoryId = await googleDirectory();
    await sync(directoryId);
    const before = await lastSeq();
    google.users = google.users.map((user) => ({ ...user, etag: '"new"', lastLoginTime: new Date().toISOString(), thumbnailPhotoEtag: '"x"' }));
    expect(await sync(directoryId)).toBe('succeeded');
    expect(await events(directoryId, before)).toEqual([]);
    expect((await status(directoryId)).counts).toMatchObject({ users_updated: 0, groups_updated: 0 });
  });

  it('changes between syncs give the events SCIM gives: new user, rename, membership change, deletion', async () => {
    resetGoogle();
    const directoryId = await googleDirectory();
    await sync(directoryId);
    const before = await lastSeq();
    google.users.push(googleUser(11));
    google.users[3] = { ...google.users[3]!, name: { givenName: 'Renamed', familyName: 'Family4', fullName: 'Renamed Family4' } };
    google.members.set(google.groups[0]!.id, [googleMember(google.users[0]!), googleMember(google.users[10]!)]);
    const gone = google.users.splice(9, 1)[0]!;
    expect(await sync(directoryId)).toBe('succeeded');
    const changed = await events(directoryId, before);
    expect(changed.map((event) => event.type)).toEqual([
      'dsync.user.deleted',
      'dsync.user.created',
      'dsync.user.updated',
      'dsync.group.user_removed',
      'dsync.group.user_added',
    ]);
    expect(changed[0]!.data.idp_id).toBe(gone.id);
    expect(changed[2]!.previous_attributes).toMatchObject({ first_name: 'Given4' });
    expect(changed[2]!.data.first_name).toBe('Renamed');
    expect(changed[3]!.data.user.username).toBe('user2@example.com');
    expect(changed[4]!.data.user.username).toBe('user11@example.com');
  });

  it('a suspension gives the deprovisioning outcome: user.deleted in delete mode, updated to inactive in deactivate mode', async () => {
    for (const [mode, expected] of [
      ['delete', ['dsync.group.user_removed', 'dsync.user.deleted']],
      ['deactivate', ['dsync.user.updated']],
    ] as const) {
      resetGoogle();
      const directoryId = await googleDirectory(mode);
      await sync(directoryId);
      const before = await lastSeq();
      google.users[0] = { ...google.users[0]!, suspended: true };
      expect(await sync(directoryId)).toBe('succeeded');
      const changed = await events(directoryId, before);
      expect(changed.map((event) => event.type)).toEqual(expected);
      if (mode === 'deactivate') expect(changed[0]!.previous_attributes).toMatchObject({ state: 'active' });
      // Reactivation in Google re-creates (delete mode) or re-activates (deactivate mode), as with SCIM.
      const beforeReactivation = await lastSeq();
      google.users[0] = { ...google.users[0]!, suspended: false };
      await sync(directoryId);
      const back = (await events(directoryId, beforeReactivation)).map((event) => event.type);
      expect(back[0]).toBe(mode === 'delete' ? 'dsync.user.created' : 'dsync.user.updated');
    }
  });

  it('an empty first page while the directory has users changes nothing and records the error', async () => {
    resetGoogle();
    const directoryId = await googleDirectory();
    await sync(directoryId);
    const before = await lastSeq();
    google.emptyUsers = true;
    expect(await sync(directoryId)).toBe('failed');
    expect(await events(directoryId, before)).toEqual([]);
    const current = await status(directoryId);
    expect(current.last_result).toBe('failed');
    expect(current.last_error).toEqual({ code: 'google_empty_result', message: expect.stringContaining('no users') });
    expect((await db.query('SELECT count(*)::int AS n FROM directory_users WHERE directory_id = $1', [directoryId])).rows[0].n).toBe(10);
  });

  it('a drop of more than the allowed share of users changes nothing and records the error', async () => {
    resetGoogle();
    const directoryId = await googleDirectory();
    await sync(directoryId);
    const before = await lastSeq();
    google.users = google.users.slice(0, 7);
    expect(await sync(directoryId)).toBe('failed');
    expect(await events(directoryId, before)).toEqual([]);
    expect((await status(directoryId)).last_error.code).toBe('google_mass_deletion');
  });

  it('a failing Google answer changes nothing and is reported; 429 and rate-limit 403 are retried', async () => {
    resetGoogle();
    const directoryId = await googleDirectory();
    google.failNext(1, { status: 429, body: FakeGoogleApi.rateLimit429, retryAfter: '0' });
    google.failNext(1, { status: 403, body: FakeGoogleApi.rateLimit403 });
    expect(await sync(directoryId)).toBe('succeeded');
    expect((await events(directoryId)).filter((event) => event.type === 'dsync.user.created')).toHaveLength(10);

    const before = await lastSeq();
    google.users[0] = { ...google.users[0]!, suspended: true };
    google.failNext(1, { status: 404, body: { error: { code: 404, message: 'Resource Not Found: groupKey' } } });
    expect(await sync(directoryId)).toBe('failed');
    expect(await events(directoryId, before)).toEqual([]);
    expect((await status(directoryId)).last_error).toMatchObject({ code: 'google_fetch_failed' });
  });

  it('two syncs of one directory never run at once', async () => {
    resetGoogle();
    const directoryId = await googleDirectory();
    const outcomes = await Promise.all([sync(directoryId), sync(directoryId), sync(directoryId)]);
    expect(outcomes.filter((outcome) => outcome === 'succeeded')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'already_running')).toHaveLength(2);
    expect((await events(directoryId)).filter((event) => event.type === 'dsync.user.created')).toHaveLength(10);
  });

  it('POST /v1/directories/{id}/sync queues a sync whose status GET shows; other providers are refused', async () => {
    resetGoogle(3);
    const directoryId = await googleDirectory();
    expect((await delivery.request('POST', `/v1/directories/${directoryId}/sync`)).status).toBe(401);
    const queued = await delivery.request('POST', `/v1/directories/${directoryId}/sync`, { token: KEY });
    expect(queued.status).toBe(202);
    expect((await queued.json()).object).toBe('directory_sync');
    const deadline = Date.now() + 20_000;
    while ((await status(directoryId)).last_result !== 'succeeded') {
      if (Date.now() > deadline) throw new Error('the queued sync did not finish');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await status(directoryId)).counts).toMatchObject({ users_created: 3 });

    const tenant = await (await admin.request('POST', '/v1/tenants', { token: KEY, body: { name: 'Okta co' } })).json();
    const okta = await (
      await admin.request('POST', `/v1/tenants/${tenant.id}/directories`, { token: KEY, body: { name: 'Okta', provider: 'okta' } })
    ).json();
    const refused = await delivery.request('POST', `/v1/directories/${okta.directory.id}/sync`, { token: KEY });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.code).toBe('not_a_polled_directory');
    expect((await delivery.request('GET', '/v1/directories/directory_nope/sync', { token: KEY })).status).toBe(404);
  });
});
