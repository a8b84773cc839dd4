import { migrate } from '@roster/data';
import { Client } from 'pg';

const TEMPLATE = 'roster_bench_template';

/** The URL of another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * A fresh database for one bench, `roster_bench_<name>`, cloned from a migrated
 * template (migrations are applied to the template first, which is a no-op when
 * it is current). Returns its URL.
 */
export async function createBenchDatabase(serverUrl: string, bench: string): Promise<string> {
  const name = `roster_bench_${bench.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}`;
  await withAdmin(serverUrl, async (admin) => {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${TEMPLATE}"`);
  });
  await migrate(withDatabase(serverUrl, TEMPLATE), { log: () => undefined });
  await withAdmin(serverUrl, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE}"`);
  });
  return withDatabase(serverUrl, name);
}

export async function dropBenchDatabase(serverUrl: string, databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  await withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

async function withAdmin<T>(serverUrl: string, work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
