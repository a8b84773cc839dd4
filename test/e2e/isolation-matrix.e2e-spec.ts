import { type TestResponse, useTestContext } from '@roster/testing';
import { Client } from 'pg';
import { eventually, WebhookReceiver } from './webhooks-support/receiver';
import {
  BOOTSTRAP_KEY,
  GROUP_SCHEMA,
  PATCH_SCHEMA,
  type RosterStack,
  scimUser,
  startRosterStack,
  type TenantDirectory,
} from '../chaos/support/roster-stack';

jest.setTimeout(120_000);

/**
 * Tenant isolation, route by route. The contract's credentials: a SCIM token is
 * scoped to one directory; a portal session to one tenant (portal-pages covers its
 * pages); API keys are operator-level (global, like WorkOS keys per environment),
 * so /v1 isolation is "no other credential opens it" and "a scope filter never
 * returns another scope's rows".
 */
describe('tenant isolation matrix', () => {
  const context = useTestContext();
  let stack: RosterStack;
  let db: Client;
  let acme: Seeded;
  let globex: Seeded;
  let requestsTried = 0;

  interface Seeded extends TenantDirectory {
    userId: string;
    userName: string;
    groupId: string;
    groupName: string;
    endpointId: string;
  }

  async function seed(name: string, receiver: WebhookReceiver): Promise<Seeded> {
    const receiverUrl = await receiver.start();
    context.onTeardown(() => receiver.stop());
    const directory = await stack.createTenantDirectory(name);
    const userName = `${name.toLowerCase()}-person`;
    const user = await (await directory.scim('POST', '/Users', scimUser(userName, { externalId: `${name}-ext` }))).json();
    const groupName = `${name} Engineering`;
    const group = await (
      await directory.scim('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: groupName, members: [{ value: user.id }] })
    ).json();
    const endpoint = await stack.api(stack.delivery!, 'POST', '/v1/webhook-endpoints', { url: receiverUrl, tenant_id: directory.tenantId });
    expect(endpoint.status).toBe(201);
    return { ...directory, userId: user.id, userName, groupId: group.id, groupName, endpointId: (await endpoint.json()).id };
  }

  /** Every identifier and name of a tenant: none of them may appear in an answer given to the other. */
  const marks = (tenant: Seeded) => [tenant.tenantId, tenant.directoryId, tenant.userId, tenant.userName, tenant.groupId, tenant.groupName, tenant.endpointId, tenant.tenantName];

  /** `sent`: what the caller itself put in its requests (an id echoed back in "not found" is no leak). */
  async function expectNothingOf(tenant: Seeded, response: TestResponse, allowed: number[], sent = ''): Promise<string> {
    requestsTried += 1;
    const text = await response.text();
    if (!allowed.includes(response.status)) throw new Error(`${response.status} is not one of ${allowed.join('/')}: ${text}`);
    for (const mark of marks(tenant).filter((mark) => !sent.includes(mark))) expect(text).not.toContain(mark);
    return text;
  }

  const receivers = { Acme: new WebhookReceiver(), Globex: new WebhookReceiver() };

  beforeAll(async () => {
    stack = await startRosterStack(context.config({ ROSTER_BOOTSTRAP_API_KEY: BOOTSTRAP_KEY }), { delivery: true });
    context.onTeardown(() => stack.close());
    db = new Client({ connectionString: context.databaseUrl });
    await db.connect();
    context.onTeardown(() => db.end());
    acme = await seed('Acme', receivers.Acme);
    globex = await seed('Globex', receivers.Globex);
  });

  /** SCIM routes of a directory, with ids to use in them; v1 routes are the same paths under /scim/v1. */
  function scimRoutes(userId: string, groupId: string): [string, string, unknown?][] {
    const patch = { schemas: [PATCH_SCHEMA], Operations: [{ op: 'replace', path: 'active', value: false }] };
    const groupPatch = { schemas: [PATCH_SCHEMA], Operations: [{ op: 'replace', path: 'displayName', value: 'Taken over' }] };
    return [
      ['GET', '/ServiceProviderConfig'],
      ['GET', '/ResourceTypes'],
      ['GET', '/ResourceTypes/User'],
      ['GET', '/Schemas'],
      ['GET', '/Schemas/urn:ietf:params:scim:schemas:core:2.0:User'],
      ['GET', '/Users'],
      ['GET', `/Users?filter=${encodeURIComponent(`id eq "${userId}"`)}`],
      ['POST', '/Users', scimUser('intruder')],
      ['POST', '/Users/.search', { filter: `id eq "${userId}"` }],
      ['GET', `/Users/${userId}`],
      ['PUT', `/Users/${userId}`, scimUser('renamed')],
      ['PATCH', `/Users/${userId}`, patch],
      ['DELETE', `/Users/${userId}`],
      ['GET', '/Groups'],
      ['GET', `/Groups?filter=${encodeURIComponent(`members[value eq "${userId}"]`)}`],
      ['POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Intruders', members: [{ value: userId }] }],
      ['POST', '/Groups/.search', { filter: `id eq "${groupId}"` }],
      ['GET', `/Groups/${groupId}`],
      ['PUT', `/Groups/${groupId}`, { schemas: [GROUP_SCHEMA], displayName: 'Taken over' }],
      ['PATCH', `/Groups/${groupId}`, groupPatch],
      ['DELETE', `/Groups/${groupId}`],
      ['POST', '/.search', { filter: `id eq "${userId}"` }],
      [
        'POST',
        '/Bulk',
        {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],
          Operations: [
            { method: 'PATCH', path: `/Users/${userId}`, data: patch },
            { method: 'DELETE', path: `/Groups/${groupId}` },
          ],
        },
      ],
    ];
  }

  async function stateOf(tenant: Seeded): Promise<unknown> {
    const users = await db.query('SELECT * FROM directory_users WHERE directory_id = $1 ORDER BY id', [tenant.directoryId]);
    const groups = await db.query('SELECT * FROM directory_groups WHERE directory_id = $1 ORDER BY id', [tenant.directoryId]);
    const events = await db.query('SELECT count(*)::int AS n FROM events WHERE directory_id = $1', [tenant.directoryId]);
    return { users: users.rows, groups: groups.rows, events: events.rows[0].n };
  }

  it('SCIM 2.0 and 1.1: another directory\'s token on this directory\'s URL is 401, and no answer carries its data', async () => {
    const before = await stateOf(acme);
    for (const version of ['v2', 'v1']) {
      for (const [method, path, body] of scimRoutes(acme.userId, acme.groupId)) {
        const url = `/scim/${version}/${acme.directoryId}${path}`;
        for (const token of [globex.token, undefined, 'scim_forged', `${acme.token}x`, BOOTSTRAP_KEY]) {
          await expectNothingOf(acme, await stack.ingest.request(method, url, { token, body }), [401]);
        }
      }
    }
    expect(await stateOf(acme)).toEqual(before);
  });

  it('SCIM 2.0 and 1.1: a directory\'s own token with another directory\'s ids finds nothing and changes nothing', async () => {
    const before = await stateOf(acme);
    for (const version of ['v2', 'v1']) {
      for (const [method, path, body] of scimRoutes(acme.userId, acme.groupId)) {
        // POST creates in Globex itself (its right); everything else must miss Acme's ids.
        const response = await stack.ingest.request(method, `/scim/${version}/${globex.directoryId}${path}`, { token: globex.token, body });
        const text = await expectNothingOf(acme, response, [200, 201, 404, 400], `${path} ${JSON.stringify(body)}`);
        if (path.includes('.search') || path.includes('filter=')) expect(JSON.parse(text).totalResults).toBe(0);
        if (path === '/Bulk') {
          const statuses = JSON.parse(text).Operations.map((operation: { status: unknown }) => String(typeof operation.status === 'object' ? (operation.status as { code: unknown }).code : operation.status));
          expect(statuses).toEqual(['404', '404']);
        }
        const isOwnWrite = method === 'POST' && (path === '/Users' || path === '/Groups');
        const isOwnRead = method === 'GET' && !path.includes(acme.userId) && !path.includes(acme.groupId) && !path.includes('filter=');
        if (!isOwnWrite && !isOwnRead && !path.includes('.search') && !path.includes('filter=') && path !== '/Bulk') {
          expect(response.status).toBe(404);
        }
      }
      // Undo this version's creations, so the v1 pass meets the same state as v2.
      const intruders = await db.query(`SELECT id FROM directory_users WHERE directory_id = $1 AND user_name = 'intruder'`, [globex.directoryId]);
      for (const row of intruders.rows) await globex.scim('DELETE', `/Users/${row.id}`);
      const groups = await (await globex.scim('GET', `/Groups?filter=${encodeURIComponent('displayName eq "Intruders"')}`)).json();
      for (const group of groups.Resources ?? []) await globex.scim('DELETE', `/Groups/${group.id}`);
    }
    expect(await stateOf(acme)).toEqual(before);
    // A group in Globex cannot take Acme's user as a member.
    const memberships = await db.query(
      'SELECT count(*)::int AS n FROM group_memberships m JOIN directory_groups g ON g.id = m.group_id WHERE g.directory_id = $1 AND m.user_id = $2',
      [globex.directoryId, acme.userId],
    );
    expect(memberships.rows[0].n).toBe(0);
  });

  /** Every /v1 route of admin and delivery, with the ids of Acme. */
  function v1Routes(tenant: Seeded): [keyof Pick<RosterStack, 'admin' | 'delivery'>, string, string, unknown?][] {
    return [
      ['admin', 'POST', '/v1/tenants', { name: 'X' }],
      ['admin', 'GET', '/v1/tenants'],
      ['admin', 'GET', `/v1/tenants/${tenant.tenantId}`],
      ['admin', 'PATCH', `/v1/tenants/${tenant.tenantId}`, { name: 'Taken over' }],
      ['admin', 'DELETE', `/v1/tenants/${tenant.tenantId}`],
      ['admin', 'POST', `/v1/tenants/${tenant.tenantId}/directories`, { name: 'X', provider: 'okta' }],
      ['admin', 'GET', `/v1/directories?tenant_id=${tenant.tenantId}`],
      ['admin', 'GET', `/v1/directories/${tenant.directoryId}`],
      ['admin', 'PATCH', `/v1/directories/${tenant.directoryId}`, { name: 'Taken over' }],
      ['admin', 'POST', `/v1/directories/${tenant.directoryId}/token`, {}],
      ['admin', 'DELETE', `/v1/directories/${tenant.directoryId}`],
      ['admin', 'GET', `/v1/directories/${tenant.directoryId}/scim-requests`],
      ['admin', 'GET', `/v1/directory-users?directory_id=${tenant.directoryId}`],
      ['admin', 'GET', `/v1/directory-users/${tenant.userId}`],
      ['admin', 'GET', `/v1/directory-groups?directory_id=${tenant.directoryId}`],
      ['admin', 'GET', `/v1/directory-groups/${tenant.groupId}`],
      ['admin', 'POST', '/v1/portal-links', { tenant_id: tenant.tenantId }],
      ['admin', 'POST', '/v1/api-keys', { name: 'X' }],
      ['admin', 'GET', '/v1/api-keys'],
      ['admin', 'DELETE', '/v1/api-keys/api_key_01jz0000000000000000000000'],
      ['admin', 'GET', '/v1/roles'],
      ['admin', 'PUT', '/v1/roles', [{ slug: 'x', name: 'X' }]],
      ['admin', 'GET', '/v1/audit-log'],
      ['delivery', 'GET', `/v1/events?directory_id=${tenant.directoryId}`],
      ['delivery', 'GET', `/v1/events?tenant_id=${tenant.tenantId}&wait=1`],
      ['delivery', 'POST', '/v1/webhook-endpoints', { url: 'https://example.com/hook', tenant_id: tenant.tenantId }],
      ['delivery', 'GET', '/v1/webhook-endpoints'],
      ['delivery', 'GET', `/v1/webhook-endpoints/${tenant.endpointId}`],
      ['delivery', 'PATCH', `/v1/webhook-endpoints/${tenant.endpointId}`, { url: 'https://evil.example/hook' }],
      ['delivery', 'DELETE', `/v1/webhook-endpoints/${tenant.endpointId}`],
      ['delivery', 'POST', `/v1/webhook-endpoints/${tenant.endpointId}/rotate-secret`, {}],
      ['delivery', 'GET', `/v1/webhook-endpoints/${tenant.endpointId}/deliveries`],
      ['delivery', 'POST', `/v1/webhook-endpoints/${tenant.endpointId}/replay`, {}],
      ['delivery', 'POST', `/v1/webhook-endpoints/${tenant.endpointId}/test`, {}],
      ['delivery', 'GET', `/v1/directories/${tenant.directoryId}/sync`],
      ['delivery', 'POST', `/v1/directories/${tenant.directoryId}/sync`, {}],
    ];
  }

  const snapshot = async () => ({
    acme: await stateOf(acme),
    tenants: (await db.query('SELECT * FROM tenants ORDER BY id')).rows,
    endpoints: (await db.query('SELECT * FROM webhook_endpoints ORDER BY id')).rows,
    apiKeys: (await db.query('SELECT * FROM api_keys ORDER BY id')).rows,
  });

  it('/v1 on admin and delivery: no credential but an API key opens any route, and refusals carry no data', async () => {
    const portalLink = (await (await stack.api(stack.admin, 'POST', '/v1/portal-links', { tenant_id: acme.tenantId })).json()).link as string;
    const portalToken = new URL(portalLink).searchParams.get('token')!;
    const whsec = (await (await stack.api(stack.delivery!, 'POST', `/v1/webhook-endpoints/${globex.endpointId}/rotate-secret`, {})).json()).secret as string;
    const revoked = await (await stack.api(stack.admin, 'POST', '/v1/api-keys', { name: 'revoked' })).json();
    expect((await stack.api(stack.admin, 'DELETE', `/v1/api-keys/${revoked.id}`)).status).toBeLessThan(300);
    const auditBefore = await db.query('SELECT count(*)::int AS n FROM audit_log');
    const before = await snapshot();

    const credentials: Record<string, string>[] = [
      {},
      { authorization: `Bearer ${acme.token}` },
      { authorization: `Bearer ${globex.token}` },
      { authorization: `Bearer ${portalToken}` },
      { authorization: `Bearer ${whsec}` },
      { authorization: `Bearer ${revoked.secret ?? revoked.key ?? revoked.api_key}` },
      { authorization: `Basic ${Buffer.from(`x:${BOOTSTRAP_KEY}`).toString('base64')}` },
      { authorization: `Bearer ${BOOTSTRAP_KEY.slice(0, -1)}` },
      { authorization: BOOTSTRAP_KEY },
      { cookie: `roster_portal=${portalToken}` },
    ];
    for (const [app, method, path, body] of v1Routes(acme)) {
      for (const headers of credentials) {
        const response = await stack[app]!.request(method, path, { body, headers });
        const text = await expectNothingOf(acme, response, [401]);
        expect(JSON.parse(text).error.code).toBe('unauthorized');
      }
    }
    expect(await snapshot()).toEqual(before);
    expect((await db.query('SELECT count(*)::int AS n FROM audit_log')).rows).toEqual(auditBefore.rows);
  });

  it('/v1 scope filters never return another tenant\'s rows, whatever ids are mixed in', async () => {
    const reads: [keyof Pick<RosterStack, 'admin' | 'delivery'>, string, number[]][] = [
      ['admin', `/v1/directories?tenant_id=${globex.tenantId}`, [200]],
      ['admin', `/v1/directory-users?directory_id=${globex.directoryId}`, [200]],
      ['admin', `/v1/directory-users?directory_id=${globex.directoryId}&group_id=${acme.groupId}`, [200, 400, 404]],
      ['admin', `/v1/directory-users?group_id=${globex.groupId}`, [200]],
      ['admin', `/v1/directory-groups?directory_id=${globex.directoryId}`, [200]],
      ['admin', `/v1/directory-groups?directory_id=${globex.directoryId}&user_id=${acme.userId}`, [200, 400, 404]],
      ['admin', `/v1/directory-groups?user_id=${globex.userId}`, [200]],
      ['admin', `/v1/directories/${globex.directoryId}/scim-requests`, [200]],
      ['delivery', `/v1/events?directory_id=${globex.directoryId}&limit=1000`, [200]],
      ['delivery', `/v1/events?tenant_id=${globex.tenantId}&limit=1000`, [200]],
      ['delivery', `/v1/events?tenant_id=${globex.tenantId}&directory_id=${acme.directoryId}`, [200, 400]],
      ['delivery', `/v1/events?tenant_id=${acme.tenantId}&directory_id=${globex.directoryId}`, [200, 400]],
    ];
    for (const [app, path, allowed] of reads) {
      // Globex's own SCIM request log holds the Acme ids Globex probed with in the test above.
      const sent = path.includes('scim-requests') ? `${acme.userId} ${acme.groupId}` : path;
      const text = await expectNothingOf(acme, await stack.api(stack[app]!, 'GET', path), allowed, sent);
      const body = JSON.parse(text);
      if ([acme.tenantId, acme.directoryId, acme.groupId, acme.userId].some((id) => path.includes(id))) {
        if (body.data) expect(body.data).toEqual([]);
      } else {
        expect(body.data.length).toBeGreaterThan(0);
      }
    }
  });

  it('a webhook endpoint scoped to a tenant only ever gets that tenant\'s events', async () => {
    const since = (await db.query('SELECT max(created_at) AS t FROM webhook_endpoints')).rows[0].t;
    for (const tenant of [acme, globex]) {
      const patched = await tenant.scim('PATCH', `/Users/${tenant.userId}`, { schemas: [PATCH_SCHEMA], Operations: [{ op: 'replace', path: 'title', value: 'Boss' }] });
      expect(patched.status).toBe(200);
    }
    for (const tenant of [acme, globex]) {
      const receiver = receivers[tenant.tenantName as keyof typeof receivers];
      const expected = await db.query('SELECT id FROM events WHERE tenant_id = $1 AND created_at > $2', [tenant.tenantId, since]);
      expect(expected.rows.length).toBeGreaterThan(0);
      await eventually(() => expect(new Set(receiver.eventIds())).toEqual(new Set(expected.rows.map((row) => row.id))), 30_000);
      const other = tenant === acme ? globex : acme;
      for (const { body } of receiver.received) for (const mark of marks(other)) expect(body).not.toContain(mark);
      const deliveries = await stack.api(stack.delivery!, 'GET', `/v1/webhook-endpoints/${tenant.endpointId}/deliveries?limit=100`);
      await expectNothingOf(other, deliveries, [200]);
    }
    const crossed = await db.query(
      'SELECT count(*)::int AS n FROM webhook_deliveries d JOIN events e ON e.id = d.event_id JOIN webhook_endpoints w ON w.id = d.endpoint_id WHERE e.tenant_id <> w.tenant_id',
    );
    expect(crossed.rows[0].n).toBe(0);
  });

  afterAll(() => {
    // Counted for docs/security.md.
    process.stdout.write(`isolation matrix: ${requestsTried} cross-tenant requests tried\n`);
  });
});
