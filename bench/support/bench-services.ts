import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  isPostgresAnswering,
  isRedisAnswering,
  type RunningService,
  startEmbeddedPostgres,
  startRedisServer,
} from '@roster/local-stack';

const LOCAL_POSTGRES = 'postgresql://postgres@127.0.0.1:5432/postgres';
const LOCAL_REDIS = 'redis://127.0.0.1:6379';

/**
 * Postgres and Redis for a bench run, found the way the tests find them:
 * DATABASE_URL / REDIS_URL, else local servers on the default ports, else
 * started here (embedded Postgres, redis-server from PATH) and stopped after.
 */
export async function provideBenchServices(): Promise<{ postgres: RunningService; redis: RunningService }> {
  const postgres = await providePostgres();
  try {
    return { postgres, redis: await provideRedis() };
  } catch (error) {
    await postgres.stop();
    throw error;
  }
}

async function providePostgres(): Promise<RunningService> {
  if (process.env.DATABASE_URL) return reuse(process.env.DATABASE_URL);
  if (await isPostgresAnswering(LOCAL_POSTGRES)) return reuse(LOCAL_POSTGRES);
  const dataDir = join(mkdtempSync(join(tmpdir(), 'roster-bench-')), 'pg');
  return startEmbeddedPostgres({ dataDir, database: 'postgres', persistent: false });
}

async function provideRedis(): Promise<RunningService> {
  if (process.env.REDIS_URL) return reuse(process.env.REDIS_URL);
  if (await isRedisAnswering(LOCAL_REDIS)) return reuse(LOCAL_REDIS);
  return startRedisServer({});
}

function reuse(url: string): RunningService {
  return { url, startedHere: false, stop: async () => undefined };
}
