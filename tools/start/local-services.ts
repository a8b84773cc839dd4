import { join } from 'node:path';
import { type RunningService, startEmbeddedPostgres, startRedisServer } from '@roster/local-stack';

/**
 * Postgres and Redis for `npm start`: the ones in DATABASE_URL / REDIS_URL when
 * set, else embedded Postgres and a redis-server child, with data under dataDir.
 */
export async function provideLocalServices(
  dataDir: string,
): Promise<{ postgres: RunningService; redis: RunningService }> {
  const postgres = process.env.DATABASE_URL
    ? external(process.env.DATABASE_URL)
    : await startEmbeddedPostgres({ dataDir: join(dataDir, 'pg'), database: 'roster', persistent: true });
  try {
    const redis = process.env.REDIS_URL
      ? external(process.env.REDIS_URL)
      : await startRedisServer({ dataDir: join(dataDir, 'redis') });
    return { postgres, redis };
  } catch (error) {
    await postgres.stop();
    throw error;
  }
}

function external(url: string): RunningService {
  return { url, startedHere: false, stop: async () => undefined };
}
