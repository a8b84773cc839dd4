import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, dropTestDatabase, withDatabase } from '@roster/testing';
import { Client } from 'pg';
import { migrate } from './migrate';

const server = () => process.env.ROSTER_TEST_POSTGRES_URL!;

function migrationsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'roster-migrations-'));
  for (const [name, sql] of Object.entries(files)) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

describe('migration runner', () => {
  let databaseUrl: string;

  beforeEach(async () => {
    // An empty database: template0 has none of our tables.
    databaseUrl = await createTestDatabase(server(), 'template0');
  });
  afterEach(() => dropTestDatabase(server(), databaseUrl));

  async function query(sql: string) {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  }

  it('applies pending migrations in order, records them the way Prisma does, and is idempotent', async () => {
    const dir = migrationsDir({
      '20260101000000_a': 'CREATE TABLE a (id int);',
      '20260102000000_b': 'ALTER TABLE a ADD COLUMN b text;',
    });
    expect(await migrate(databaseUrl, { migrationsDir: dir, log: () => undefined })).toEqual(['20260101000000_a', '20260102000000_b']);
    expect(await migrate(databaseUrl, { migrationsDir: dir, log: () => undefined })).toEqual([]);
    const rows = await query('SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name');
    expect(rows.map((row) => row.migration_name)).toEqual(['20260101000000_a', '20260102000000_b']);
    expect(rows[0].checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(await query("SELECT column_name FROM information_schema.columns WHERE table_name = 'a' ORDER BY 1")).toEqual([
      { column_name: 'b' },
      { column_name: 'id' },
    ]);
  });

  it('rolls back a failing migration entirely and records nothing for it', async () => {
    const dir = migrationsDir({ '20260101000000_bad': 'CREATE TABLE half (id int); SELECT * FROM missing_table;' });
    await expect(migrate(databaseUrl, { migrationsDir: dir, log: () => undefined })).rejects.toThrow(/20260101000000_bad failed/);
    expect(await query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half'")).toEqual([]);
    expect(await query('SELECT * FROM _prisma_migrations')).toEqual([]);
  });

  it('refuses to run when an applied migration was edited', async () => {
    const dir = migrationsDir({ '20260101000000_a': 'CREATE TABLE a (id int);' });
    await migrate(databaseUrl, { migrationsDir: dir, log: () => undefined });
    writeFileSync(join(dir, '20260101000000_a', 'migration.sql'), 'CREATE TABLE a (id bigint);');
    await expect(migrate(databaseUrl, { migrationsDir: dir, log: () => undefined })).rejects.toThrow(/changed after it was applied/);
  });

  it('applies the real migrations to an empty database', async () => {
    const applied = await migrate(databaseUrl, { log: () => undefined });
    expect(applied.length).toBeGreaterThan(0);
    expect(withDatabase(databaseUrl, 'x')).toMatch(/\/x$/);
    expect(await query("SELECT 1 FROM information_schema.tables WHERE table_name = 'events'")).toHaveLength(1);
  });
});
