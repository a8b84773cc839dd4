import { type TestResponse, useTestContext } from '@roster/testing';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { eventually } from '../e2e/webhooks-support/receiver';
import { OutageReceiver } from './support/outage-receiver';
import { type RestartableService, sleep, startRestartableRedis } from './support/restartable-services';
import {
  BOOTSTRAP_KEY,
  type RosterStack,
  scimUser,
  startRosterStack,
  type TenantDirectory,
} from './support/roster-stack';

jest.setTimeout(300_000);

/** How long Redis stays down (the issue asks for 60 s; CHAOS_REDIS_DOWN_MS shortens or lengthens it). */
const REDIS_DOWN_MS = Number(process.env.CHAOS_REDIS_DOWN_MS ?? 60_000);

async function expectCreated(response: TestResponse): Promise<string> {
  const text = await response.text();
  if (response.status !== 201) throw new Error(`expected 201, got ${response.status}: ${text}`);
  return JSON.parse(text).id;
}

describe('chaos: webhooks through Redis and receiver outages', () => {
  const context = useTestContext();
  let db: Client;

  beforeAll(async () => {
    db = new Client({ connectionString: context.databaseUrl });
    await db.connect();
    context.onTeardown(() => db.end());
  });

  const eventIdsOf = async (directoryId: string) =>
    (await db.query('SELECT id FROM events WHERE directory_id = $1 ORDER BY seq', [directoryId])).rows.map(
      (row) => row.id as string,
    );
  const undispatchedEvents = async () =>
    Number((await db.query('SELECT count(*) FROM events WHERE dispatched_at IS NULL')).rows[0].count);
  const uniqueReceived = (receiver: OutageReceiver) => new Set(receiver.received.map((event) => event.id)).size;

  /** Closes the stack, failing if it takes longer than `limitMs` (it used to hang for good after a long Redis outage). */
  const closeWithin = async (stack: RosterStack, limitMs: number): Promise<number> => {
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const tooLong = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`shutdown took longer than ${limitMs} ms`)), limitMs);
    });
    await Promise.race([stack.close(), tooLong]).finally(() => clearTimeout(timer));
    return Date.now() - started;
  };

  it(`Redis stopped for ${REDIS_DOWN_MS / 1000} s during traffic: SCIM keeps answering 201, webhooks resume, nothing lost, order kept`, async () => {
    const redis: RestartableService = await startRestartableRedis();
    context.onTeardown(() => redis.dispose());
    const stack: RosterStack = await startRosterStack(
      context.config({
        REDIS_URL: redis.url,
        ROSTER_BOOTSTRAP_API_KEY: BOOTSTRAP_KEY,
        ROSTER_WEBHOOK_RETRY_SCHEDULE: '200ms,500ms,1s,2s',
      }),
      { delivery: true },
    );
    context.onTeardown(() => stack.close());
    const receiver = new OutageReceiver();
    context.onTeardown(() => receiver.down());
    const url = await receiver.up();
    expect((await stack.api(stack.delivery!, 'POST', '/v1/webhook-endpoints', { url })).status).toBe(201);
    const directories: TenantDirectory[] = [
      await stack.createTenantDirectory('Acme'),
      await stack.createTenantDirectory('Globex'),
    ];

    const provision = async (prefix: string, count: number) => {
      for (let n = 0; n < count; n++) {
        await Promise.all(
          directories.map(async (directory) =>
            expectCreated(await directory.scim('POST', '/Users', scimUser(`${prefix}${n}`))),
          ),
        );
      }
    };
    await provision('before', 10);
    await redis.stop();
    const stoppedAt = Date.now();
    // SCIM traffic all through the outage: every write commits (Redis holds no SCIM state).
    let during = 0;
    while (Date.now() - stoppedAt < REDIS_DOWN_MS) {
      await provision(`during${during}-`, 1);
      during += 1;
      await sleep(Math.min(1000, REDIS_DOWN_MS / 20));
    }
    const eventsApi = await stack.api(
      stack.delivery!,
      'GET',
      `/v1/events?directory_id=${directories[0]!.directoryId}&limit=1000`,
    );
    expect(eventsApi.status).toBe(200); // the Events API reads Postgres only
    // A figure only: while Redis is away only the sweep fans out, and it skips a directory written to in its last second.
    const deliveredDuring = uniqueReceived(receiver);
    await redis.start();
    const restartedAt = Date.now();
    await provision('after', 5);

    const expected = new Map<string, string[]>();
    for (const directory of directories) expected.set(directory.directoryId, await eventIdsOf(directory.directoryId));
    const total = [...expected.values()].reduce((sum, ids) => sum + ids.length, 0);
    await eventually(() => expect(uniqueReceived(receiver)).toBe(total), 120_000);
    const resumedIn = Date.now() - restartedAt;
    for (const [directoryId, ids] of expected) expect(receiver.firstArrivals().get(directoryId)).toEqual(ids);
    const lost = total - uniqueReceived(receiver);
    // The queue path recovers too: the relay gets every event into the fan-out queue.
    await eventually(async () => expect(await undispatchedEvents()).toBe(0), 30_000);
    const relayedIn = Date.now() - restartedAt;
    // Its relay and workers would otherwise serve the next test's endpoint too.
    const closedIn = await closeWithin(stack, 15_000);
    process.stdout.write(
      `redis outage: down ${restartedAt - stoppedAt} ms, ${during * directories.length} SCIM creates during it (all 201), ` +
        `${total} events, ${deliveredDuring} delivered during it, all delivered ${resumedIn} ms after Redis came back, ` +
        `all relayed to the queue ${relayedIn} ms after, ${lost} lost, ${receiver.received.length - total} duplicates; ` +
        `delivery app shut down in ${closedIn} ms\n`,
    );
  });

  it('the delivery app shuts down within seconds while Redis is down, and leaves no connection behind', async () => {
    const redis: RestartableService = await startRestartableRedis();
    context.onTeardown(() => redis.dispose());
    const stack: RosterStack = await startRosterStack(
      context.config({
        REDIS_URL: redis.url,
        ROSTER_BOOTSTRAP_API_KEY: BOOTSTRAP_KEY,
        ROSTER_REDIS_PREFIX: `${context.redisPrefix}_shutdown`,
      }),
      { delivery: true },
    );
    context.onTeardown(() => stack.close());
    const receiver = new OutageReceiver();
    context.onTeardown(() => receiver.down());
    expect(
      (await stack.api(stack.delivery!, 'POST', '/v1/webhook-endpoints', { url: await receiver.up() })).status,
    ).toBe(201);
    const directory = await stack.createTenantDirectory('Hooli');
    await expectCreated(await directory.scim('POST', '/Users', scimUser('before')));
    const events = await eventIdsOf(directory.directoryId);
    await eventually(() => expect(uniqueReceived(receiver)).toBe(events.length), 30_000);

    await redis.stop();
    await sleep(3_000); // every connection is now between two reconnection attempts
    // Gracefully where Redis comes back within the grace (5 s), outright otherwise: never the hang of old.
    const closedIn = await closeWithin(stack, 15_000);

    // Nothing of the app reconnects to a Redis that comes back after it closed.
    await redis.start();
    const probe = new Redis(redis.url);
    context.onTeardown(() => probe.quit().then(() => undefined));
    await sleep(3_000);
    const clients = String(await probe.client('LIST'))
      .split('\n')
      .filter((line) => line.trim() !== '');
    expect(clients).toHaveLength(1); // the probe itself
    process.stdout.write(`shutdown during a Redis outage: ${closedIn} ms, no connection left behind\n`);
  });

  it('a receiver down through most of a shortened retry schedule gets everything, in order, when it returns', async () => {
    const stack: RosterStack = await startRosterStack(
      context.config({
        ROSTER_BOOTSTRAP_API_KEY: BOOTSTRAP_KEY,
        ROSTER_WEBHOOK_RETRY_SCHEDULE: '1s,1s,2s,2s',
        ROSTER_REDIS_PREFIX: `${context.redisPrefix}_down`,
      }),
      { delivery: true },
    );
    context.onTeardown(() => stack.close());
    const receiver = new OutageReceiver();
    context.onTeardown(() => receiver.down());
    const url = await receiver.up();
    const endpoint = await (await stack.api(stack.delivery!, 'POST', '/v1/webhook-endpoints', { url })).json();
    await receiver.down();
    const directory = await stack.createTenantDirectory('Initech');
    for (let n = 0; n < 3; n++) await expectCreated(await directory.scim('POST', '/Users', scimUser(`u${n}`)));

    // Down (connection refused) until four of the five attempts of the lane's first event have failed.
    const firstAttempts = async () =>
      (
        await db.query(
          'SELECT attempt_count, status FROM webhook_deliveries WHERE endpoint_id = $1 AND directory_id = $2 ORDER BY event_seq LIMIT 1',
          [endpoint.id, directory.directoryId],
        )
      ).rows[0] ?? { attempt_count: 0, status: 'none' };
    const downSince = Date.now();
    await eventually(async () => expect((await firstAttempts()).attempt_count).toBe(4), 60_000);
    expect((await firstAttempts()).status).toBe('pending');
    const downFor = Date.now() - downSince;
    await receiver.up();

    const expected = await eventIdsOf(directory.directoryId);
    await eventually(() => expect(receiver.firstArrivals().get(directory.directoryId)).toEqual(expected), 30_000);
    const deliveries = await db.query(
      'SELECT status, attempt_count FROM webhook_deliveries WHERE endpoint_id = $1 AND directory_id = $2 ORDER BY event_seq',
      [endpoint.id, directory.directoryId],
    );
    expect(deliveries.rows.map((row) => row.status)).toEqual(expected.map(() => 'succeeded'));
    expect(deliveries.rows[0].attempt_count).toBe(5);
    const state = await (await stack.api(stack.delivery!, 'GET', `/v1/webhook-endpoints/${endpoint.id}`)).json();
    expect(state.state ?? 'enabled').toBe('enabled');
    process.stdout.write(
      `receiver outage: down ${downFor} ms through 4 of 5 attempts (schedule 1s,1s,2s,2s); ${expected.length} events delivered on the last attempt, in order\n`,
    );
  });
});
