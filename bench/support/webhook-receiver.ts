import { createServer, type Server } from 'node:http';

/** A local webhook endpoint noting when each user's `dsync.user.created` arrived. */
export class WebhookReceiver {
  readonly receivedAt = new Map<string, number>();
  private server: Server | null = null;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const now = performance.now();
        for (const username of createdUsernames(Buffer.concat(chunks).toString('utf8'))) {
          if (!this.receivedAt.has(username)) this.receivedAt.set(username, now);
        }
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('webhook receiver has no port');
    return `http://127.0.0.1:${address.port}/hook`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

// One event per delivery, or a batch: either way, the created users' usernames.
function createdUsernames(body: string): string[] {
  try {
    const parsed = JSON.parse(body) as unknown;
    const events = (Array.isArray(parsed) ? parsed : [parsed]) as { type?: string; data?: { username?: string } }[];
    return events
      .filter((event) => event.type === 'dsync.user.created' && event.data?.username)
      .map((event) => event.data!.username!);
  } catch {
    return [];
  }
}
