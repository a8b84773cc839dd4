import { join } from 'node:path';
import {
  isPostgresAnswering,
  isRedisAnswering,
  type RunningService,
  startEmbeddedPostgres,
  startRedisServer,
} from '../../local-stack/src'; // relative: loaded by the jest global setup, outside the module mapper

const LOCAL_POSTGRES = 'postgresql://postgres@127.0.0.1:5432/postgres';
const LOCAL_REDIS = 'redis://127.0.0.1:6379';

/**
 * Postgres for the test run, per CONTRACT section 1: DATABASE_URL, else a local
 * server on 5432 if it answers, else an embedded one started for this run.
 */
export async function provideTestPostgres(workDir: string): Promise<RunningService> {
  const configured = process.env.DATABASE_URL;
  if (configured) return reuse(configured);
  if (await isPostgresAnswering(LOCAL_POSTGRES)) return reuse(LOCAL_POSTGRES);
  return startEmbeddedPostgres({ dataDir: join(workDir, 'pg'), database: 'postgres', persistent: false });
}

/** Redis for the test run: REDIS_URL, else local 6379 if it answers, else redis-server from PATH. */
export async function provideTestRedis(): Promise<RunningService> {
  const configured = process.env.REDIS_URL;
  if (configured) return reuse(configured);
  if (await isRedisAnswering(LOCAL_REDIS)) return reuse(LOCAL_REDIS);
  return startRedisServer({});
}

function reuse(url: string): RunningService {
  return { url, startedHere: false, stop: async () => undefined };
}
