import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A webhook receiver that can go down (its port closed: connection refused) and
 * come back on the same port, recording each event it accepted.
 */
export class OutageReceiver {
  readonly received: { id: string; directory_id: string; type: string }[] = [];
  private server?: Server;
  private port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/webhooks`;
  }

  async up(): Promise<string> {
    this.server = createServer((request, response) => {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => (body += chunk));
      request.on('end', () => {
        this.received.push(JSON.parse(body));
        response.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this.url;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    server?.closeAllConnections();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  }

  /** Event ids in the order they first arrived, per directory (repeats are at-least-once). */
  firstArrivals(): Map<string, string[]> {
    const seen = new Set<string>();
    const byDirectory = new Map<string, string[]>();
    for (const event of this.received) {
      if (seen.has(event.id)) continue;
      seen.add(event.id);
      byDirectory.set(event.directory_id, [...(byDirectory.get(event.directory_id) ?? []), event.id]);
    }
    return byDirectory;
  }
}
