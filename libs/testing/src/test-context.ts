import { randomBytes } from 'node:crypto';
import { loadConfig, type AppConfig } from '@roster/config';
import { createTestDatabase, dropTestDatabase } from './test-database';

export interface TestContext {
  /** A database of this test file's own, cloned from the migrated template. */
  databaseUrl: string;
  redisUrl: string;
  /** A Redis key prefix of this test file's own. */
  redisPrefix: string;
  /** The environment an app under test gets; override what a test needs. */
  env(overrides?: Record<string, string>): Record<string, string>;
  config(overrides?: Record<string, string>): AppConfig;
  /**
   * Registers cleanup (close an app, end a client) to run before the database is
   * dropped; the last registered runs first.
   */
  onTeardown(cleanup: () => Promise<unknown> | unknown): void;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this file through jest so the global setup runs`);
  return value;
}

/**
 * Gives the calling test file its own database and Redis namespace, so files run
 * in parallel safely. Call at the top of a describe block.
 */
export function useTestContext(): TestContext {
  const serverUrl = () => required('ROSTER_TEST_POSTGRES_URL');
  const teardowns: (() => Promise<unknown> | unknown)[] = [];
  const context = { onTeardown: (cleanup) => void teardowns.push(cleanup) } as TestContext;

  beforeAll(async () => {
    const databaseUrl = await createTestDatabase(serverUrl(), required('ROSTER_TEST_TEMPLATE'));
    const redisUrl = required('ROSTER_TEST_REDIS_URL');
    const redisPrefix = `test_${randomBytes(4).toString('hex')}`;
    const env = (overrides: Record<string, string> = {}) => ({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: '4',
      REDIS_URL: redisUrl,
      ROSTER_REDIS_PREFIX: redisPrefix,
      ROSTER_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      ROSTER_WEBHOOK_ALLOW_PRIVATE: 'true',
      ...overrides,
    });
    Object.assign(context, { databaseUrl, redisUrl, redisPrefix, env, config: (o?: Record<string, string>) => loadConfig(env(o)) });
  });

  afterAll(async () => {
    for (const cleanup of teardowns.reverse()) await cleanup();
    if (context.databaseUrl) await dropTestDatabase(serverUrl(), context.databaseUrl);
  });

  return context;
}
