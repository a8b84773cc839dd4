import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
// Relative, not @roster/data: the jest global setup loads this file outside jest's
// module mapper, and the migration runner is all it needs.
import { findMigrationsDir, migrate } from '../../data/src/migrations/migrate';

const TEMPLATE_PREFIX = 'roster_template_';
const TEST_DB_PREFIX = 'roster_test_';

/** The URL of another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * A migrated template database, named after a hash of the migrations so a change
 * to them builds a new one. Each test file clones it (CREATE DATABASE ... TEMPLATE),
 * which takes milliseconds instead of replaying every migration.
 */
export async function ensureTemplateDatabase(serverUrl: string): Promise<string> {
  const name = `${TEMPLATE_PREFIX}${migrationsHash()}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    // Two jest projects may run this at once: serialize on an advisory lock.
    await admin.query('SELECT pg_advisory_lock(727073)');
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      await admin.query(`CREATE DATABASE "${name}"`);
      await migrate(withDatabase(serverUrl, name), { log: () => undefined });
    }
    await dropStaleDatabases(admin, name);
  } finally {
    await admin.query('SELECT pg_advisory_unlock(727073)').catch(() => undefined);
    await admin.end();
  }
  return name;
}

/** A fresh database cloned from the template; returns its URL. */
export async function createTestDatabase(serverUrl: string, template: string): Promise<string> {
  const name = `${TEST_DB_PREFIX}${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  return withDatabase(serverUrl, name);
}

export async function dropTestDatabase(serverUrl: string, databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

function migrationsHash(): string {
  const dir = findMigrationsDir();
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith('.toml')) continue;
    hash.update(name).update(readFileSync(join(dir, name, 'migration.sql')));
  }
  return hash.digest('hex').slice(0, 16);
}

// Databases of earlier runs that died before their teardown, and old templates.
async function dropStaleDatabases(admin: Client, currentTemplate: string): Promise<void> {
  const stale = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database
      WHERE (datname LIKE $1 AND datname <> $2)
         OR (datname LIKE $3 AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = pg_database.datname))`,
    [`${TEMPLATE_PREFIX}%`, currentTemplate, `${TEST_DB_PREFIX}%`],
  );
  for (const { datname } of stale.rows) {
    await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
  }
}
