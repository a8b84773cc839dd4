import { EventsClient } from './events-client';

export interface RosterClientOptions {
  /** The delivery app's base URL, e.g. `https://roster.example.com:3002`. */
  baseUrl: string;
  /** An API key (`Authorization: Bearer`). */
  apiKey: string;
  /** A fetch implementation (tests, proxies); the global one by default. */
  fetch?: typeof fetch;
}

/** The consumer side of Roster: `roster.events.iterate(...)`. Webhooks are checked with verifyWebhook. */
export class RosterClient {
  readonly events: EventsClient;

  constructor(options: RosterClientOptions) {
    this.events = new EventsClient(options);
  }
}
