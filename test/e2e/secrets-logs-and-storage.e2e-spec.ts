import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { hashSecret } from '@roster/security';
import { useTestContext } from '@roster/testing';
import { Client } from 'pg';
import { spawnTs, waitForLine } from '../chaos/support/restartable-services';
import { BOOTSTRAP_KEY, PATCH_SCHEMA, scimUser } from '../chaos/support/roster-stack';
import { eventually, WebhookReceiver } from './webhooks-support/receiver';

jest.setTimeout(180_000);

const PASSWORD = 'Pa55-word-never-logged-7Q';
const PRIVATE_KEY = `-----BEGIN PRIVATE KEY-----\\nMIIEvQ${randomBytes(24).toString('hex')}\\n-----END PRIVATE KEY-----\\n`;

/**
 * Runs the three apps as real processes with LOG_LEVEL=info (debug for the
 * ingest app) and drives every flow that handles a secret; then no log line and
 * no database column may hold one in the clear.
 */
describe('secrets never reach logs and are stored hashed or encrypted', () => {
  const context = useTestContext();
  const output: string[] = [];
  const apps: Record<'admin' | 'ingest' | 'delivery', string> = { admin: '', ingest: '', delivery: '' };
  const secrets = new Map<string, string>();
  let db: Client;

  async function launch(name: keyof typeof apps, level: string): Promise<void> {
    const child: ChildProcess = spawnTs(join(__dirname, '../chaos/support/app.process.ts'), {
      ...context.env({ LOG_LEVEL: level, ROSTER_BOOTSTRAP_API_KEY: BOOTSTRAP_KEY }),
      CHAOS_APP: name,
    });
    child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    context.onTeardown(
      () =>
        new Promise((resolve) => {
          if (child.exitCode !== null) return resolve(undefined);
          child.once('exit', resolve);
          child.kill('SIGTERM');
        }),
    );
    apps[name] = (await waitForLine(child, /^listening (\S+)$/m))[1]!;
  }

  async function call(app: keyof typeof apps, method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${apps[app]}${path}`, {
      method,
      redirect: 'manual',
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text.startsWith('{') ? JSON.parse(text) : text, headers: response.headers };
  }

  beforeAll(async () => {
    db = new Client({ connectionString: context.databaseUrl });
    await db.connect();
    context.onTeardown(() => db.end());
    await Promise.all([launch('admin', 'info'), launch('ingest', 'debug'), launch('delivery', 'info')]);
  });

  it('runs every flow that carries a secret', async () => {
    // API keys: created with the bootstrap key, then used.
    const key = await call('admin', 'POST', '/v1/api-keys', BOOTSTRAP_KEY, { name: 'ci' });
    expect(key.status).toBe(201);
    const apiKey = key.body.secret as string;
    secrets.set('bootstrap API key', BOOTSTRAP_KEY).set('API key', apiKey);

    // Directory, SCIM token, rotation; the old token tried after rotation.
    const tenant = (await call('admin', 'POST', '/v1/tenants', apiKey, { name: 'Acme' })).body;
    const created = await call('admin', 'POST', `/v1/tenants/${tenant.id}/directories`, apiKey, { name: 'Okta', provider: 'okta' });
    const directoryId = created.body.directory.id as string;
    const firstToken = created.body.scim.bearer_token as string;
    const rotated = await call('admin', 'POST', `/v1/directories/${directoryId}/token`, apiKey, {});
    expect(rotated.status).toBeLessThan(300);
    const token = rotated.body.bearer_token as string;
    secrets.set('first SCIM token', firstToken).set('SCIM token', token);

    // Webhook endpoint, its secret rotated; deliveries signed with it.
    const receiver = new WebhookReceiver();
    const url = await receiver.start();
    context.onTeardown(() => receiver.stop());
    const endpoint = await call('delivery', 'POST', '/v1/webhook-endpoints', apiKey, { url });
    expect(endpoint.status).toBe(201);
    const rotatedSecret = await call('delivery', 'POST', `/v1/webhook-endpoints/${endpoint.body.id}/rotate-secret`, apiKey, {});
    secrets.set('first webhook secret', endpoint.body.secret).set('webhook secret', rotatedSecret.body.secret);
    for (const secret of [endpoint.body.secret, rotatedSecret.body.secret] as string[]) secrets.set(`webhook key of ${secret.slice(0, 10)}`, secret.replace(/^whsec_/, ''));

    // SCIM with passwords, in every shape an IdP sends them.
    const scim = (method: string, path: string, body?: unknown, bearer = token) => call('ingest', method, `/scim/v2/${directoryId}${path}`, bearer, body, { 'user-agent': 'Okta SCIM Client 1.0.0' });
    const user = await scim('POST', '/Users', scimUser('alice', { password: PASSWORD }));
    expect(user.status).toBe(201);
    expect(JSON.stringify(user.body)).not.toContain(PASSWORD);
    expect((await scim('PATCH', `/Users/${user.body.id}`, { schemas: [PATCH_SCHEMA], Operations: [{ op: 'replace', path: 'password', value: `${PASSWORD}-2` }] })).status).toBe(200);
    expect((await scim('PATCH', `/Users/${user.body.id}`, { schemas: [PATCH_SCHEMA], Operations: [{ op: 'replace', value: { password: `${PASSWORD}-3` } }] })).status).toBe(200);
    expect((await scim('PUT', `/Users/${user.body.id}`, scimUser('alice', { password: `${PASSWORD}-4` }))).status).toBe(200);
    const bulk = await scim('POST', '/Bulk', {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],
      Operations: [{ method: 'POST', path: '/Users', bulkId: 'b', data: scimUser('bob', { password: `${PASSWORD}-5` }) }],
    });
    expect(bulk.status).toBe(200);
    expect((await scim('POST', '/Users', { ...scimUser('broken', { password: `${PASSWORD}-6` }), userName: 42 })).status).toBe(400);
    expect((await scim('GET', '/Users', undefined, firstToken)).status).toBe(401);
    expect((await scim('GET', '/Users', undefined, `${token}-wrong`)).status).toBe(401);
    secrets.set('password', PASSWORD);

    // Google Workspace credentials (write-only).
    const google = await call('admin', 'POST', `/v1/tenants/${tenant.id}/directories`, apiKey, { name: 'Google', provider: 'google_workspace' });
    const patched = await call('admin', 'PATCH', `/v1/directories/${google.body.directory.id}`, apiKey, {
      provider_config: { service_account_key: { type: 'service_account', client_email: 'sync@acme.iam.gserviceaccount.com', private_key: PRIVATE_KEY }, admin_email: 'admin@acme.test' },
    });
    expect(patched.status).toBe(200);
    expect(JSON.stringify(patched.body)).not.toContain('PRIVATE KEY');
    secrets.set('Google private key', PRIVATE_KEY.split('\\n')[1]!);

    // Portal link: the one-time token travels in a URL the admin app receives.
    const link = await call('admin', 'POST', '/v1/portal-links', apiKey, { tenant_id: tenant.id });
    const portalUrl = new URL(link.body.link);
    const portalToken = portalUrl.searchParams.get('token')!;
    const opened = await fetch(`${apps.admin}${portalUrl.pathname}${portalUrl.search}`, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    const session = /roster_portal=([^;]+)/.exec(opened.headers.get('set-cookie') ?? '')![1]!;
    expect((await fetch(`${apps.admin}/portal`, { headers: { cookie: `roster_portal=${session}` } })).status).toBe(200);
    // An unknown link token is logged no more than a real one.
    await fetch(`${apps.admin}/portal/open?token=portal_${randomBytes(16).toString('hex')}`, { redirect: 'manual' });
    secrets.set('portal link token', portalToken).set('portal session', decodeURIComponent(session));

    // Wrong and missing keys on /v1 are logged too, by their refusals.
    expect((await call('admin', 'GET', '/v1/tenants', `${apiKey}x`)).status).toBe(401);
    await eventually(() => expect(receiver.received.length).toBeGreaterThanOrEqual(3), 30_000);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // the SCIM request log writes in batches
  });

  it('no log line of the three apps contains a secret', () => {
    const log = output.join('');
    expect(log).toContain('"level":30'); // the apps really logged at info
    expect(log).toMatch(/"url":"\/scim\/v2\//);
    const found = [...secrets].filter(([, secret]) => log.includes(secret)).map(([name]) => name);
    expect(found).toEqual([]);
    expect(log).not.toContain(PASSWORD); // every variant -2..-6 starts with it
  });

  it('tokens and keys are stored as SHA-256, webhook and Google secrets encrypted, and no column holds a secret', async () => {
    const apiKeys = await db.query('SELECT key_hash FROM api_keys');
    expect(apiKeys.rows.map((row) => row.key_hash)).toContain(hashSecret(secrets.get('API key')!));
    const directory = await db.query(`SELECT scim_token_hash, previous_scim_token_hash FROM directories WHERE provider = 'okta'`);
    expect(directory.rows[0].scim_token_hash).toBe(hashSecret(secrets.get('SCIM token')!));
    const portal = await db.query('SELECT link_token_hash FROM portal_sessions');
    expect(portal.rows.map((row) => row.link_token_hash)).toContain(hashSecret(secrets.get('portal link token')!));
    const endpoint = await db.query('SELECT secret_encrypted FROM webhook_endpoints');
    expect(endpoint.rows[0].secret_encrypted.length).toBeGreaterThan(20);
    const google = await db.query(`SELECT provider_config_encrypted FROM directories WHERE provider = 'google_workspace'`);
    expect(google.rows[0].provider_config_encrypted.length).toBeGreaterThan(100);

    // Every row of every table, as JSON: no secret, no password, in any column.
    const tables = await db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
    const leaks: string[] = [];
    for (const { tablename } of tables.rows) {
      const rows = JSON.stringify((await db.query(`SELECT row_to_json(t) AS r FROM "${tablename}" t`)).rows);
      for (const [name, secret] of secrets) if (rows.includes(secret)) leaks.push(`${name} in ${tablename}`);
      if (rows.includes(PASSWORD)) leaks.push(`password in ${tablename}`);
    }
    expect(leaks).toEqual([]);
  });
});
