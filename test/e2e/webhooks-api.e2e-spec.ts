import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { type RunningApp, startApp, useTestContext } from '@roster/testing';
import { Webhook } from 'standardwebhooks';
import { createWebhookApp, publishEvents } from './webhooks-support/delivery-harness';
import { eventually, WebhookReceiver } from './webhooks-support/receiver';

jest.setTimeout(30_000);

const BOOTSTRAP_KEY = 'test-bootstrap-key-0123456789';
// Both apps of this file open the secrets the other sealed.
const ENCRYPTION_KEY = randomBytes(32).toString('hex');

describe('webhook endpoints API', () => {
  const context = useTestContext();
  let app: RunningApp;
  let guarded: RunningApp;
  let db: Client;
  const receiver = new WebhookReceiver();
  let url: string;

  beforeAll(async () => {
    const config = context.config({ ROSTER_BOOTSTRAP_API_KEY: BOOTSTRAP_KEY, ROSTER_ENCRYPTION_KEY: ENCRYPTION_KEY });
    app = await startApp(createWebhookApp({ sweepIntervalMs: 300 }), config);
    context.onTeardown(() => app.close());
    // The same database, with the SSRF guard on as in production.
    const production = { ROSTER_BOOTSTRAP_API_KEY: BOOTSTRAP_KEY, ROSTER_WEBHOOK_ALLOW_PRIVATE: 'false', ROSTER_ENCRYPTION_KEY: ENCRYPTION_KEY };
    guarded = await startApp(createWebhookApp(), context.config(production));
    context.onTeardown(() => guarded.close());
    url = await receiver.start();
    context.onTeardown(() => receiver.stop());
    db = new Client({ connectionString: context.databaseUrl });
    await db.connect();
    context.onTeardown(() => db.end());
  });

  const call = (target: RunningApp, method: string, path: string, body?: unknown) =>
    target.request(method, path, { token: BOOTSTRAP_KEY, body });

  it('requires an API key', async () => {
    const response = await app.request('GET', '/v1/webhook-endpoints');
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe('unauthorized');
  });

  it('shows the whsec_ secret once, keeps it encrypted, and audits the change', async () => {
    const created = await call(app, 'POST', '/v1/webhook-endpoints', { url, events: ['dsync.user.created'] });
    expect(created.status).toBe(201);
    const endpoint = await created.json();
    expect(endpoint).toMatchObject({ object: 'webhook_endpoint', url, events: ['dsync.user.created'], state: 'enabled' });
    expect(endpoint.secret).toMatch(/^whsec_/);
    const read = await (await call(app, 'GET', `/v1/webhook-endpoints/${endpoint.id}`)).json();
    expect(read.secret).toBeUndefined();
    const stored = await db.query('SELECT secret_encrypted FROM webhook_endpoints WHERE id = $1', [endpoint.id]);
    expect(stored.rows[0].secret_encrypted).toMatch(/^v1\./);
    expect(JSON.stringify(stored.rows)).not.toContain(endpoint.secret.slice(6));
    const audit = await db.query('SELECT action, actor_type FROM audit_log WHERE target_id = $1', [endpoint.id]);
    expect(audit.rows).toEqual([{ action: 'webhook_endpoint.created', actor_type: 'bootstrap_key' }]);

    const listed = await (await call(app, 'GET', '/v1/webhook-endpoints')).json();
    expect(listed.data.map((item: { id: string }) => item.id)).toContain(endpoint.id);
    const patched = await call(app, 'PATCH', `/v1/webhook-endpoints/${endpoint.id}`, { events: [], state: 'disabled' });
    expect(await patched.json()).toMatchObject({ events: [], state: 'disabled' });
    expect((await call(app, 'DELETE', `/v1/webhook-endpoints/${endpoint.id}`)).status).toBe(204);
    expect((await call(app, 'GET', `/v1/webhook-endpoints/${endpoint.id}`)).status).toBe(404);
  });

  it('rejects bad input in the error shape', async () => {
    const badType = await call(app, 'POST', '/v1/webhook-endpoints', { url, events: ['user.created'] });
    expect(badType.status).toBe(400);
    expect((await badType.json()).error.code).toBe('invalid_request');
    const badUrl = await call(app, 'POST', '/v1/webhook-endpoints', { url: 'ftp://example.com/' });
    expect((await badUrl.json()).error).toMatchObject({ code: 'invalid_url', details: { reason: 'unsupported_protocol' } });
    const unknownDirectory = await call(app, 'POST', '/v1/webhook-endpoints', { url, directory_id: 'directory_nope' });
    expect((await unknownDirectory.json()).error.code).toBe('directory_not_found');
  });

  it('signs with both secrets during a rotation overlap, and only the new one without overlap', async () => {
    const { id, secret: oldSecret } = await (await call(app, 'POST', '/v1/webhook-endpoints', { url })).json();
    const rotated = await call(app, 'POST', `/v1/webhook-endpoints/${id}/rotate-secret`, { overlap_seconds: 3600 });
    expect(rotated.status).toBe(200);
    const { secret: newSecret, previous_secret_expires_at } = await rotated.json();
    expect(newSecret).not.toBe(oldSecret);
    expect(Date.parse(previous_secret_expires_at)).toBeGreaterThan(Date.now());

    const tested = await (await call(app, 'POST', `/v1/webhook-endpoints/${id}/test`)).json();
    expect(tested).toMatchObject({ object: 'webhook_test', success: true, response_status: 200 });
    const received = receiver.received.find((item) => item.event.id === tested.event_id)!;
    expect(received.event.type).toBe('webhook.test');
    expect(String(received.headers['webhook-signature']).split(' ')).toHaveLength(2);
    for (const secret of [oldSecret, newSecret]) {
      expect(new Webhook(secret).verify(received.body, received.headers as Record<string, string>)).toMatchObject({ id: tested.event_id });
    }

    const { secret: latest } = await (await call(app, 'POST', `/v1/webhook-endpoints/${id}/rotate-secret`, { overlap_seconds: 0 })).json();
    const again = await (await call(app, 'POST', `/v1/webhook-endpoints/${id}/test`)).json();
    const single = receiver.received.find((item) => item.event.id === again.event_id)!;
    expect(() => new Webhook(newSecret).verify(single.body, single.headers as Record<string, string>)).toThrow();
    expect(new Webhook(latest).verify(single.body, single.headers as Record<string, string>)).toMatchObject({ id: again.event_id });
    await call(app, 'DELETE', `/v1/webhook-endpoints/${id}`);
  });

  it('refuses private destinations when the SSRF guard is on, at creation and at delivery', async () => {
    for (const target of ['http://127.0.0.1:9/', 'http://localhost/', 'http://[::1]/', 'http://169.254.169.254/latest/meta-data', 'http://2130706433/']) {
      const refused = await call(guarded, 'POST', '/v1/webhook-endpoints', { url: target });
      expect(refused.status).toBe(400);
      expect((await refused.json()).error).toMatchObject({ code: 'invalid_url', details: { reason: 'non_public_address' } });
    }
    // An endpoint stored while private addresses were allowed is still refused by a guarded worker.
    const { id } = await (await call(app, 'POST', '/v1/webhook-endpoints', { url })).json();
    await app.close();
    const before = receiver.received.length;
    await publishEvents(guarded.app, { tenantId: 'tenant_ssrf', directoryId: 'directory_ssrf' }, 1);
    await eventually(async () => {
      const { data } = await (await call(guarded, 'GET', `/v1/webhook-endpoints/${id}/deliveries`)).json();
      expect(data[0]?.attempts[0]).toMatchObject({ response_status: null, error: expect.stringContaining('destination refused') });
    });
    expect(receiver.received.length).toBe(before);
  });
});
