import { hashSecret } from '@roster/security';
import { type RunningApp, startApp, useTestContext } from '@roster/testing';
import { Client } from 'pg';
import { createAdminApp } from '../../apps/admin/src/admin-app';
import { type DirectoryFixture, seedDirectory } from './support/directory-seed';
import { csrfOf, PortalClient, type PortalResponse, testIdText } from './support/portal-browser';

const BOOTSTRAP_KEY = 'test-bootstrap-key-0123456789';

describe('portal pages', () => {
  const context = useTestContext();
  let admin: RunningApp;
  let db: Client;

  const call = (method: string, path: string, body?: unknown) =>
    admin.request(method, path, { token: BOOTSTRAP_KEY, body });

  async function signedIn(tenantId: string): Promise<PortalClient> {
    const response = await call('POST', '/v1/portal-links', {
      tenant_id: tenantId,
      return_url: 'https://app.example.com/admin',
    });
    const client = new PortalClient(admin.url);
    expect((await client.open((await response.json()).link)).status).toBe(303);
    return client;
  }

  async function ok(client: PortalClient, path: string): Promise<PortalResponse> {
    const page = await client.get(path);
    expect(page.status).toBe(200);
    return page;
  }

  beforeAll(async () => {
    admin = await startApp(
      createAdminApp,
      context.config({ ROSTER_BOOTSTRAP_API_KEY: BOOTSTRAP_KEY, ROSTER_PUBLIC_SCIM_URL: 'https://scim.example.test' }),
    );
    context.onTeardown(() => admin.close());
    db = new Client({ connectionString: context.databaseUrl });
    await db.connect();
    context.onTeardown(() => db.end());
  });

  describe('connecting an identity provider', () => {
    it('creates the directory, shows the token once, and rotates it after confirmation', async () => {
      const tenantId = (await (await call('POST', '/v1/tenants', { name: 'Initech' })).json()).id;
      const client = await signedIn(tenantId);
      const connect = await ok(client, '/portal/connect');
      expect(connect.text).toContain('value="okta"');
      const created = await client.post('/portal/directories', { provider: 'okta', _csrf: csrfOf(connect) });
      expect(created.status).toBe(303);
      const directoryId = /\/portal\/directories\/(directory_\w+)$/.exec(created.location!)![1]!;

      const overview = await ok(client, created.location!);
      const token = /data-value="(scim_[^"]+)"/.exec(overview.text)![1]!;
      const stored = await db.query('SELECT provider, tenant_id, scim_token_hash FROM directories WHERE id = $1', [
        directoryId,
      ]);
      expect(stored.rows[0]).toEqual({ provider: 'okta', tenant_id: tenantId, scim_token_hash: hashSecret(token) });
      // Okta refuses "_" in base URLs: Okta directories are shown with the hyphenated id the ingest app accepts.
      expect(testIdText(overview, 'scim-base-url')).toBe(
        `https://scim.example.test/scim/v2/${directoryId.replace('_', '-')}`,
      );
      expect(testIdText(overview, 'connection-status')).toBe('Waiting for the first request');
      expect(testIdText(overview, 'user-count')).toBe('0');
      expect(overview.text).toContain('Set up Okta');

      // Shown once: the next load has no token.
      const again = await ok(client, `/portal/directories/${directoryId}`);
      expect(again.text).not.toContain(token);
      expect(again.text).toContain(`scim_…${token.slice(-4)}`);

      const csrf = csrfOf(again);
      expect((await client.post(`/portal/directories/${directoryId}/token`, { _csrf: csrf })).status).toBe(400);
      const rotated = await client.post(`/portal/directories/${directoryId}/token`, { _csrf: csrf, confirm: 'yes' });
      expect(rotated.status).toBe(303);
      const afterRotation = await ok(client, `/portal/directories/${directoryId}`);
      const newToken = /data-value="(scim_[^"]+)"/.exec(afterRotation.text)![1]!;
      expect(newToken).not.toBe(token);
      const hash = await db.query('SELECT scim_token_hash FROM directories WHERE id = $1', [directoryId]);
      expect(hash.rows[0].scim_token_hash).toBe(hashSecret(newToken));

      const audit = await (await call('GET', `/v1/audit-log?tenant_id=${tenantId}&actor_type=portal_session`)).json();
      expect(audit.data.map((entry: any) => entry.action)).toEqual([
        'directory.token_rotated',
        'directory.created',
        'portal_session.opened',
      ]);
      const activity = await ok(client, '/portal/activity');
      expect(activity.text).toContain('directory.token_rotated');
      expect(activity.text).toContain('(you)');
    });
  });

  describe('Google Workspace and several directories', () => {
    it('takes write-only credentials for Google, and lists every directory of the tenant', async () => {
      const tenantId = (await (await call('POST', '/v1/tenants', { name: 'Hooli' })).json()).id;
      const client = await signedIn(tenantId);
      const google = await client.post('/portal/directories', {
        provider: 'google_workspace',
        _csrf: csrfOf(await ok(client, '/portal/connect')),
      });
      const overview = await ok(client, google.location!);
      expect(overview.text).toContain('Admin SDK');
      expect(overview.text).not.toContain('data-testid="scim-token"');
      const settings = await ok(client, `${google.location}/settings`);
      const saved = await client.post(`${google.location}/google`, {
        _csrf: csrfOf(settings),
        admin_email: 'admin@hooli.test',
        service_account_key: '{"private_key": "PRIVATE-MATERIAL"}',
      });
      expect(saved.status).toBe(303);
      const after = await ok(client, saved.location!);
      expect(after.text).toContain('Credentials are saved');
      expect(after.text).not.toContain('PRIVATE-MATERIAL');
      const row = await db.query('SELECT provider_config_encrypted FROM directories WHERE tenant_id = $1', [tenantId]);
      expect(row.rows[0].provider_config_encrypted).not.toContain('PRIVATE-MATERIAL');

      await client.post('/portal/directories', { provider: 'entra', _csrf: csrfOf(settings) });
      const home = await ok(client, '/portal');
      expect(home.text).toContain('Hooli · Google Workspace');
      expect(home.text).toContain('Hooli · Microsoft Entra ID');
    });
  });

  describe('a synced directory', () => {
    let acme: DirectoryFixture;
    let client: PortalClient;
    let base: string;

    beforeAll(async () => {
      acme = await seedDirectory(db, {
        users: ['ada', 'bob', 'gone'],
        groups: ['Engineering', 'Sales'],
        memberships: { ada: ['Engineering'], bob: ['Sales'] },
        removed: ['gone'],
      });
      await db.query(
        `INSERT INTO scim_requests (directory_id, method, path, status, duration_ms, client, error_detail, created_at)
         VALUES ($1, 'POST', '/Users', 201, 12, 'okta', NULL, now() - interval '2 minutes'),
                ($1, 'PATCH', '/Users/x', 400, 3, 'okta', 'Unknown attribute <script>alert(1)</script>', now())`,
        [acme.directoryId],
      );
      await db.query('UPDATE directories SET activated_at = now() WHERE id = $1', [acme.directoryId]);
      client = await signedIn(acme.tenantId);
      base = `/portal/directories/${acme.directoryId}`;
    });

    it('shows status, counts that exclude removed users, and recent requests', async () => {
      const home = await client.get('/portal');
      expect(home.location).toBe(base);
      const overview = await ok(client, base);
      expect(testIdText(overview, 'connection-status')).toBe('Active');
      expect(testIdText(overview, 'user-count')).toBe('2');
      expect(testIdText(overview, 'group-count')).toBe('2');
      expect(overview.text).toContain('PATCH /Users/x');
    });

    it('lists SCIM requests, filters to failures and escapes their detail', async () => {
      const all = await ok(client, `${base}/requests`);
      expect(all.text).toContain('POST /Users');
      expect(all.text).toContain('PATCH /Users/x');
      const failures = await ok(client, `${base}/requests?status=failed`);
      expect(failures.text).not.toContain('POST /Users<');
      expect(failures.text).toContain('Unknown attribute &lt;script&gt;alert(1)&lt;/script&gt;');
      expect(failures.text).not.toContain('<script>alert(1)');
      expect((await client.get(`${base}/requests?after=nope`)).status).toBe(400);
    });

    it('maps attributes seen in the directory to custom attribute keys', async () => {
      const page = await ok(client, `${base}/attributes`);
      expect(page.text).toContain('value="title"');
      expect(page.text).toContain('value="name.givenName"');
      expect(page.text).toContain('value="urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department"');
      const csrf = csrfOf(page);
      const department = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department';
      const saved = await client.post(`${base}/attributes`, {
        _csrf: csrf,
        path: ['title', department, ''],
        key: ['job_title', 'department', ''],
      });
      expect(saved.status).toBe(303);
      const ada = await (await call('GET', `/v1/directory-users/${acme.users.ada}`)).json();
      expect(ada.custom_attributes).toEqual({ job_title: 'Engineer', department: 'R&D' });
      const bad = await client.post(`${base}/attributes`, { _csrf: csrf, path: ['title'], key: ['no spaces'] });
      expect(bad.status).toBe(400);
      expect(bad.text).toContain('is not a valid name');
      const unseen = await client.post(`${base}/attributes`, { _csrf: csrf, path: ['password'], key: ['pw'] });
      expect(unseen.status).toBe(400);
      expect((await ok(client, `${base}/attributes?saved=1`)).text).toContain('Attribute mapping saved');
    });

    it('maps groups to roles from the catalogue, and the role shows on the user', async () => {
      await call('PUT', '/v1/roles', []);
      expect((await ok(client, `${base}/roles`)).text).toContain('has not defined any role yet');
      await call('PUT', '/v1/roles', [
        { slug: 'engineer', name: 'Engineer' },
        { slug: 'seller', name: 'Seller' },
      ]);
      const page = await ok(client, `${base}/roles`);
      expect(page.text).toContain('Engineering');
      expect(page.text).toContain('<option value="engineer">Engineer</option>');
      const saved = await client.post(`${base}/roles`, {
        _csrf: csrfOf(page),
        group: [acme.groups.Engineering!, acme.groups.Sales!],
        [`role_${acme.groups.Engineering}`]: 'engineer',
        [`role_${acme.groups.Sales}`]: '',
      });
      expect(saved.status).toBe(303);
      const ada = await (await call('GET', `/v1/directory-users/${acme.users.ada}`)).json();
      expect(ada.roles).toEqual([{ slug: 'engineer' }]);
      const bob = await (await call('GET', `/v1/directory-users/${acme.users.bob}`)).json();
      expect(bob.roles).toEqual([]);
      const searched = await ok(client, `${base}/roles?q=sal`);
      expect(searched.text).toContain('Sales');
      expect(searched.text).not.toContain('>Engineering<');
      const unknownRole = await client.post(`${base}/roles`, {
        _csrf: csrfOf(page),
        group: [acme.groups.Sales!],
        [`role_${acme.groups.Sales}`]: 'root',
      });
      expect(unknownRole.status).toBe(400);
    });

    it('changes the deprovisioning mode', async () => {
      const page = await ok(client, `${base}/settings`);
      expect(page.text).toMatch(/value="delete" checked/);
      expect(
        (await client.post(`${base}/settings`, { _csrf: csrfOf(page), deprovisioning: 'deactivate' })).status,
      ).toBe(303);
      const directory = await (await call('GET', `/v1/directories/${acme.directoryId}`)).json();
      expect(directory.deprovisioning).toBe('deactivate');
      expect((await client.post(`${base}/settings`, { _csrf: csrfOf(page), deprovisioning: 'explode' })).status).toBe(
        400,
      );
    });
  });

  describe('tenant scoping', () => {
    it("never shows or changes another tenant's directory", async () => {
      const mine = await seedDirectory(db, { tenantName: 'Mine', users: ['me'], groups: ['Mine'] });
      const theirs = await seedDirectory(db, { tenantName: 'Theirs', users: ['them'], groups: ['Theirs'] });
      await db.query(
        `INSERT INTO scim_requests (directory_id, method, path, status, duration_ms, error_detail) VALUES ($1, 'GET', '/Users', 500, 1, 'their secret detail')`,
        [theirs.directoryId],
      );
      const client = await signedIn(mine.tenantId);
      const csrf = csrfOf(await ok(client, `/portal/directories/${mine.directoryId}`));
      const other = `/portal/directories/${theirs.directoryId}`;
      for (const path of [
        other,
        `${other}/requests`,
        `${other}/requests?status=failed`,
        `${other}/attributes`,
        `${other}/roles`,
        `${other}/settings`,
      ]) {
        const page = await client.get(path);
        expect(page.status).toBe(404);
        expect(page.text).not.toContain('their secret detail');
        expect(page.text).not.toContain('them@acme.test');
      }
      for (const [path, form] of [
        [`${other}/token`, { confirm: 'yes' }],
        [`${other}/settings`, { deprovisioning: 'deactivate' }],
        [`${other}/attributes`, { path: 'title', key: 'x' }],
        [`${other}/roles`, { group: theirs.groups.Theirs!, [`role_${theirs.groups.Theirs}`]: 'engineer' }],
      ] as const) {
        expect((await client.post(path, { _csrf: csrf, ...form })).status).toBe(404);
      }
      // Their group id smuggled into my directory's form is ignored.
      await call('PUT', '/v1/roles', [{ slug: 'engineer', name: 'Engineer' }]);
      const smuggled = await client.post(`/portal/directories/${mine.directoryId}/roles`, {
        _csrf: csrf,
        group: theirs.groups.Theirs!,
        [`role_${theirs.groups.Theirs}`]: 'engineer',
      });
      expect(smuggled.status).toBe(303);
      const row = await db.query(
        'SELECT id, scim_token_hash, deprovisioning, attribute_mapping, role_mapping FROM directories WHERE id = ANY($1)',
        [[mine.directoryId, theirs.directoryId]],
      );
      for (const directory of row.rows) {
        expect(directory).toMatchObject({ deprovisioning: 'delete', attribute_mapping: {}, role_mapping: {} });
      }
      const activity = await ok(client, '/portal/activity');
      expect(activity.text).not.toContain(theirs.directoryId);
    });
  });
});
