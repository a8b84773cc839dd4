import { createServer } from 'node:http';

/**
 * A webhook receiver in a process of its own (forked by WebhookReceiver):
 * answers every POST with 200 and reports, every few milliseconds, when each
 * created user's `dsync.user.created` arrived. In its own process so that the
 * bench's other work (writers, the long runs before it) does not slow the
 * answers a lane waits for: a real receiver is another machine.
 */
const FLUSH_MS = 20;

let pending: [string, number][] = [];

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const at = performance.timeOrigin + performance.now();
    for (const username of createdUsernames(Buffer.concat(chunks).toString('utf8'))) pending.push([username, at]);
    response.writeHead(200).end();
  });
});

function flush(): void {
  if (pending.length === 0) return;
  process.send!({ receipts: pending });
  pending = [];
}

const flusher = setInterval(flush, FLUSH_MS);

process.on('message', (message: { stop?: boolean }) => {
  if (!message.stop) return;
  clearInterval(flusher);
  server.closeAllConnections();
  server.close(() => {
    flush();
    process.send!({ stopped: true }, () => process.exit(0));
  });
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send!({ port: typeof address === 'object' && address ? address.port : null });
});

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
