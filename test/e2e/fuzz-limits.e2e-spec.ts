import { useTestContext } from '@roster/testing';
import { Client } from 'pg';
import { BOOTSTRAP_KEY, type RosterStack, scimUser, startRosterStack, type TenantDirectory } from '../chaos/support/roster-stack';

/**
 * Abuse limits: request bodies beyond the limit (413) and request rates beyond
 * the per-API-key limit (429 with Retry-After), each refused before anything is
 * written. The per-directory SCIM rate limit is proven in scim/scim-groups.
 */
describe('request size and rate limits', () => {
  const context = useTestContext();
  let stack: RosterStack;
  let directory: TenantDirectory;
  let db: Client;
  const oversized = 'x'.repeat(1024 * 1024 + 1);

  beforeAll(async () => {
    stack = await startRosterStack(context.config({ ROSTER_BOOTSTRAP_API_KEY: BOOTSTRAP_KEY, ROSTER_API_RATE_LIMIT: '3' }), { delivery: true });
    context.onTeardown(() => stack.close());
    db = new Client({ connectionString: context.databaseUrl });
    await db.connect();
    context.onTeardown(() => db.end());
    directory = await stack.createTenantDirectory('Acme');
  });

  const count = async (table: string) => (await db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;

  it('answers 413 to a SCIM body over 1 MiB and to a Bulk of more than 1,000 operations, in the SCIM error shape', async () => {
    const users = await count('directory_users');
    const big = await directory.scim('POST', '/Users', scimUser('big', { title: oversized }));
    expect(big.status).toBe(413);
    const body = await big.json();
    expect(body).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '413' });
    expect(JSON.stringify(body)).not.toMatch(/\n\s+at /);

    const operations = Array.from({ length: 1001 }, (_, n) => ({ method: 'POST', path: '/Users', bulkId: `u${n}`, data: scimUser(`u${n}`) }));
    const bulk = await directory.scim('POST', '/Bulk', { schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'], Operations: operations });
    expect(bulk.status).toBe(413);
    expect(await count('directory_users')).toBe(users);
  });

  it('answers 413 payload_too_large to a /v1 body over 1 MiB on admin and delivery', async () => {
    const tenants = await count('tenants');
    const endpoints = await count('webhook_endpoints');
    for (const [app, path, body] of [
      [stack.admin, '/v1/tenants', { name: oversized }],
      [stack.delivery!, '/v1/webhook-endpoints', { url: `https://example.com/${oversized}` }],
    ] as const) {
      const response = await app.request('POST', path, { token: `${BOOTSTRAP_KEY}`, body });
      expect(response.status).toBe(413);
      expect((await response.json()).error.code).toBe('payload_too_large');
      await new Promise((resolve) => setTimeout(resolve, 1100)); // the rate limit of this file is 3/s
    }
    expect(await count('tenants')).toBe(tenants);
    expect(await count('webhook_endpoints')).toBe(endpoints);
  });

  it('limits /v1 requests per API key with 429 rate_limited and Retry-After, each key on its own', async () => {
    await new Promise((resolve) => setTimeout(resolve, 2100)); // a full bucket: 3/s, bursts of 6
    const created = await stack.api(stack.admin, 'POST', '/v1/api-keys', { name: 'second' });
    expect(created.status).toBe(201);
    const second = (await created.json()).secret as string;

    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let n = 0; n < 12; n++) {
      const response = await stack.admin.request('POST', '/v1/tenants', { token: BOOTSTRAP_KEY, body: { name: `T${n}` } });
      statuses.push(response.status);
      if (response.status === 429) limited ??= response as unknown as Response;
      else await response.arrayBuffer();
    }
    // The bucket holds 6 (minus the key creation above): the rest are refused, whatever the refill meanwhile.
    expect(statuses.filter((status) => status === 201).length).toBeLessThan(8);
    expect(statuses).toContain(429);
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await limited!.json()).toEqual({ error: { code: 'rate_limited', message: expect.stringContaining('retry after') } });
    const tenants = await db.query(`SELECT count(*)::int AS n FROM tenants WHERE name LIKE 'T%'`);
    expect(tenants.rows[0].n).toBe(statuses.filter((status) => status === 201).length);

    // Another key has its own bucket; the delivery app limits the same way.
    expect((await stack.admin.request('GET', '/v1/tenants', { token: second })).status).toBe(200);
    const delivery: number[] = [];
    for (let n = 0; n < 10; n++) delivery.push((await stack.delivery!.request('GET', '/v1/webhook-endpoints', { token: second })).status);
    expect(delivery).toContain(429);
    // An unknown key is a 401, never a 429: the limit never tells a guesser anything.
    expect((await stack.admin.request('GET', '/v1/tenants', { token: 'roster_sk_guess' })).status).toBe(401);
  });
});
