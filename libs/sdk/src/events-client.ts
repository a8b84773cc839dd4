import { RosterApiError } from './roster-api-error';
import type { RosterEvent, RosterEventType } from './roster-event';

export interface EventFilter {
  types?: readonly RosterEventType[];
  tenantId?: string;
  directoryId?: string;
}

export interface ListEventsOptions extends EventFilter {
  /** The cursor from the previous page's `list_metadata.after`; omit for the oldest retained event, `now` for the tail. */
  after?: string;
  /** 1 to 1000 (server default 100). */
  limit?: number;
  /** Long-poll: wait up to this many seconds (0 to 30) for an event when there is none. */
  waitSeconds?: number;
  signal?: AbortSignal;
}

export interface EventPage {
  object: 'list';
  data: RosterEvent[];
  list_metadata: { after: string | null };
}

export interface IterateEventsOptions extends EventFilter {
  /** Where to resume: the cursor last saved by `saveCursor`. */
  after?: string;
  limit?: number;
  /** Long-poll wait per request (default 25 s). */
  waitSeconds?: number;
  /**
   * Persists the cursor. Called once every event of a page has been taken
   * from the iterator, so resuming from the saved cursor repeats nothing you
   * finished and skips nothing you did not (a crash mid-page repeats that page).
   */
  saveCursor?: (cursor: string) => void | Promise<void>;
  /** Stops the iteration (the pending long-poll is cancelled). */
  signal?: AbortSignal;
}

export interface EventsClientOptions {
  baseUrl: string;
  apiKey: string;
  fetch?: typeof fetch;
  /** Longest pause between retries of a failed request (default 30 s). */
  maxBackoffMs?: number;
}

/** The Events API (`GET /v1/events`): pages, and an ordered, resumable stream. */
export class EventsClient {
  constructor(private readonly options: EventsClientOptions) {}

  /** One page of events in log order. */
  async list(options: ListEventsOptions = {}): Promise<EventPage> {
    const doFetch = this.options.fetch ?? fetch;
    const response = await doFetch(this.url(options), {
      headers: { authorization: `Bearer ${this.options.apiKey}`, accept: 'application/json' },
      signal: options.signal,
    });
    if (!response.ok) throw await apiError(response);
    return (await response.json()) as EventPage;
  }

  /**
   * Every event from `after` on, in order, forever (until `signal` aborts):
   * long-polls when caught up, retries network errors, 429 and 5xx with
   * backoff, and hands each finished page's cursor to `saveCursor`.
   * Other errors (401, 410 cursor_expired…) end the iteration with a RosterApiError.
   */
  async *iterate(options: IterateEventsOptions = {}): AsyncGenerator<RosterEvent, void, undefined> {
    let after = options.after;
    let failures = 0;
    while (!options.signal?.aborted) {
      let page: EventPage;
      try {
        page = await this.list({ ...options, after, waitSeconds: options.waitSeconds ?? 25 });
        failures = 0;
      } catch (error) {
        if (options.signal?.aborted) return;
        if (error instanceof RosterApiError && !error.retryable) throw error;
        await sleep(this.backoff(++failures), options.signal);
        continue;
      }
      for (const event of page.data) yield event;
      const next = page.list_metadata.after;
      if (next && next !== after) {
        after = next;
        await options.saveCursor?.(next);
      }
    }
  }

  private url(options: ListEventsOptions): string {
    const url = new URL('/v1/events', this.options.baseUrl);
    const params: [string, string | undefined][] = [
      ['after', options.after],
      ['limit', options.limit?.toString()],
      ['types', options.types?.join(',')],
      ['tenant_id', options.tenantId],
      ['directory_id', options.directoryId],
      ['wait', options.waitSeconds?.toString()],
    ];
    for (const [name, value] of params) if (value !== undefined && value !== '') url.searchParams.set(name, value);
    return url.toString();
  }

  // Exponential from 250 ms, capped, with jitter so many consumers do not retry in step.
  private backoff(failures: number): number {
    const cap = this.options.maxBackoffMs ?? 30_000;
    return Math.min(cap, 250 * 2 ** (failures - 1)) * (0.5 + Math.random() / 2);
  }
}

async function apiError(response: Response): Promise<RosterApiError> {
  const body = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string; details?: unknown } } | undefined;
  const error = body?.error;
  return new RosterApiError(response.status, error?.code ?? 'http_error', error?.message ?? `HTTP ${response.status}`, error?.details);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}
