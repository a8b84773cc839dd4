import { type RunningApp, startApp, useTestContext } from '@roster/testing';
import { Client } from 'pg';
import { createAdminApp } from '../../apps/admin/src/admin-app';
import { type DirectoryFixture, seedDirectory } from './support/directory-seed';

const BOOTSTRAP_KEY = 'test-bootstrap-key-0123456789';

describe('admin API: directory users, groups, SCIM requests, roles and the audit log', () => {
  const context = useTestContext();
  let admin: RunningApp;
  let db: Client;
  let acme: DirectoryFixture;

  const call = (method: string, path: string, body?: unknown, token = BOOTSTRAP_KEY) => admin.request(method, path, { token, body });
  const getJson = async (path: string) => {
    const response = await call('GET', path);
    expect(response.status).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    admin = await startApp(createAdminApp, context.config({ ROSTER_BOOTSTRAP_API_KEY: BOOTSTRAP_KEY }));
    context.onTeardown(() => admin.close());
    db = new Client({ connectionString: context.databaseUrl });
    await db.connect();
    context.onTeardown(() => db.end());
    acme = await seedDirectory(db, {
      users: ['ada', 'bob', 'cy', 'dee'],
      groups: ['Engineering', 'Admins'],
      memberships: { ada: ['Engineering', 'Admins'], bob: ['Engineering'] },
      removed: ['dee'],
    });
  });

  describe('GET /v1/directory-users', () => {
    it('lists normalized users of a directory with their groups, and never a removed one', async () => {
      const list = await getJson(`/v1/directory-users?directory_id=${acme.directoryId}&limit=100`);
      expect(list.object).toBe('list');
      expect(list.data.map((user: any) => user.username).sort()).toEqual(['ada', 'bob', 'cy']);
      const ada = list.data.find((user: any) => user.username === 'ada');
      expect(ada).toMatchObject({
        object: 'directory_user',
        id: acme.users.ada,
        directory_id: acme.directoryId,
        tenant_id: acme.tenantId,
        email: 'ada@acme.test',
        state: 'active',
        roles: [],
      });
      // Ordered by group name then id, in the shape the events carry.
      expect(ada.groups).toEqual([
        { id: acme.groups.Admins, name: 'Admins' },
        { id: acme.groups.Engineering, name: 'Engineering' },
      ]);
    });

    it('pages with cursors in both directions', async () => {
      const first = await getJson(`/v1/directory-users?directory_id=${acme.directoryId}&limit=2`);
      expect(first.data).toHaveLength(2);
      expect(first.list_metadata.before).toBeNull();
      const second = await getJson(`/v1/directory-users?directory_id=${acme.directoryId}&limit=2&after=${first.list_metadata.after}`);
      expect(second.data).toHaveLength(1);
      expect(second.list_metadata.after).toBeNull();
      const back = await getJson(`/v1/directory-users?directory_id=${acme.directoryId}&limit=2&before=${second.list_metadata.before}`);
      expect(back.data.map((user: any) => user.id)).toEqual(first.data.map((user: any) => user.id));
    });

    it('filters by group', async () => {
      const list = await getJson(`/v1/directory-users?group_id=${acme.groups.Engineering}`);
      expect(list.data.map((user: any) => user.username).sort()).toEqual(['ada', 'bob']);
      const both = await getJson(`/v1/directory-users?group_id=${acme.groups.Admins}&directory_id=${acme.directoryId}`);
      expect(both.data.map((user: any) => user.username)).toEqual(['ada']);
    });

    it('applies the role and attribute mappings of the directory', async () => {
      const patch = {
        role_mapping: { [acme.groups.Admins]: 'admin', engineering: ['engineer', 'member'] },
        attribute_mapping: { title: 'job_title', 'name.givenName': 'given' },
      };
      expect((await call('PATCH', `/v1/directories/${acme.directoryId}`, patch)).status).toBe(200);
      const ada = await getJson(`/v1/directory-users/${acme.users.ada}`);
      expect(ada.roles).toEqual(expect.arrayContaining([{ slug: 'admin' }, { slug: 'engineer' }, { slug: 'member' }]));
      expect(ada.custom_attributes).toEqual({ job_title: 'Engineer', given: 'Ada' });
      const cy = await getJson(`/v1/directory-users/${acme.users.cy}`);
      expect(cy.roles).toEqual([]);
    });

    it('answers 404 for a removed or unknown user, directory or group, and 400 without a filter', async () => {
      for (const path of [
        `/v1/directory-users/${acme.users.dee}`,
        '/v1/directory-users/directory_user_00000000000000000000000000',
        '/v1/directory-users?directory_id=directory_00000000000000000000000000',
        '/v1/directory-users?group_id=directory_group_00000000000000000000000000',
      ]) {
        const response = await call('GET', path);
        expect(response.status).toBe(404);
        expect((await response.json()).error.code).toMatch(/_not_found$/);
      }
      const unfiltered = await call('GET', '/v1/directory-users');
      expect(unfiltered.status).toBe(400);
      expect((await unfiltered.json()).error.code).toBe('invalid_request');
    });

    it('requires an API key', async () => {
      expect((await admin.request('GET', `/v1/directory-users?directory_id=${acme.directoryId}`)).status).toBe(401);
      expect((await admin.request('GET', `/v1/directory-groups?directory_id=${acme.directoryId}`)).status).toBe(401);
      expect((await admin.request('GET', `/v1/directories/${acme.directoryId}/scim-requests`)).status).toBe(401);
      expect((await admin.request('GET', '/v1/roles')).status).toBe(401);
      expect((await admin.request('GET', '/v1/audit-log')).status).toBe(401);
    });
  });

  describe('GET /v1/directory-groups', () => {
    it('lists and reads normalized groups, and filters by user', async () => {
      const list = await getJson(`/v1/directory-groups?directory_id=${acme.directoryId}`);
      expect(list.data.map((group: any) => group.name).sort()).toEqual(['Admins', 'Engineering']);
      expect(list.data[0]).toMatchObject({ object: 'directory_group', directory_id: acme.directoryId, tenant_id: acme.tenantId });
      const ofBob = await getJson(`/v1/directory-groups?user_id=${acme.users.bob}`);
      expect(ofBob.data.map((group: any) => group.id)).toEqual([acme.groups.Engineering]);
      const one = await getJson(`/v1/directory-groups/${acme.groups.Admins}`);
      expect(one).toMatchObject({ id: acme.groups.Admins, name: 'Admins', idp_id: 'ext-Admins' });
      expect((await call('GET', '/v1/directory-groups/directory_group_00000000000000000000000000')).status).toBe(404);
      expect((await call('GET', `/v1/directory-groups?user_id=${acme.users.dee}`)).status).toBe(404);
      expect((await call('GET', '/v1/directory-groups')).status).toBe(400);
    });
  });

  describe('GET /v1/directories/{id}/scim-requests', () => {
    it('lists the log newest first, filters to failures and pages', async () => {
      await db.query(
        `INSERT INTO scim_requests (directory_id, method, path, status, duration_ms, client, error_detail, request_body)
         VALUES ($1, 'GET', '/Users', 200, 4, 'okta', NULL, NULL),
                ($1, 'POST', '/Users', 409, 7, 'okta', 'userName "ada" is already taken', '{"userName": "ada", "password": "[redacted]"}'),
                ($1, 'PATCH', '/Groups/g', 204, 5, 'okta', NULL, '{"Operations": []}')`,
        [acme.directoryId],
      );
      const all = await getJson(`/v1/directories/${acme.directoryId}/scim-requests`);
      expect(all.data.map((request: any) => request.method)).toEqual(['PATCH', 'POST', 'GET']);
      const failed = await getJson(`/v1/directories/${acme.directoryId}/scim-requests?status=failed`);
      expect(failed.data).toEqual([
        expect.objectContaining({
          object: 'scim_request',
          directory_id: acme.directoryId,
          method: 'POST',
          path: '/Users',
          status: 409,
          duration_ms: 7,
          client: 'okta',
          error_detail: 'userName "ada" is already taken',
          request_body: { userName: 'ada', password: '[redacted]' },
        }),
      ]);
      const succeeded = await getJson(`/v1/directories/${acme.directoryId}/scim-requests?status=succeeded`);
      expect(succeeded.data).toHaveLength(2);
      const page = await getJson(`/v1/directories/${acme.directoryId}/scim-requests?limit=1`);
      const next = await getJson(`/v1/directories/${acme.directoryId}/scim-requests?limit=1&after=${page.list_metadata.after}`);
      expect(next.data[0].method).toBe('POST');
      expect((await call('GET', `/v1/directories/${acme.directoryId}/scim-requests?after=not-a-cursor`)).status).toBe(400);
      expect((await call('GET', `/v1/directories/${acme.directoryId}/scim-requests?status=weird`)).status).toBe(400);
      expect((await call('GET', '/v1/directories/directory_00000000000000000000000000/scim-requests')).status).toBe(404);
    });
  });

  describe('PUT/GET /v1/roles', () => {
    it('replaces and reads the catalogue in the given order', async () => {
      const roles = [
        { slug: 'member', name: 'Member' },
        { slug: 'admin', name: 'Administrator' },
      ];
      const put = await call('PUT', '/v1/roles', roles);
      expect(put.status).toBe(200);
      expect((await put.json()).data).toEqual(roles.map((role) => ({ object: 'role', ...role })));
      expect((await getJson('/v1/roles')).data.map((role: any) => role.slug)).toEqual(['member', 'admin']);
      const wrapped = await call('PUT', '/v1/roles', { roles: [{ slug: 'viewer', name: 'Viewer' }] });
      expect((await wrapped.json()).data).toEqual([{ object: 'role', slug: 'viewer', name: 'Viewer' }]);
    });

    it('refuses duplicate or malformed slugs', async () => {
      const duplicate = await call('PUT', '/v1/roles', [
        { slug: 'a', name: 'A' },
        { slug: 'a', name: 'B' },
      ]);
      expect(duplicate.status).toBe(400);
      expect((await call('PUT', '/v1/roles', [{ slug: 'Has Space', name: 'X' }])).status).toBe(400);
      expect((await call('PUT', '/v1/roles', [{ slug: 'x' }])).status).toBe(400);
    });
  });

  describe('GET /v1/audit-log', () => {
    it('shows control-plane changes with their actor, newest first, filterable', async () => {
      const tenant = await (await call('POST', '/v1/tenants', { name: 'Audited' })).json();
      await call('PATCH', `/v1/tenants/${tenant.id}`, { name: 'Audited Inc' });
      const log = await getJson(`/v1/audit-log?tenant_id=${tenant.id}`);
      expect(log.data.map((entry: any) => entry.action)).toEqual(['tenant.updated', 'tenant.created']);
      expect(log.data[0]).toMatchObject({
        object: 'audit_log_entry',
        actor: { type: 'bootstrap_key', id: null },
        target: { type: 'tenant', id: tenant.id },
        tenant_id: tenant.id,
      });
      expect(log.data[0].id).toMatch(/^\d+$/);
      const byAction = await getJson('/v1/audit-log?action=roles.replaced&limit=1');
      expect(byAction.data[0]).toMatchObject({ action: 'roles.replaced', target: { type: 'role_catalogue' } });
      expect(byAction.list_metadata.after).not.toBeNull();
      const older = await getJson(`/v1/audit-log?action=roles.replaced&after=${byAction.list_metadata.after}`);
      expect(older.data.length).toBeGreaterThan(0);
      expect(older.data.every((entry: any) => Number(entry.id) < Number(byAction.data[0].id))).toBe(true);
      expect((await call('GET', '/v1/audit-log?actor_type=robot')).status).toBe(400);
    });
  });
});
