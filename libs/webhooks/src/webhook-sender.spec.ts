import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LookupAll } from './destination-guard';
import { WebhookSender } from './webhook-sender';

type Handler = (request: IncomingMessage, response: ServerResponse, body: string) => void;

describe('WebhookSender', () => {
  let server: Server;
  let base: string;
  let handler: Handler;
  const received: { headers: IncomingMessage['headers']; body: string }[] = [];
  const senders: WebhookSender[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        received.push({ headers: request.headers, body });
        handler(request, response, body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await Promise.all(senders.map((sender) => sender.close()));
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    received.length = 0;
  });

  function sender(options: Partial<ConstructorParameters<typeof WebhookSender>[0]> = {}): WebhookSender {
    const created = new WebhookSender({ timeoutMs: 2000, allowPrivate: true, ...options });
    senders.push(created);
    return created;
  }

  it('posts the exact body with the given headers and reports a 2xx as success', async () => {
    handler = (_request, response) => response.writeHead(204).end();
    const sent = await sender().send(
      `${base}/hook`,
      { 'webhook-id': 'event_1', 'content-type': 'application/json' },
      '{"a":1}',
    );
    expect(sent.outcome.ok).toBe(true);
    expect(sent.responseStatus).toBe(204);
    expect(received[0]!.body).toBe('{"a":1}');
    expect(received[0]!.headers['webhook-id']).toBe('event_1');
    expect(received[0]!.headers['content-length']).toBe('7');
  });

  it('keeps a truncated response body and the Retry-After of a failure', async () => {
    handler = (_request, response) => response.writeHead(429, { 'retry-after': '7' }).end('x'.repeat(100_000));
    const sent = await sender({ maxResponseBytes: 100 }).send(base, {}, '{}');
    expect(sent.outcome).toMatchObject({ ok: false, failure: { kind: 'http', status: 429 } });
    expect(sent.responseBody).toBe('x'.repeat(100));
    expect(sent.retryAfter).toBe('7');
  });

  it('does not follow redirects', async () => {
    handler = (request, response) =>
      request.url === '/moved'
        ? response.writeHead(302, { location: '/elsewhere' }).end()
        : response.writeHead(200).end();
    const sent = await sender().send(`${base}/moved`, {}, '{}');
    expect(sent.outcome).toMatchObject({ ok: false, failure: { kind: 'http', status: 302 } });
    expect(received.map((r) => r.body)).toHaveLength(1);
  });

  it('gives up at the timeout', async () => {
    handler = () => undefined; // never answers
    const sent = await sender({ timeoutMs: 200 }).send(base, {}, '{}');
    expect(sent.outcome).toMatchObject({ ok: false, failure: { kind: 'timeout' } });
  });

  it('refuses a loopback destination unless private addresses are allowed', async () => {
    handler = (_request, response) => response.writeHead(200).end();
    const sent = await sender({ allowPrivate: false }).send(base, {}, '{}');
    expect(sent.outcome).toMatchObject({ ok: false, failure: { kind: 'refused', reason: 'non_public_address' } });
    expect(received).toHaveLength(0);
  });

  it('refuses a name that turns private between the check and the connection (DNS rebinding)', async () => {
    handler = (_request, response) => response.writeHead(200).end();
    let calls = 0;
    const rebinding: LookupAll = (_hostname, _options, callback) => {
      calls += 1;
      // Public for the pre-flight check, loopback at connect time.
      const address = calls === 1 ? '93.184.216.34' : '127.0.0.1';
      callback(null, [{ address, family: 4 }]);
    };
    const port = new URL(base).port;
    const sent = await sender({ allowPrivate: false, lookup: rebinding }).send(
      `http://hooks.example.com:${port}/`,
      {},
      '{}',
    );
    expect(sent.outcome).toMatchObject({ ok: false, failure: { kind: 'refused' } });
    expect(calls).toBe(2);
    expect(received).toHaveLength(0);
  });
});
