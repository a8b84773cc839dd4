import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  /** The event, parsed from the body. */
  event: { id: string; type: string; directory_id: string; data: any };
}

/** How the receiver answers one request (the n-th it gets, 1-based). */
export type Answer = (received: ReceivedWebhook, n: number, response: ServerResponse) => void;

export const ok: Answer = (_received, _n, response) => void response.writeHead(200).end('ok');

/** A real local HTTP server that records every webhook it gets and answers as told. */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private server?: Server;

  constructor(public answer: Answer = ok) {}

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => (body += chunk));
      request.on('end', () => {
        const received = { headers: request.headers, body, event: JSON.parse(body) };
        this.received.push(received);
        this.answer(received, this.received.length, response);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhooks`;
  }

  /** Event ids in the order they were received (repeats included). */
  eventIds(): string[] {
    return this.received.map((received) => received.event.id);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

/** Polls until `check` passes or `timeoutMs` runs out (then its last error is thrown). */
export async function eventually(check: () => Promise<void> | void, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
