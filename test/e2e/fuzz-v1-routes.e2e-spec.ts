import { type RunningApp, useTestContext } from '@roster/testing';
import fc from 'fast-check';
import { Client } from 'pg';
import { BOOTSTRAP_KEY, type RosterStack, startRosterStack } from '../chaos/support/roster-stack';

jest.setTimeout(180_000);

const RUNS = 40;

/**
 * Hostile input on every /v1 route of admin and delivery: random JSON bodies,
 * raw bytes, query strings and headers. Never a 500, never a stack trace, always
 * the CONTRACT error shape, and a refused request changes nothing.
 */
describe('fuzzing the /v1 routes', () => {
  const context = useTestContext();
  let stack: RosterStack;
  let db: Client;
  let ids: { tenant: string; directory: string; endpoint: string };
  let tried = 0;
  const statuses: Record<number, number> = {};

  beforeAll(async () => {
    stack = await startRosterStack(context.config({ ROSTER_BOOTSTRAP_API_KEY: BOOTSTRAP_KEY, ROSTER_API_RATE_LIMIT: '100000' }), { delivery: true });
    context.onTeardown(() => stack.close());
    db = new Client({ connectionString: context.databaseUrl });
    await db.connect();
    context.onTeardown(() => db.end());
    const directory = await stack.createTenantDirectory('Acme');
    const endpoint = await (await stack.api(stack.delivery!, 'POST', '/v1/webhook-endpoints', { url: 'https://example.com/hook' })).json();
    ids = { tenant: directory.tenantId, directory: directory.directoryId, endpoint: endpoint.id };
  });

  const routes = (): [RunningApp, string, string][] => [
    [stack.admin, 'POST', '/v1/tenants'],
    [stack.admin, 'GET', '/v1/tenants'],
    [stack.admin, 'PATCH', `/v1/tenants/${ids.tenant}`],
    [stack.admin, 'POST', `/v1/tenants/${ids.tenant}/directories`],
    [stack.admin, 'GET', '/v1/directories'],
    [stack.admin, 'PATCH', `/v1/directories/${ids.directory}`],
    [stack.admin, 'GET', `/v1/directories/${ids.directory}/scim-requests`],
    [stack.admin, 'GET', '/v1/directory-users'],
    [stack.admin, 'GET', '/v1/directory-groups'],
    [stack.admin, 'POST', '/v1/portal-links'],
    [stack.admin, 'POST', '/v1/api-keys'],
    [stack.admin, 'GET', '/v1/api-keys'],
    [stack.admin, 'PUT', '/v1/roles'],
    [stack.admin, 'GET', '/v1/audit-log'],
    [stack.delivery!, 'GET', '/v1/events'],
    [stack.delivery!, 'POST', '/v1/webhook-endpoints'],
    [stack.delivery!, 'GET', '/v1/webhook-endpoints'],
    [stack.delivery!, 'PATCH', `/v1/webhook-endpoints/${ids.endpoint}`],
    [stack.delivery!, 'GET', `/v1/webhook-endpoints/${ids.endpoint}/deliveries`],
    [stack.delivery!, 'POST', `/v1/webhook-endpoints/${ids.endpoint}/replay`],
    [stack.delivery!, 'POST', `/v1/directories/${ids.directory}/sync`],
  ];

  /** Keys the routes really read, so the fuzzer gets past "unknown field" into the validators. */
  const key = fc.constantFrom('name', 'external_id', 'domains', 'provider', 'deprovisioning', 'attribute_mapping', 'role_mapping', 'state', 'provider_config', 'tenant_id', 'directory_id', 'return_url', 'url', 'events', 'after', 'since', 'slug', 'grace_seconds', '__proto__', 'constructor');
  const body = fc.oneof(
    fc.dictionary(key, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 }),
    fc.jsonValue({ maxDepth: 3 }),
    fc.array(fc.record({ slug: fc.string(), name: fc.jsonValue({ maxDepth: 1 }) }), { maxLength: 3 }),
  );
  const queryKey = fc.constantFrom('limit', 'after', 'before', 'tenant_id', 'directory_id', 'group_id', 'user_id', 'types', 'wait', 'range_start', 'status', 'order');
  const query = fc
    .array(fc.tuple(queryKey, fc.oneof(fc.string({ maxLength: 20 }), fc.integer().map(String), fc.constantFrom('now', '-1', '1e309', 'NaN', '%', '%00', '[]'))), { maxLength: 4 })
    .map((pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&'));
  const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'application/scim+json', '');
  const raw = fc.oneof(body.map((value) => JSON.stringify(value)), fc.string({ maxLength: 60 }), fc.constantFrom('{', '{"name":', 'null', '[]', '{"__proto__":{"x":1}}'));

  const snapshot = async () =>
    (
      await db.query(
        `SELECT (SELECT count(*) FROM tenants) AS tenants, (SELECT count(*) FROM directories) AS directories,
                (SELECT count(*) FROM webhook_endpoints) AS endpoints, (SELECT count(*) FROM api_keys) AS keys,
                (SELECT count(*) FROM portal_sessions) AS portal, (SELECT count(*) FROM audit_log) AS audit,
                (SELECT count(*) FROM events) AS events,
                (SELECT md5(string_agg(row_to_json(t)::text, '' ORDER BY id)) FROM tenants t) AS tenant_rows,
                (SELECT md5(string_agg(row_to_json(d)::text, '' ORDER BY id)) FROM directories d) AS directory_rows,
                (SELECT md5(string_agg(row_to_json(w)::text, '' ORDER BY id)) FROM webhook_endpoints w) AS endpoint_rows`,
      )
    ).rows[0];

  it('never answers 500 or a stack trace, always the error shape, and a refused request changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: routes().length - 1 }),
        query,
        raw,
        contentType,
        fc.dictionary(fc.constantFrom('x-request-id', 'accept', 'if-match', 'content-encoding', 'x-forwarded-for', 'origin'), fc.string({ maxLength: 30 }).filter((v) => /^[\x20-\x7e]*$/.test(v)), { maxKeys: 3 }),
        async (index, search, payload, type, headers) => {
          const [app, method, path] = routes()[index]!;
          const before = await snapshot();
          const response = await fetch(`${app.url}${path}${search ? `?${search}` : ''}`, {
            method,
            headers: { authorization: `Bearer ${BOOTSTRAP_KEY}`, ...headers, ...(method === 'GET' || !type ? {} : { 'content-type': type }) },
            body: method === 'GET' ? undefined : payload,
          });
          tried += 1;
          statuses[response.status] = (statuses[response.status] ?? 0) + 1;
          const text = await response.text();
          expect(response.status).toBeLessThan(500);
          expect(text).not.toMatch(/\n\s+at |node_modules|Prisma|TypeError|ReferenceError/);
          if (response.status >= 400) {
            expect(JSON.parse(text)).toEqual({ error: expect.objectContaining({ code: expect.stringMatching(/^[a-z_]+$/), message: expect.any(String) }) });
            expect(await snapshot()).toEqual(before);
          }
        },
      ),
      { numRuns: RUNS * routes().length, endOnFailure: true },
    );
    process.stdout.write(`/v1 fuzzing: ${tried} requests over ${routes().length} routes, answers ${JSON.stringify(statuses)}\n`);
  });
});
