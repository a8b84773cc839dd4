import { type TestResponse, useTestContext } from '@roster/testing';
import { Client } from 'pg';
import { BOOTSTRAP_KEY, PATCH_SCHEMA, type RosterStack, scimUser, startRosterStack, type TenantDirectory } from './support/roster-stack';
import { type RestartableService, sleep, startRestartablePostgres } from './support/restartable-services';

jest.setTimeout(240_000);

const USERS = 150;
const CONCURRENCY = 8;
const DOWN_MS = 3000;

/**
 * Postgres stopped and started again in the middle of a SCIM burst. An IdP that
 * retries what failed (as Okta and Entra do) must converge to the directory it
 * meant, each request must either fully succeed or answer a retryable 503 (never
 * a 500, never a 401 that would make an IdP drop its credentials), and every user
 * row must have exactly the events that describe it.
 */
describe('chaos: Postgres restarted during a SCIM burst', () => {
  const context = useTestContext();
  let postgres: RestartableService;
  let stack: RosterStack;
  let directory: TenantDirectory;
  const statuses = new Map<number, number>();
  const unexpected: string[] = [];

  beforeAll(async () => {
    postgres = await startRestartablePostgres();
    context.onTeardown(() => postgres.dispose());
    stack = await startRosterStack(
      context.config({ DATABASE_URL: postgres.url, ROSTER_BOOTSTRAP_API_KEY: BOOTSTRAP_KEY, DATABASE_POOL_SIZE: '6', LOG_LEVEL: process.env.CHAOS_LOG_LEVEL ?? 'silent' }),
    );
    context.onTeardown(() => stack.close());
    directory = await stack.createTenantDirectory('Acme');
    expect((await directory.scim('GET', '/ServiceProviderConfig')).status).toBe(200); // activated before the burst
  });

  /** One SCIM call as an IdP makes it: a 503 (or a dropped connection) is retried after a pause. */
  async function withRetries(call: () => Promise<TestResponse>, accept: (status: number) => boolean): Promise<TestResponse> {
    for (let attempt = 1; ; attempt++) {
      const response = await call();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (accept(response.status)) return response;
      const text = await response.text();
      if (response.status !== 503) {
        unexpected.push(`${response.status} ${text}`);
        throw new Error(`unexpected ${response.status}: ${text}`);
      }
      expect(JSON.parse(text)).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '503' });
      expect(text).not.toMatch(/\n\s+at |prisma|ECONNREFUSED/i);
      if (attempt > 200) throw new Error('no convergence after 200 attempts');
      await sleep(100);
    }
  }

  /** Creates a user (a 409 after a lost answer means it exists: the IdP looks it up) then PATCHes it. */
  async function provision(userName: string): Promise<string> {
    const created = await withRetries(() => directory.scim('POST', '/Users', scimUser(userName)), (s) => s === 201 || s === 409);
    let id: string;
    if (created.status === 201) id = (await created.json()).id;
    else {
      await created.arrayBuffer();
      const filter = encodeURIComponent(`userName eq "${userName}"`);
      const found = await withRetries(() => directory.scim('GET', `/Users?filter=${filter}`), (s) => s === 200);
      id = (await found.json()).Resources[0].id;
    }
    const patch = { schemas: [PATCH_SCHEMA], Operations: [{ op: 'replace', path: 'title', value: 'Engineer' }] };
    await (await withRetries(() => directory.scim('PATCH', `/Users/${id}`, patch), (s) => s === 200)).arrayBuffer();
    return id;
  }

  it('answers 201/200 or a retryable 503, never half-applies, and a retrying IdP converges', async () => {
    const names = Array.from({ length: USERS }, (_, n) => `user${String(n).padStart(3, '0')}`);
    let done = 0;
    const queue = [...names];
    const ids = new Map<string, string>();
    const workers = Array.from({ length: CONCURRENCY }, async () => {
      for (let name = queue.shift(); name; name = queue.shift()) {
        ids.set(name, await provision(name));
        done += 1;
      }
    });

    // The fault: once a third of the users are in, Postgres goes away for a few seconds.
    while (done < USERS / 3) await sleep(20);
    const stoppedAt = Date.now();
    await postgres.stop();
    await sleep(DOWN_MS);
    await postgres.start();
    const restartedAt = Date.now();
    const doneAtRestart = done;
    let firstSuccessAfter: number | undefined;
    void (async () => {
      while (done === doneAtRestart && Date.now() - restartedAt < 60_000) await sleep(10);
      firstSuccessAfter = Date.now() - restartedAt;
    })();
    await Promise.all(workers);

    expect(unexpected).toEqual([]);
    expect(statuses.get(500)).toBeUndefined();
    expect(statuses.get(503)).toBeGreaterThan(0); // the fault really hit requests

    const db = new Client({ connectionString: postgres.url });
    await db.connect();
    try {
      const users = await db.query('SELECT id, user_name FROM directory_users WHERE directory_id = $1 ORDER BY user_name', [directory.directoryId]);
      expect(users.rows.map((row) => row.user_name)).toEqual(names);
      expect(users.rows.map((row) => row.id)).toEqual(names.map((name) => ids.get(name)));
      // Exactly the events of each user: one created, one updated (a retried PATCH that had applied is a no-op).
      const events = await db.query(
        `SELECT data->>'id' AS id, array_agg(type ORDER BY seq) AS types FROM events
          WHERE directory_id = $1 AND type LIKE 'dsync.user.%' GROUP BY data->>'id'`,
        [directory.directoryId],
      );
      expect(events.rows).toHaveLength(USERS);
      for (const row of events.rows) expect(row.types).toEqual(['dsync.user.created', 'dsync.user.updated']);
      const titles = await db.query(`SELECT count(*)::int AS n FROM directory_users WHERE directory_id = $1 AND attributes->>'title' = 'Engineer'`, [directory.directoryId]);
      expect(titles.rows[0].n).toBe(USERS);
    } finally {
      await db.end();
    }
    process.stdout.write(
      `postgres restart: ${USERS} users (create + patch), Postgres down ${restartedAt - stoppedAt} ms; ` +
        `answers ${JSON.stringify(Object.fromEntries(statuses))}; first success ${firstSuccessAfter ?? 'n/a'} ms after restart\n`,
    );
  });
});
