import { hashSecret } from '@roster/security';
import { type RunningApp, startApp, useTestContext } from '@roster/testing';
import { Client } from 'pg';
import { createAdminApp } from '../../apps/admin/src/admin-app';
import { csrfOf, PortalClient } from './support/portal-browser';

const BOOTSTRAP_KEY = 'test-bootstrap-key-0123456789';

describe('portal links and sessions', () => {
  const context = useTestContext();
  let admin: RunningApp;
  let db: Client;

  const call = (method: string, path: string, body?: unknown) => admin.request(method, path, { token: BOOTSTRAP_KEY, body });

  async function newTenant(name = 'Acme'): Promise<string> {
    return (await (await call('POST', '/v1/tenants', { name })).json()).id;
  }

  async function newLink(tenantId: string, returnUrl?: string): Promise<string> {
    const response = await call('POST', '/v1/portal-links', { tenant_id: tenantId, return_url: returnUrl });
    expect(response.status).toBe(201);
    return (await response.json()).link;
  }

  async function signedIn(tenantId: string, returnUrl?: string): Promise<PortalClient> {
    const client = new PortalClient(admin.url);
    expect((await client.open(await newLink(tenantId, returnUrl))).status).toBe(303);
    return client;
  }

  beforeAll(async () => {
    admin = await startApp(
      createAdminApp,
      context.config({ ROSTER_BOOTSTRAP_API_KEY: BOOTSTRAP_KEY, ROSTER_PUBLIC_ADMIN_URL: 'https://admin.example.test' }),
    );
    context.onTeardown(() => admin.close());
    db = new Client({ connectionString: context.databaseUrl });
    await db.connect();
    context.onTeardown(() => db.end());
  });

  describe('POST /v1/portal-links', () => {
    it('returns a one-time link under the public admin URL and stores only its hash', async () => {
      const tenantId = await newTenant();
      const response = await call('POST', '/v1/portal-links', { tenant_id: tenantId, return_url: 'https://app.example.com/settings' });
      expect(response.status).toBe(201);
      const body = await response.json();
      expect(body.link).toMatch(/^https:\/\/admin\.example\.test\/portal\/open\?token=portal_/);
      const expiresIn = new Date(body.expires_at).getTime() - Date.now();
      expect(expiresIn).toBeGreaterThan(4 * 60 * 1000);
      expect(expiresIn).toBeLessThanOrEqual(5 * 60 * 1000);
      const token = new URL(body.link).searchParams.get('token')!;
      const rows = await db.query('SELECT * FROM portal_sessions WHERE tenant_id = $1', [tenantId]);
      expect(rows.rows).toHaveLength(1);
      expect(rows.rows[0].link_token_hash).toBe(hashSecret(token));
      expect(JSON.stringify(rows.rows)).not.toContain(token);
      expect(rows.rows[0].return_url).toBe('https://app.example.com/settings');
    });

    it('refuses an unknown tenant, a non-http return_url and a missing API key', async () => {
      expect((await call('POST', '/v1/portal-links', { tenant_id: 'tenant_00000000000000000000000000' })).status).toBe(404);
      const tenantId = await newTenant();
      const bad = await call('POST', '/v1/portal-links', { tenant_id: tenantId, return_url: 'javascript:alert(1)' });
      expect(bad.status).toBe(400);
      expect((await bad.json()).error.details[0].field).toBe('return_url');
      expect((await admin.request('POST', '/v1/portal-links', { body: { tenant_id: tenantId } })).status).toBe(401);
    });
  });

  describe('opening a link', () => {
    it('starts an httpOnly SameSite session scoped to /portal and leaves the token URL', async () => {
      const tenantId = await newTenant();
      const client = new PortalClient(admin.url);
      const opened = await client.open(await newLink(tenantId));
      expect(opened.status).toBe(303);
      expect(opened.location).toBe('/portal');
      const cookie = opened.headers.get('set-cookie')!;
      expect(cookie).toMatch(/^roster_portal=portal_session_/);
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Lax');
      expect(cookie).toContain('Path=/portal');
      expect(cookie).toContain('Secure');
      const row = await db.query('SELECT session_token_hash, opened_at FROM portal_sessions WHERE tenant_id = $1', [tenantId]);
      expect(row.rows[0].session_token_hash).toBe(hashSecret(client.cookie('roster_portal')!));
      expect(row.rows[0].opened_at).not.toBeNull();
      const home = await client.get('/portal');
      expect(home.status).toBe(303);
      expect(home.location).toBe('/portal/connect');
      const connect = await client.get('/portal/connect');
      expect(connect.status).toBe(200);
      expect(connect.headers.get('content-type')).toContain('text/html');
      expect(connect.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(connect.headers.get('cache-control')).toBe('no-store');
      expect(connect.text).toContain('Choose your identity provider');
    });

    it('works once: a used link shows a friendly page', async () => {
      const tenantId = await newTenant();
      const link = await newLink(tenantId, 'https://app.example.com/back');
      expect((await new PortalClient(admin.url).open(link)).status).toBe(303);
      const again = await new PortalClient(admin.url).open(link);
      expect(again.status).toBe(410);
      expect(again.headers.get('content-type')).toContain('text/html');
      expect(again.text).toContain('This link has already been used');
      expect(again.text).toContain('href="https://app.example.com/back"');
      expect(again.headers.get('set-cookie')).toBeNull();
    });

    it('must be opened within five minutes', async () => {
      const tenantId = await newTenant();
      const link = await newLink(tenantId);
      await db.query("UPDATE portal_sessions SET link_expires_at = now() - interval '1 second' WHERE tenant_id = $1", [tenantId]);
      const late = await new PortalClient(admin.url).open(link);
      expect(late.status).toBe(410);
      expect(late.text).toContain('This link has expired');
    });

    it('opens once even when opened twice at the same time', async () => {
      const tenantId = await newTenant();
      const link = await newLink(tenantId);
      const results = await Promise.all([1, 2, 3].map(() => new PortalClient(admin.url).open(link)));
      expect(results.map((result) => result.status).sort()).toEqual([303, 410, 410]);
    });

    it('shows a friendly page for an unknown or missing token', async () => {
      const unknown = await new PortalClient(admin.url).get('/portal/open?token=portal_nope');
      expect(unknown.status).toBe(404);
      expect(unknown.text).toContain('This link is not valid');
      expect((await new PortalClient(admin.url).get('/portal/open')).status).toBe(404);
    });
  });

  describe('sessions', () => {
    it('are required for every portal page', async () => {
      for (const path of ['/portal', '/portal/connect', '/portal/activity', '/portal/directories/directory_00000000000000000000000000']) {
        const page = await new PortalClient(admin.url).get(path);
        expect(page.status).toBe(401);
        expect(page.text).toContain('You are not signed in');
        expect(page.text).not.toMatch(/at \w+ \(/);
      }
      const forged = new PortalClient(admin.url);
      forged.setCookie('roster_portal', 'portal_session_forged');
      expect((await forged.get('/portal/connect')).status).toBe(401);
    });

    it('expire', async () => {
      const tenantId = await newTenant();
      const client = await signedIn(tenantId, 'https://app.example.com/back');
      expect((await client.get('/portal/connect')).status).toBe(200);
      await db.query("UPDATE portal_sessions SET session_expires_at = now() - interval '1 second' WHERE tenant_id = $1", [tenantId]);
      const expired = await client.get('/portal/connect');
      expect(expired.status).toBe(401);
      expect(expired.text).toContain('Your session has ended');
      expect(expired.text).toContain('href="https://app.example.com/back"');
    });

    it('end on sign-out', async () => {
      const tenantId = await newTenant();
      const client = await signedIn(tenantId, 'https://app.example.com/back');
      const page = await client.get('/portal/connect');
      const stolen = client.cookie('roster_portal')!;
      const out = await client.post('/portal/sign-out', { _csrf: csrfOf(page) });
      expect(out.status).toBe(200);
      expect(out.text).toContain('You are signed out');
      expect(out.text).toContain('href="https://app.example.com/back"');
      expect(client.cookie('roster_portal')).toBeUndefined();
      const replay = new PortalClient(admin.url);
      replay.setCookie('roster_portal', stolen);
      expect((await replay.get('/portal/connect')).status).toBe(401);
    });
  });

  describe('forms', () => {
    it('refuse a missing or wrong CSRF token and a foreign Origin', async () => {
      const tenantId = await newTenant();
      const client = await signedIn(tenantId);
      const page = await client.get('/portal/connect');
      const csrf = csrfOf(page);
      for (const attempt of [
        client.post('/portal/directories', { provider: 'okta' }),
        client.post('/portal/directories', { provider: 'okta', _csrf: 'wrong' }),
        client.post('/portal/directories', { provider: 'okta', _csrf: csrf }, { origin: 'https://evil.example' }),
      ]) {
        const refused = await attempt;
        expect(refused.status).toBe(403);
        expect(refused.text).toContain('This form could not be accepted');
      }
      // The CSRF token of another session does not work either.
      const other = await signedIn(tenantId);
      const otherCsrf = csrfOf(await other.get('/portal/connect'));
      expect((await client.post('/portal/directories', { provider: 'okta', _csrf: otherCsrf })).status).toBe(403);
      const directories = await db.query('SELECT id FROM directories WHERE tenant_id = $1', [tenantId]);
      expect(directories.rows).toHaveLength(0);
      const accepted = await client.post('/portal/directories', { provider: 'okta', _csrf: csrf });
      expect(accepted.status).toBe(303);
    });
  });
});
