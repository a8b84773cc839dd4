import { type RunningApp, startApp, useTestContext } from '@roster/testing';
import { Webhook } from 'standardwebhooks';
import { createWebhookApp, publishEvents } from './webhooks-support/delivery-harness';
import { eventually, WebhookReceiver } from './webhooks-support/receiver';

jest.setTimeout(30_000);

const BOOTSTRAP_KEY = 'test-bootstrap-key-0123456789';
// Six attempts about 200 ms apart: the whole schedule runs in about a second.
const SCHEDULE = '200ms,200ms,200ms,200ms,200ms';

describe('webhook delivery: ordered per (endpoint, directory), at least once', () => {
  const context = useTestContext();
  let app: RunningApp;
  const receivers: WebhookReceiver[] = [];

  beforeAll(async () => {
    const config = context.config({ ROSTER_BOOTSTRAP_API_KEY: BOOTSTRAP_KEY, ROSTER_WEBHOOK_RETRY_SCHEDULE: SCHEDULE });
    app = await startApp(createWebhookApp({ timeoutMs: 1000, sweepIntervalMs: 300 }), config);
    context.onTeardown(() => app.close());
    context.onTeardown(() => Promise.all(receivers.map((receiver) => receiver.stop())));
  });

  const call = (method: string, path: string, body?: unknown) => app.request(method, path, { token: BOOTSTRAP_KEY, body });

  async function receiver(answer?: WebhookReceiver['answer']): Promise<{ receiver: WebhookReceiver; url: string }> {
    const created = new WebhookReceiver(answer);
    receivers.push(created);
    return { receiver: created, url: await created.start() };
  }

  async function endpoint(url: string, extra: Record<string, unknown> = {}): Promise<{ id: string; secret: string }> {
    const response = await call('POST', '/v1/webhook-endpoints', { url, ...extra });
    expect(response.status).toBe(201);
    return response.json();
  }

  async function deliveries(endpointId: string, query = ''): Promise<any[]> {
    const response = await call('GET', `/v1/webhook-endpoints/${endpointId}/deliveries?limit=100&order=asc${query}`);
    expect(response.status).toBe(200);
    return (await response.json()).data;
  }

  let directoryCount = 0;
  const directory = () => ({ tenantId: 'tenant_test', directoryId: `directory_test${++directoryCount}` });

  it('retries a failing receiver and holds back later events of the directory until it succeeds', async () => {
    const failures = 3;
    const { receiver: target, url } = await receiver((_received, n, response) =>
      response.writeHead(n <= failures ? 500 : 200).end(n <= failures ? `failure ${n}` : 'ok'),
    );
    const { id, secret } = await endpoint(url);
    const events = await publishEvents(app.app, directory(), 3);

    await eventually(() => expect(target.eventIds()).toHaveLength(failures + 3));
    const [first, second, third] = events.map((event) => event.id);
    expect(target.eventIds()).toEqual([first, first, first, first, second, third]);

    const listed = await deliveries(id);
    const head = listed.find((delivery) => delivery.event_id === first);
    expect(head).toMatchObject({ status: 'succeeded', attempt_count: failures + 1, event_type: 'dsync.user.updated' });
    expect(head.attempts.map((attempt: any) => attempt.response_status)).toEqual([500, 500, 500, 200]);
    expect(head.attempts[0]).toMatchObject({ response_body: 'failure 1', error: 'HTTP 500 Internal Server Error' });
    expect(listed.filter((delivery) => delivery.status === 'succeeded')).toHaveLength(3);

    // Every attempt is signed over the exact bytes sent, verifiable with the standard library.
    const verifier = new Webhook(secret);
    for (const received of target.received) {
      expect(verifier.verify(received.body, received.headers as Record<string, string>)).toMatchObject({ object: 'event', id: received.event.id });
      expect(received.headers['webhook-id']).toBe(received.event.id);
      expect(received.headers['content-type']).toBe('application/json');
    }
  });

  it('keeps other endpoints and other directories moving while one lane is stuck', async () => {
    const { receiver: down, url: downUrl } = await receiver(() => undefined); // never answers: every attempt times out
    const { receiver: up, url: upUrl } = await receiver();
    const stuck = await endpoint(downUrl);
    await endpoint(upUrl);
    const events = await publishEvents(app.app, directory(), 5);

    await eventually(() => expect(up.eventIds()).toEqual(events.map((event) => event.id)));
    // The stuck endpoint has only ever been offered the first event.
    expect(new Set(down.eventIds())).toEqual(new Set([events[0]!.id]));
    const pending = await deliveries(stuck.id, '&status=pending');
    expect(pending.map((delivery) => delivery.event_id).sort()).toEqual(events.map((event) => event.id).sort());
    const later = pending.filter((delivery) => delivery.event_id !== events[0]!.id);
    expect(later.every((delivery) => delivery.attempt_count === 0)).toBe(true);
    await call('DELETE', `/v1/webhook-endpoints/${stuck.id}`);
  });

  it('lets a dead delivery go, shows it, and replays it in order on request', async () => {
    const blocked = directory();
    const open = directory();
    let healthy = false;
    const { receiver: target, url } = await receiver((received, _n, response) =>
      response.writeHead(healthy || received.event.directory_id !== blocked.directoryId ? 204 : 503).end(),
    );
    const { id } = await endpoint(url);
    const since = new Date().toISOString();
    const [deadEvent, afterDead] = await publishEvents(app.app, blocked, 2);
    const others = await publishEvents(app.app, open, 2);

    // The other directory's lane is not held up by the failing one.
    await eventually(() => expect(target.eventIds()).toEqual(expect.arrayContaining(others.map((event) => event.id))));
    // Six attempts, then dead; only then the next event of that directory is tried.
    await eventually(async () => expect(await deliveries(id, '&status=dead')).toHaveLength(1));
    const [dead] = await deliveries(id, '&status=dead');
    expect(dead).toMatchObject({ event_id: deadEvent!.id, attempt_count: 6, next_attempt_at: null });
    const firstTryOfNext = target.eventIds().indexOf(afterDead!.id);
    expect(target.eventIds().lastIndexOf(deadEvent!.id)).toBeLessThan(firstTryOfNext === -1 ? Infinity : firstTryOfNext);

    healthy = true;
    // Failing for about the whole (one second) window may have disabled the endpoint: enabling is idempotent.
    expect((await call('PATCH', `/v1/webhook-endpoints/${id}`, { state: 'enabled' })).status).toBe(200);
    await eventually(async () => expect(await deliveries(id, '&status=pending')).toHaveLength(0));
    const replay = await call('POST', `/v1/webhook-endpoints/${id}/replay`, { since });
    expect(replay.status).toBe(202);
    expect(await replay.json()).toMatchObject({ object: 'webhook_replay', endpoint_id: id });
    await eventually(async () => {
      const listed = await deliveries(id);
      expect(listed.every((delivery) => delivery.status === 'succeeded')).toBe(true);
    });
    const blockedOrder = target.received
      .filter((received) => received.headers['webhook-id'] && received.event.directory_id === blocked.directoryId)
      .map((received) => received.event.id);
    // After the replay the directory's events arrive again, oldest first.
    expect(blockedOrder.slice(-2)).toEqual([deadEvent!.id, afterDead!.id]);
  });

  it('disables an endpoint that fails for the whole retry window', async () => {
    const { url } = await receiver((_received, _n, response) => response.writeHead(500).end());
    const { id } = await endpoint(url);
    await publishEvents(app.app, directory(), 2);
    await eventually(async () => {
      const read = await (await call('GET', `/v1/webhook-endpoints/${id}`)).json();
      expect(read).toMatchObject({ state: 'disabled', disabled_reason: expect.stringContaining('retry window') });
    });
  });
});
