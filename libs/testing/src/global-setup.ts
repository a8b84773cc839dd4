import { join } from 'node:path';
import type { RunningService } from '../../local-stack/src';
import { ensureTemplateDatabase } from './test-database';
import { provideTestPostgres, provideTestRedis } from './test-services';

declare global {
  var __rosterTestServices: RunningService[] | undefined;
}

/**
 * Runs once per jest run (before the integration and e2e projects): finds or starts
 * Postgres and Redis and builds the migrated template database. Test workers
 * inherit what it puts in process.env.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.ROSTER_TEST_TEMPLATE) return;
  const postgres = await provideTestPostgres(join(__dirname, '..', '..', '..', '.data', 'test'));
  const redis = await provideTestRedis();
  globalThis.__rosterTestServices = [postgres, redis];
  process.env.ROSTER_TEST_POSTGRES_URL = postgres.url;
  process.env.ROSTER_TEST_REDIS_URL = redis.url;
  process.env.ROSTER_TEST_TEMPLATE = await ensureTemplateDatabase(postgres.url);
}
