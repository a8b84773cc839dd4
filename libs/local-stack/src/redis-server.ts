import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { findFreePort } from './free-port';
import { isRedisAnswering, waitUntil } from './probes';
import type { RunningService } from './running-service';

export interface RedisServerOptions {
  /** Where Redis keeps its append-only file; omit for a memory-only server. */
  dataDir?: string;
  preferredPort?: number;
}

export class RedisNotInstalledError extends Error {
  constructor() {
    super(
      'Roster needs Redis and none is configured. Either set REDIS_URL to a running Redis, ' +
        'or install redis-server so it is on PATH (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis).',
    );
  }
}

/** Starts `redis-server` from PATH on a free port, as a child of this process. */
export async function startRedisServer(options: RedisServerOptions): Promise<RunningService> {
  if (spawnSync('redis-server', ['--version']).error) throw new RedisNotInstalledError();
  const port = await findFreePort(options.preferredPort ?? 63790);
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', ''];
  if (options.dataDir) {
    const dir = resolve(options.dataDir);
    mkdirSync(dir, { recursive: true });
    args.push('--dir', dir, '--appendonly', 'yes');
  } else {
    args.push('--appendonly', 'no');
  }
  const child = spawn('redis-server', args, { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  await waitUntil(() => isRedisAnswering(url, 500), 10_000, `redis-server on port ${port}`);
  return { url, startedHere: true, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    child.once('exit', () => resolveStop());
    child.kill('SIGTERM');
  });
}
