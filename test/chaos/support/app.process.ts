// One Roster app in a process of its own, logging to its stdout exactly as in
// production (pino, LOG_LEVEL from the environment), so a test can read every line.
import { loadConfig } from '@roster/config';
import { createAdminApp } from '../../../apps/admin/src/admin-app';
import { createDeliveryApp } from '../../../apps/delivery/src/delivery-app';
import { createIngestApp } from '../../../apps/ingest/src/ingest-app';

const FACTORIES = { admin: createAdminApp, ingest: createIngestApp, delivery: createDeliveryApp };

async function main(): Promise<void> {
  const create = FACTORIES[process.env.CHAOS_APP as keyof typeof FACTORIES];
  const app = await create(loadConfig(process.env));
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.stderr.write(`listening ${(await app.getUrl()).replace('[::1]', '127.0.0.1')}\n`);
  process.once('SIGTERM', () => void app.close().finally(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
