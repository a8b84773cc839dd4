// A delivery worker in a process of its own, so a test can SIGKILL it mid-delivery.
import { loadConfig } from '@roster/config';
import { createWebhookApp } from './delivery-harness';

async function main(): Promise<void> {
  const app = await createWebhookApp({ timeoutMs: 1000, sweepIntervalMs: 300 })(loadConfig(process.env));
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write('worker ready\n');
}

void main();
