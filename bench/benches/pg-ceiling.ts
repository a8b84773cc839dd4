import { Client } from 'pg';
import type { Bench, BenchContext, BenchOutcome } from '../support/bench';
import { formatNumber, round } from '../support/format';

const CLIENTS = 16;

/**
 * The machine's own limit: single-row INSERT commits per second from 16
 * clients with `pg`, no app in between. Every SCIM write is at least one such
 * commit, so the other figures are read as a share of this one.
 */
export const pgCeiling: Bench = {
  name: 'pg-ceiling',
  apps: [],
  target: 'reference (about 4,000/s on 2 cores)',
  async run(context: BenchContext): Promise<BenchOutcome> {
    const seconds = context.quick ? 2 : 10;
    const setup = new Client({ connectionString: context.databaseUrl });
    await setup.connect();
    await setup.query(
      'CREATE TABLE bench_ceiling (id BIGSERIAL PRIMARY KEY, payload TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now())',
    );
    await setup.end();
    const clients = await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        const client = new Client({ connectionString: context.databaseUrl });
        await client.connect();
        return client;
      }),
    );
    context.progress.step(`${CLIENTS} clients inserting for ${seconds} s`);
    let commits = 0;
    const deadline = Date.now() + seconds * 1000;
    const started = performance.now();
    const ticker = setInterval(() => context.progress.count('commits', commits), 1000);
    try {
      await Promise.all(
        clients.map(async (client, i) => {
          while (Date.now() < deadline) {
            await client.query('INSERT INTO bench_ceiling (payload) VALUES ($1)', [`client ${i} row ${commits}`]);
            commits += 1;
          }
        }),
      );
    } finally {
      clearInterval(ticker);
      await Promise.all(clients.map((client) => client.end()));
    }
    const rate = commits / ((performance.now() - started) / 1000);
    return {
      figure: `${formatNumber(rate)} commits/s (${CLIENTS} clients)`,
      pass: null,
      metrics: { commitsPerSecond: round(rate), clients: CLIENTS, seconds, commits },
    };
  },
};
