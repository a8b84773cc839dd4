import { type RunningApp, startApp, useTestContext } from '@roster/testing';
import { Client } from 'pg';
import { createAdminApp } from '../../apps/admin/src/admin-app';
import { seedDirectory } from './support/directory-seed';
import { PortalClient, testIdText } from './support/portal-browser';

const BOOTSTRAP_KEY = 'test-bootstrap-key-0123456789';
const USERS = 10_000;

// Correctness at the size the portal is built for: 10,000 users, 20,000
// memberships, 5,000 logged requests. Latency is measured in bench/, not here.
describe('portal and reads on a 10,000-user directory', () => {
  const context = useTestContext();
  let admin: RunningApp;
  let db: Client;
  let client: PortalClient;
  let directoryId: string;
  let groupId: string;

  beforeAll(async () => {
    admin = await startApp(createAdminApp, context.config({ ROSTER_BOOTSTRAP_API_KEY: BOOTSTRAP_KEY }));
    context.onTeardown(() => admin.close());
    db = new Client({ connectionString: context.databaseUrl });
    await db.connect();
    context.onTeardown(() => db.end());
    const fixture = await seedDirectory(db, { users: [], groups: [] });
    directoryId = fixture.directoryId;
    await db.query(
      `INSERT INTO directory_users (id, directory_id, tenant_id, user_name, email, attributes, removed_at)
       SELECT 'directory_user_' || lpad(n::text, 26, '0'), $1, $2, 'user' || n, 'user' || n || '@big.test',
              jsonb_build_object('userName', 'user' || n, 'title', 'Title ' || (n % 50),
                'emails', jsonb_build_array(jsonb_build_object('value', 'user' || n || '@big.test', 'type', 'work', 'primary', true)),
                'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', jsonb_build_object('costCenter', 'CC' || (n % 7))),
              CASE WHEN n > $3 THEN now() END
         FROM generate_series(1, $3 + 25) AS n`,
      [directoryId, fixture.tenantId, USERS],
    );
    await db.query(
      `INSERT INTO directory_groups (id, directory_id, tenant_id, display_name)
       SELECT 'directory_group_' || lpad(n::text, 26, '0'), $1, $2, 'Group ' || n FROM generate_series(1, 200) AS n`,
      [directoryId, fixture.tenantId],
    );
    await db.query(
      `INSERT INTO group_memberships (group_id, user_id, directory_id)
       SELECT 'directory_group_' || lpad((1 + n % 200)::text, 26, '0'), 'directory_user_' || lpad(n::text, 26, '0'), $1
         FROM generate_series(1, $2) AS n
       UNION ALL
       SELECT 'directory_group_' || lpad('1', 26, '0'), 'directory_user_' || lpad(n::text, 26, '0'), $1
         FROM generate_series(1, $2) AS n WHERE 1 + n % 200 <> 1`,
      [directoryId, USERS],
    );
    await db.query(
      `INSERT INTO scim_requests (directory_id, method, path, status, duration_ms, client, error_detail)
       SELECT $1, 'PATCH', '/Users/' || n, CASE WHEN n % 50 = 0 THEN 400 ELSE 204 END, 3, 'okta',
              CASE WHEN n % 50 = 0 THEN 'failure ' || n END
         FROM generate_series(1, 5000) AS n`,
      [directoryId],
    );
    await db.query('ANALYZE');
    groupId = `directory_group_${'1'.padStart(26, '0')}`;
    const link = await (await admin.request('POST', '/v1/portal-links', { token: BOOTSTRAP_KEY, body: { tenant_id: fixture.tenantId } })).json();
    client = new PortalClient(admin.url);
    await client.open(link.link);
  });

  it('serves every portal page with SQL counts', async () => {
    const base = `/portal/directories/${directoryId}`;
    const overview = await client.get(base);
    expect(overview.status).toBe(200);
    expect(testIdText(overview, 'user-count')).toBe('10,000');
    expect(testIdText(overview, 'group-count')).toBe('200');
    const failures = await client.get(`${base}/requests?status=failed`);
    expect(failures.status).toBe(200);
    expect(failures.text).toContain('failure 5000');
    expect(failures.text).toContain('Older');
    const attributes = await client.get(`${base}/attributes`);
    expect(attributes.status).toBe(200);
    expect(attributes.text).toContain('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:costCenter');
    await admin.request('PUT', '/v1/roles', { token: BOOTSTRAP_KEY, body: [{ slug: 'member', name: 'Member' }] });
    const roles = await client.get(`${base}/roles`);
    expect(roles.status).toBe(200);
    expect(roles.text).toContain('search to find others');
    for (const path of [`${base}/settings`, '/portal/activity']) expect((await client.get(path)).status).toBe(200);
  });

  it('pages a 10,000-member group through the API with each user\'s groups', async () => {
    let after: string | null = null;
    let seen = 0;
    let pages = 0;
    do {
      const query: string = `/v1/directory-users?group_id=${groupId}&limit=100${after ? `&after=${after}` : ''}`;
      const response = await admin.request('GET', query, { token: BOOTSTRAP_KEY });
      const body = await response.json();
      expect(response.status).toBe(200);
      for (const user of body.data) expect(user.groups.map((group: { id: string }) => group.id)).toContain(groupId);
      seen += body.data.length;
      after = body.list_metadata.after;
      pages += 1;
    } while (after && pages < 200);
    expect(seen).toBe(USERS);
  }, 60_000);

  it('plans the page and count queries on indexes', async () => {
    const explain = async (sql: string, params: unknown[]) =>
      (await db.query(`EXPLAIN ${sql}`, params)).rows.map((row) => row['QUERY PLAN']).join('\n');
    const members = await explain(
      `SELECT m.user_id FROM group_memberships m JOIN directory_users u ON u.id = m.user_id
        WHERE m.group_id = $1 AND u.removed_at IS NULL AND m.user_id > $2 ORDER BY m.user_id LIMIT 101`,
      [groupId, 'directory_user_'],
    );
    expect(members).toMatch(/Index (Only )?Scan using group_memberships_pkey/);
    expect(members).not.toMatch(/Seq Scan/);
    const failures = await explain(
      'SELECT * FROM scim_requests WHERE directory_id = $1 AND status >= 400 ORDER BY id DESC LIMIT 51',
      [directoryId],
    );
    expect(failures).toMatch(/Index/);
  });
});
