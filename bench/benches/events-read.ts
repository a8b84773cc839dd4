import { Client } from 'pg';
import { type Bench, type BenchContext, type BenchOutcome, requireStack } from '../support/bench';
import { formatNumber, round } from '../support/format';
import { expectOk } from '../support/http-json';
import { summarize } from '../support/percentiles';

const PAGE = 1_000;
const TX_SIZE = 100_000;
const TARGET_EVENTS_PER_SECOND = 50_000;

interface EventsPage {
  data: { id: string }[];
  list_metadata: { after: string };
}

/** A consumer catching up on 1M events through `GET /v1/events?limit=1000`, page after page. */
export const eventsRead: Bench = {
  name: 'events-read',
  apps: ['delivery'],
  target: `≥ ${formatNumber(TARGET_EVENTS_PER_SECOND)} events/s`,
  async run(context: BenchContext): Promise<BenchOutcome> {
    const stack = requireStack(context);
    const total = context.quick ? 50_000 : 1_000_000;
    context.progress.step(`writing ${formatNumber(total)} events with SQL`);
    await writeEvents(context.databaseUrl, total, (done) => context.progress.count('events written', done, total));
    context.progress.step(`reading them through /v1/events, ${PAGE} a page`);
    const pageMs: number[] = [];
    let read = 0;
    let after: string | null = null;
    const started = performance.now();
    for (;;) {
      const query: string = `limit=${PAGE}${after ? `&after=${after}` : ''}`;
      const page: { body: EventsPage; ms: number } = await expectOk<EventsPage>(
        'GET',
        `${stack.urls.delivery}/v1/events?${query}`,
        stack.apiKey,
      );
      pageMs.push(page.ms);
      read += page.body.data.length;
      after = page.body.list_metadata.after;
      context.progress.count('events read', read, total);
      if (page.body.data.length < PAGE) break;
    }
    const seconds = (performance.now() - started) / 1000;
    if (read !== total) throw new Error(`read ${read} events, wrote ${total}`);
    const rate = read / seconds;
    return {
      figure: `${formatNumber(rate)} events/s (${formatNumber(read)} in ${round(seconds)} s)`,
      pass: rate >= TARGET_EVENTS_PER_SECOND,
      metrics: {
        events: read,
        seconds: round(seconds, 2),
        eventsPerSecond: round(rate),
        pageSize: PAGE,
        pageMs: summarize(pageMs),
      },
    };
  },
};

/**
 * Appends `total` realistic `dsync.user.created` events in transactions of
 * 100,000, already dispatched so the outbox relay leaves them be, then
 * vacuums, as autovacuum would have by the time a consumer catches up.
 */
async function writeEvents(databaseUrl: string, total: number, onProgress: (done: number) => void): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (let start = 0; start < total; start += TX_SIZE) {
      await client.query(INSERT_EVENTS, [start, Math.min(start + TX_SIZE, total) - 1]);
      onProgress(Math.min(start + TX_SIZE, total));
    }
    await client.query('VACUUM ANALYZE events');
  } finally {
    await client.end();
  }
}

const INSERT_EVENTS = `
  INSERT INTO events (id, type, tenant_id, directory_id, data, created_at, dispatched_at)
  SELECT 'event_bench' || lpad(g::text, 15, '0'), 'dsync.user.created', 'tenant_bench', 'directory_bench',
         jsonb_build_object(
           'object', 'directory_user',
           'id', 'directory_user_bench' || lpad(g::text, 12, '0'),
           'idp_id', 'ext-' || g,
           'directory_id', 'directory_bench',
           'tenant_id', 'tenant_bench',
           'username', 'user' || g || '@bench.example',
           'email', 'user' || g || '@bench.example',
           'emails', jsonb_build_array(jsonb_build_object('value', 'user' || g || '@bench.example', 'type', 'work', 'primary', true)),
           'first_name', 'Bench',
           'last_name', 'User ' || g,
           'display_name', 'Bench User ' || g,
           'state', 'active',
           'groups', '[]'::jsonb,
           'roles', '[]'::jsonb,
           'custom_attributes', '{}'::jsonb,
           'raw_attributes', jsonb_build_object('userName', 'user' || g || '@bench.example', 'active', true),
           'created_at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
           'updated_at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
         now(), now()
  FROM generate_series($1::bigint, $2::bigint) AS g`;
