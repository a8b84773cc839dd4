import { Client } from 'pg';
import { createAdminApp } from '../../apps/admin/src/admin-app';
import { type RunningApp, startApp, useTestContext } from '@roster/testing';

const BOOTSTRAP_KEY = 'test-bootstrap-key-0123456789';

describe('admin API: directories and API keys', () => {
  const context = useTestContext();
  let admin: RunningApp;
  let db: Client;

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

  const call = (method: string, path: string, body?: unknown, token = BOOTSTRAP_KEY) =>
    admin.request(method, path, { token, body });

  async function createTenant(): Promise<string> {
    return (await (await call('POST', '/v1/tenants', { name: 'Acme' })).json()).id;
  }

  it('creates a directory, shows the token once and stores only its hash', async () => {
    const tenantId = await createTenant();
    const response = await call('POST', `/v1/tenants/${tenantId}/directories`, { name: 'Okta', provider: 'okta' });
    expect(response.status).toBe(201);
    const { directory, scim } = await response.json();
    expect(directory).toMatchObject({ object: 'directory', tenant_id: tenantId, provider: 'okta', state: 'active', deprovisioning: 'delete' });
    expect(directory.id).toMatch(/^directory_/);
    expect(scim.base_url).toBe(`https://scim.example.test/scim/v2/${directory.id}`);
    expect(Buffer.from(scim.bearer_token.replace(/^scim_/, ''), 'base64url').length).toBeGreaterThanOrEqual(32);

    const stored = await db.query('SELECT * FROM directories WHERE id = $1', [directory.id]);
    const row = JSON.stringify(stored.rows[0]);
    expect(row).not.toContain(scim.bearer_token);
    expect(stored.rows[0].scim_token_hash).toMatch(/^[0-9a-f]{64}$/);

    const read = await (await call('GET', `/v1/directories/${directory.id}`)).json();
    expect(read).toEqual(directory);
    expect(JSON.stringify(read)).not.toContain(scim.bearer_token);
    const listed = await (await call('GET', `/v1/directories?tenant_id=${tenantId}`)).json();
    expect(listed.data.map((d: { id: string }) => d.id)).toEqual([directory.id]);
  });

  it('rejects an unknown provider and an unknown tenant', async () => {
    const tenantId = await createTenant();
    const bad = await call('POST', `/v1/tenants/${tenantId}/directories`, { name: 'X', provider: 'myspace' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details[0].field).toBe('provider');
    const missing = await call('POST', '/v1/tenants/tenant_00000000000000000000000000/directories', { name: 'X', provider: 'okta' });
    expect(missing.status).toBe(404);
  });

  it('updates settings and keeps provider_config write-only and encrypted', async () => {
    const tenantId = await createTenant();
    const { directory } = await (
      await call('POST', `/v1/tenants/${tenantId}/directories`, { name: 'Google', provider: 'google_workspace' })
    ).json();
    expect(directory.scim_base_url).toBeNull();
    const patch = {
      deprovisioning: 'deactivate',
      attribute_mapping: { 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department': 'department' },
      provider_config: { admin_email: 'admin@acme.com', service_account_key: 'PRIVATE-KEY-MATERIAL' },
    };
    const updated = await (await call('PATCH', `/v1/directories/${directory.id}`, patch)).json();
    expect(updated).toMatchObject({ deprovisioning: 'deactivate', attribute_mapping: patch.attribute_mapping });
    expect(JSON.stringify(updated)).not.toContain('PRIVATE-KEY-MATERIAL');
    const stored = await db.query('SELECT provider_config_encrypted FROM directories WHERE id = $1', [directory.id]);
    expect(stored.rows[0].provider_config_encrypted).toMatch(/^v1\./);
    expect(stored.rows[0].provider_config_encrypted).not.toContain('PRIVATE-KEY-MATERIAL');
  });

  it('rotates the token: a new one is issued and the stored hash changes', async () => {
    const tenantId = await createTenant();
    const created = await (await call('POST', `/v1/tenants/${tenantId}/directories`, { name: 'E', provider: 'entra' })).json();
    const before = await db.query('SELECT scim_token_hash FROM directories WHERE id = $1', [created.directory.id]);
    const rotated = await (await call('POST', `/v1/directories/${created.directory.id}/token`, { grace_seconds: 60 })).json();
    expect(rotated.bearer_token).toMatch(/^scim_/);
    expect(rotated.bearer_token).not.toBe(created.scim.bearer_token);
    const after = await db.query(
      'SELECT scim_token_hash, previous_scim_token_hash, previous_scim_token_expires_at FROM directories WHERE id = $1',
      [created.directory.id],
    );
    expect(after.rows[0].scim_token_hash).not.toBe(before.rows[0].scim_token_hash);
    expect(after.rows[0].previous_scim_token_hash).toBe(before.rows[0].scim_token_hash);
    expect(after.rows[0].previous_scim_token_expires_at.getTime()).toBeGreaterThan(Date.now());
  });

  it('deletes a directory with its data and emits dsync.deleted in the same transaction', async () => {
    const tenantId = await createTenant();
    const { directory } = await (await call('POST', `/v1/tenants/${tenantId}/directories`, { name: 'O', provider: 'okta' })).json();
    await db.query(
      `INSERT INTO directory_users (id, directory_id, tenant_id, user_name) VALUES ('directory_user_x', $1, $2, 'ann@acme.com')`,
      [directory.id, tenantId],
    );
    expect((await call('DELETE', `/v1/directories/${directory.id}`)).status).toBe(204);
    expect((await call('GET', `/v1/directories/${directory.id}`)).status).toBe(404);
    expect((await db.query('SELECT 1 FROM directory_users WHERE directory_id = $1', [directory.id])).rowCount).toBe(0);
    const events = await db.query('SELECT * FROM events WHERE directory_id = $1', [directory.id]);
    expect(events.rows).toHaveLength(1);
    expect(events.rows[0]).toMatchObject({ type: 'dsync.deleted', tenant_id: tenantId, data: { id: directory.id, object: 'directory' } });
    expect(events.rows[0].id).toMatch(/^event_/);
    expect((await call('DELETE', `/v1/directories/${directory.id}`)).status).toBe(404);
  });

  it('deleting a tenant emits dsync.deleted for each of its directories', async () => {
    const tenantId = await createTenant();
    for (const provider of ['okta', 'entra']) {
      await call('POST', `/v1/tenants/${tenantId}/directories`, { name: provider, provider });
    }
    expect((await call('DELETE', `/v1/tenants/${tenantId}`)).status).toBe(204);
    const events = await db.query("SELECT type FROM events WHERE tenant_id = $1 AND type = 'dsync.deleted'", [tenantId]);
    expect(events.rowCount).toBe(2);
    expect((await db.query('SELECT 1 FROM directories WHERE tenant_id = $1', [tenantId])).rowCount).toBe(0);
  });

  it('issues API keys that work, are stored hashed, and stop working when revoked', async () => {
    const created = await call('POST', '/v1/api-keys', { name: 'ci' });
    expect(created.status).toBe(201);
    const key = await created.json();
    expect(key).toMatchObject({ object: 'api_key', name: 'ci', last_four: key.secret.slice(-4) });
    const stored = await db.query('SELECT * FROM api_keys WHERE id = $1', [key.id]);
    expect(JSON.stringify(stored.rows[0])).not.toContain(key.secret);

    expect((await call('GET', '/v1/tenants', undefined, key.secret)).status).toBe(200);
    const listed = await (await call('GET', '/v1/api-keys')).json();
    expect(JSON.stringify(listed)).not.toContain(key.secret);

    expect((await call('DELETE', `/v1/api-keys/${key.id}`)).status).toBe(204);
    expect((await call('GET', '/v1/tenants', undefined, key.secret)).status).toBe(401);
  });

  it('records control-plane changes in the audit log', async () => {
    const tenantId = await createTenant();
    const rows = await db.query('SELECT actor_type, action FROM audit_log WHERE target_id = $1', [tenantId]);
    expect(rows.rows).toEqual([{ actor_type: 'bootstrap_key', action: 'tenant.created' }]);
  });
});
