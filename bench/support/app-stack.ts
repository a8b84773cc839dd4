import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '@roster/local-stack';
import { type AppProcess, appNodeArgs, stopApp, waitUntilReady } from '../../tools/start/app-processes';
import { cpuSeconds, peakRssMb } from './process-memory';

export type AppName = 'admin' | 'ingest' | 'delivery';

export interface AppStack {
  urls: Record<AppName, string>;
  apiKey: string;
  logDir: string;
  /** Peak RSS (MB) of each started app so far. */
  peakRss(): Partial<Record<AppName, number>>;
  /** CPU seconds each app has used since it started: divided by requests, what one costs. */
  cpuSeconds(): Partial<Record<AppName, number>>;
  stop(): Promise<void>;
  /** Deletes the logs and data directory (kept after a failure, for its logs). */
  removeFiles(): void;
}

export interface StackOptions {
  /** Where the compiled apps are: dist/, or a snapshot of it (see apps-snapshot.ts). */
  compiledRoot: string;
  databaseUrl: string;
  redisUrl: string;
  apps: readonly AppName[];
  /** Extra environment, e.g. a webhook setting. */
  env?: Record<string, string>;
  /** Write a V8 CPU profile of each app (on exit) into `<logDir>/profiles`. */
  profile?: boolean;
}

/**
 * Starts the apps as the compiled `node dist/apps/<app>/src/main.js` child
 * processes they are in production, so each one's memory can be read from /proc.
 * Logs go to a temporary directory (named in failures).
 */
export async function startAppStack(options: StackOptions): Promise<AppStack> {
  const ports: Record<AppName, number> = {
    admin: await findFreePort(),
    ingest: await findFreePort(),
    delivery: await findFreePort(),
  };
  const apiKey = `bench_${randomBytes(16).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'roster-bench-apps-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    ROSTER_REDIS_PREFIX: `bench_${randomBytes(4).toString('hex')}`,
    ROSTER_BOOTSTRAP_API_KEY: apiKey,
    ROSTER_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    ROSTER_DATA_DIR: dataDir,
    ROSTER_SCIM_RATE_LIMIT: '1000000',
    ROSTER_API_RATE_LIMIT: '1000000',
    LOG_LEVEL: 'warn',
    ADMIN_PORT: String(ports.admin),
    INGEST_PORT: String(ports.ingest),
    DELIVERY_PORT: String(ports.delivery),
    ...options.env,
  };
  const logDir = join(dataDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const nodeArgs = options.profile ? ['--cpu-prof', `--cpu-prof-dir=${join(logDir, 'profiles')}`] : [];
  const running: AppProcess[] = options.apps.map((name) =>
    spawnApp(options.compiledRoot, name, ports[name], env, logDir, nodeArgs),
  );
  const stop = async () => void (await Promise.all(running.map(stopApp)));
  try {
    await Promise.all(running.map((app) => waitUntilReady(app)));
  } catch (error) {
    await stop();
    throw error;
  }
  const peaks: Partial<Record<AppName, number>> = {};
  const peakRss = () => {
    for (const app of running) {
      const peak = app.child.pid ? peakRssMb(app.child.pid) : null;
      if (peak !== null) peaks[app.name as AppName] = peak;
    }
    return { ...peaks };
  };
  return {
    urls: {
      admin: `http://127.0.0.1:${ports.admin}`,
      ingest: `http://127.0.0.1:${ports.ingest}`,
      delivery: `http://127.0.0.1:${ports.delivery}`,
    },
    apiKey,
    logDir,
    peakRss,
    cpuSeconds: () =>
      Object.fromEntries(
        running.flatMap((app) => {
          const seconds = app.child.pid ? cpuSeconds(app.child.pid) : null;
          return seconds === null ? [] : [[app.name, seconds]];
        }),
      ),
    async stop() {
      peakRss();
      await stop();
    },
    removeFiles: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** Like `npm start`'s spawnApp (the same node flags), but from a given compiled tree. */
function spawnApp(
  root: string,
  name: AppName,
  port: number,
  env: NodeJS.ProcessEnv,
  logDir: string,
  nodeArgs: string[],
): AppProcess {
  const logFile = join(logDir, `${name}.log`);
  const log = openSync(logFile, 'a');
  const main = join(root, 'apps', name, 'src', 'main.js');
  const child = spawn(process.execPath, appNodeArgs(main, nodeArgs), {
    env,
    stdio: ['ignore', log, log],
  });
  return { name, url: `http://127.0.0.1:${port}`, logFile, child };
}
