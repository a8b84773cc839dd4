import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '@roster/data';
import { type RunningService, startRedisServer } from '@roster/local-stack';

/** A server a test may stop and start again on the same port (same URL, same data). */
export interface RestartableService {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it for good and removes its data. */
  dispose(): Promise<void>;
}

/** A migrated embedded Postgres of the test's own, on a free port, in a temporary directory. */
export async function startRestartablePostgres(): Promise<RestartableService> {
  const dataDir = mkdtempSync(join(tmpdir(), 'roster-chaos-pg-'));
  // mkdtemp makes 0700 directories; as root, embedded Postgres runs as the `postgres` user, who must get in.
  chmodSync(dataDir, 0o755);
  const clusterDir = join(dataDir, 'cluster');
  let child: ChildProcess | undefined;
  const launch = async (port: number) => {
    child = spawnTs(join(__dirname, 'postgres.process.ts'), { CHAOS_PG_DIR: clusterDir, CHAOS_PG_PORT: String(port) });
    return (await waitForLine(child, /^ready (\S+)$/m))[1]!;
  };
  const url = await launch(0);
  const port = Number(new URL(url).port);
  await migrate(url, { log: () => undefined });
  const service: RestartableService = {
    url,
    stop: async () => {
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      child = undefined;
    },
    start: async () => {
      const again = await launch(port);
      if (again !== url) throw new Error(`Postgres came back on ${again}, not ${url}`);
    },
    dispose: async () => {
      await service.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return service;
}

/** Runs a TypeScript file in a plain Node child process (swc on require, @roster/* aliases). */
export function spawnTs(file: string, env: Record<string, string>): ChildProcess {
  const hook = join(__dirname, '../../e2e/webhooks-support/ts-node-hook.js');
  return spawn(process.execPath, ['-r', hook, file], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Resolves with the first match of `pattern` in the child's output; rejects if it exits first. */
export function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs = 60_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`process exited (${code}) before ${pattern}:\n${output}`));
    });
  });
}

/** A memory-only redis-server of the test's own: stopping it loses every key, as a crash would. */
export async function startRestartableRedis(): Promise<RestartableService> {
  let server: RunningService | undefined = await startRedisServer({});
  const url = server.url;
  const port = Number(new URL(url).port);
  const service: RestartableService = {
    url,
    stop: async () => {
      await server?.stop();
      server = undefined;
    },
    start: async () => {
      server = await startRedisServer({ preferredPort: port });
      if (server.url !== url) throw new Error(`Redis came back on ${server.url}, not ${url}`);
    },
    dispose: () => service.stop(),
  };
  return service;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
