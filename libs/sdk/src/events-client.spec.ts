import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RosterApiError } from './roster-api-error';
import { RosterClient } from './roster-client';
import type { RosterEvent } from './roster-event';

/** A stand-in for GET /v1/events: cursor = position in the log, long-poll on `wait`. */
class FakeEventsApi {
  readonly log: RosterEvent[] = [];
  readonly requests: URL[] = [];
  /** Answers to give before behaving normally (status, error code). */
  readonly failures: { status: number; code: string }[] = [];
  private waiting: (() => void)[] = [];
  private server?: Server;

  append(count: number): void {
    for (let i = 0; i < count; i++) {
      const n = this.log.length + 1;
      this.log.push({
        object: 'event',
        id: `event_${n}`,
        type: 'dsync.group.created',
        created_at: new Date().toISOString(),
        tenant_id: 'tenant_1',
        directory_id: 'directory_1',
        data: { object: 'directory_group', id: `directory_group_${n}` } as never,
      });
    }
    this.waiting.splice(0).forEach((wake) => wake());
  }

  async start(): Promise<string> {
    this.server = createServer((request, response) => void this.answer(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.waiting.splice(0).forEach((wake) => wake());
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url!, 'http://localhost');
    this.requests.push(url);
    const failure = this.failures.shift();
    if (request.headers.authorization !== 'Bearer key_test') return send(response, 401, { error: { code: 'unauthorized', message: 'no' } });
    if (failure) return send(response, failure.status, { error: { code: failure.code, message: 'failure' } });
    const from = Number(url.searchParams.get('after') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 100);
    const wait = Number(url.searchParams.get('wait') ?? 0);
    if (this.log.length <= from && wait > 0) {
      await new Promise<void>((resolve) => {
        this.waiting.push(resolve);
        setTimeout(resolve, wait * 1000).unref();
      });
    }
    const data = this.log.slice(from, from + limit);
    send(response, 200, { object: 'list', data, list_metadata: { after: String(from + data.length) } });
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function take(iterator: AsyncIterator<RosterEvent>, count: number): Promise<string[]> {
  const ids: string[] = [];
  while (ids.length < count) {
    const next = await iterator.next();
    if (next.done) break;
    ids.push(next.value.id);
  }
  return ids;
}

describe('EventsClient', () => {
  let api: FakeEventsApi;
  let client: RosterClient;

  beforeEach(async () => {
    api = new FakeEventsApi();
    client = new RosterClient({ baseUrl: await api.start(), apiKey: 'key_test' });
  });

  afterEach(() => api.stop());

  it('lists one page with the filters as query parameters', async () => {
    api.append(3);
    const page = await client.events.list({ limit: 2, types: ['dsync.group.created', 'dsync.user.created'], directoryId: 'directory_1' });
    expect(page.data.map((event) => event.id)).toEqual(['event_1', 'event_2']);
    expect(page.list_metadata.after).toBe('2');
    const [request] = api.requests;
    expect(request!.searchParams.get('types')).toBe('dsync.group.created,dsync.user.created');
    expect(request!.searchParams.get('directory_id')).toBe('directory_1');
  });

  it('iterates in order across pages, saving each finished page, and resumes from the saved cursor', async () => {
    api.append(5);
    const saved: string[] = [];
    const controller = new AbortController();
    const first = client.events.iterate({ limit: 2, waitSeconds: 1, saveCursor: (cursor) => void saved.push(cursor), signal: controller.signal });
    expect(await take(first, 3)).toEqual(['event_1', 'event_2', 'event_3']);
    // The third event's page is not finished: only the first page's cursor is saved.
    expect(saved).toEqual(['2']);
    controller.abort();
    await first.return(undefined);

    const resumed = client.events.iterate({ after: saved.at(-1), limit: 2, waitSeconds: 1 });
    expect(await take(resumed, 3)).toEqual(['event_3', 'event_4', 'event_5']);
    await resumed.return(undefined);
  });

  it('long-polls when caught up and yields an event as soon as it is appended', async () => {
    const iterator = client.events.iterate({ waitSeconds: 5 });
    const next = iterator.next();
    await new Promise((resolve) => setTimeout(resolve, 100));
    api.append(1);
    expect((await next).value).toMatchObject({ id: 'event_1' });
    expect(api.requests[0]!.searchParams.get('wait')).toBe('5');
    await iterator.return(undefined);
  });

  it('retries rate limits and server errors, and stops on an expired cursor', async () => {
    api.append(1);
    api.failures.push({ status: 503, code: 'unavailable' }, { status: 429, code: 'rate_limited' });
    const iterator = client.events.iterate({ waitSeconds: 1 });
    expect(await take(iterator, 1)).toEqual(['event_1']);
    await iterator.return(undefined);

    api.failures.push({ status: 410, code: 'cursor_expired' });
    const expired = client.events.iterate({ after: '0' });
    const error = await expired.next().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RosterApiError);
    expect(error).toMatchObject({ status: 410, cursorExpired: true });
  });
});
