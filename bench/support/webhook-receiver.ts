import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';

type ReceiverMessage = { port?: number | null; receipts?: [string, number][]; stopped?: boolean };

/**
 * A local webhook endpoint noting when each user's `dsync.user.created`
 * arrived, on this process's `performance.now()` clock. The server runs in a
 * child process (webhook-receiver-process.ts); receipts come back in batches.
 */
export class WebhookReceiver {
  readonly receivedAt = new Map<string, number>();
  private child: ChildProcess | null = null;

  async start(): Promise<string> {
    const child = fork(join(__dirname, 'webhook-receiver-process.js'), [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child = child;
    child.on('message', (message: ReceiverMessage) => this.record(message));
    const port = await new Promise<number>((resolve, reject) => {
      child.on('message', (message: ReceiverMessage) => {
        if (message.port) resolve(message.port);
        else if (message.port === null) reject(new Error('webhook receiver has no port'));
      });
      child.once('exit', (code) => reject(new Error(`webhook receiver exited (${code})`)));
    });
    return `http://127.0.0.1:${port}/hook`;
  }

  /** Stops the server, once the receipts it still holds have come back. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.send({ stop: true });
    });
  }

  private record(message: ReceiverMessage): void {
    for (const [username, epochMs] of message.receipts ?? []) {
      if (!this.receivedAt.has(username)) this.receivedAt.set(username, epochMs - performance.timeOrigin);
    }
  }
}
