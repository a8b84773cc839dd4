import { createAdminApp } from '../../apps/admin/src/admin-app';
import { type RunningApp, startApp, useTestContext } from '@roster/testing';

const BOOTSTRAP_KEY = 'test-bootstrap-key-0123456789';

describe('admin API: tenants', () => {
  const context = useTestContext();
  let admin: RunningApp;

  beforeAll(async () => {
    admin = await startApp(createAdminApp, context.config({ ROSTER_BOOTSTRAP_API_KEY: BOOTSTRAP_KEY }));
    context.onTeardown(() => admin.close());
  });

  const call = (method: string, path: string, body?: unknown) => admin.request(method, path, { token: BOOTSTRAP_KEY, body });

  it('refuses /v1 without a valid key, in the error shape', async () => {
    for (const token of [undefined, 'wrong-key']) {
      const response = await admin.request('GET', '/v1/tenants', { token });
      expect(response.status).toBe(401);
      const body = await response.json();
      expect(body).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    }
  });

  it('creates, reads, updates and deletes a tenant', async () => {
    const created = await call('POST', '/v1/tenants', { name: 'Acme', external_id: 'acme-1', domains: ['Acme.com'] });
    expect(created.status).toBe(201);
    const tenant = await created.json();
    expect(tenant).toMatchObject({ object: 'tenant', name: 'Acme', external_id: 'acme-1', domains: ['acme.com'] });
    expect(tenant.id).toMatch(/^tenant_[0-9a-z]{26}$/);
    expect(new Date(tenant.created_at).toISOString()).toBe(tenant.created_at);

    expect(await (await call('GET', `/v1/tenants/${tenant.id}`)).json()).toEqual(tenant);

    const updated = await (await call('PATCH', `/v1/tenants/${tenant.id}`, { name: 'Acme Corp' })).json();
    expect(updated).toMatchObject({ id: tenant.id, name: 'Acme Corp', external_id: 'acme-1' });

    expect((await call('DELETE', `/v1/tenants/${tenant.id}`)).status).toBe(204);
    const gone = await call('GET', `/v1/tenants/${tenant.id}`);
    expect(gone.status).toBe(404);
    expect((await gone.json()).error.code).toBe('tenant_not_found');
  });

  it('rejects bad input with a 400 naming the field', async () => {
    const response = await call('POST', '/v1/tenants', { name: '', domains: ['not a domain'], color: 'red' });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('invalid_request');
    const fields = error.details.map((detail: { field: string | null }) => detail.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'domains.0']));
    expect(error.message).toMatch(/color/);
  });

  it('rejects malformed JSON without a stack trace', async () => {
    const raw = await fetch(`${admin.url}/v1/tenants`, {
      method: 'POST',
      headers: { authorization: `Bearer ${BOOTSTRAP_KEY}`, 'content-type': 'application/json' },
      body: '{"name": ',
    });
    expect(raw.status).toBe(400);
    const text = await raw.text();
    expect(JSON.parse(text).error.code).toBe('invalid_request');
    expect(text).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('refuses a duplicate external_id with 409', async () => {
    expect((await call('POST', '/v1/tenants', { name: 'One', external_id: 'dup' })).status).toBe(201);
    const second = await call('POST', '/v1/tenants', { name: 'Two', external_id: 'dup' });
    expect(second.status).toBe(409);
    expect((await second.json()).error.code).toBe('external_id_taken');
  });

  it('pages with limit/after/before, newest first', async () => {
    const names = ['p1', 'p2', 'p3', 'p4', 'p5'];
    for (const name of names) await call('POST', '/v1/tenants', { name, external_id: `page-${name}` });
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const query: string = after ? `&after=${after}` : '';
      const page = await (await call('GET', `/v1/tenants?limit=2${query}`)).json();
      expect(page.object).toBe('list');
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((tenant: { name: string }) => tenant.name));
      after = page.list_metadata.after;
    } while (after);
    const ours = seen.filter((name) => names.includes(name));
    expect(ours).toEqual([...names].reverse());
    expect(new Set(seen).size).toBe(seen.length);

    const filtered = await (await call('GET', '/v1/tenants?external_id=page-p3')).json();
    expect(filtered.data.map((tenant: { name: string }) => tenant.name)).toEqual(['p3']);
    expect((await call('GET', '/v1/tenants?limit=1000')).status).toBe(400);
    expect((await call('GET', '/v1/tenants?bogus=1')).status).toBe(400);
  });
});
