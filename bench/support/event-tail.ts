import { requestJson } from './http-json';

interface EventsPage {
  data: { type: string; data: { username?: string } }[];
  list_metadata: { after: string };
}

/**
 * A consumer long-polling `/v1/events` from "now" (wait=30), noting when each
 * user's `dsync.user.created` first became visible to it.
 */
export class EventTail {
  readonly seenAt = new Map<string, number>();
  private stopped = false;
  private loop: Promise<void> | null = null;
  private readonly abort = new AbortController();

  constructor(
    private readonly deliveryUrl: string,
    private readonly apiKey: string,
    private readonly directoryId: string,
  ) {}

  /** Resolves once the tail has its starting cursor, so nothing after this call is missed. */
  async start(): Promise<void> {
    const first = await requestJson<EventsPage>('GET', this.url('now', 0), this.apiKey);
    if (first.status !== 200) throw new Error(`/v1/events answered ${first.status}`);
    this.loop = this.follow(first.body.list_metadata.after);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    await this.loop?.catch(() => undefined);
  }

  private async follow(cursor: string): Promise<void> {
    while (!this.stopped) {
      const response = await fetch(this.url(cursor, 30), {
        headers: { authorization: `Bearer ${this.apiKey}` },
        signal: this.abort.signal,
      });
      const page = (await response.json()) as EventsPage;
      const now = performance.now();
      for (const event of page.data) {
        const username = event.data.username;
        if (event.type === 'dsync.user.created' && username && !this.seenAt.has(username))
          this.seenAt.set(username, now);
      }
      cursor = page.list_metadata.after;
    }
  }

  private url(after: string, wait: number): string {
    return `${this.deliveryUrl}/v1/events?after=${after}&limit=1000&wait=${wait}&directory_id=${this.directoryId}`;
  }
}
