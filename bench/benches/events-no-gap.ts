import { Client } from 'pg';
import { type Bench, type BenchContext, type BenchOutcome, requireStack } from '../support/bench';
import { formatNumber, round } from '../support/format';
import { expectOk } from '../support/http-json';
import { createScimDirectory, type ScimDirectory, scimUser } from '../support/scim-directory';
import { runWorkers } from '../support/worker-pool';

const DIRECTORIES = 4;
const WRITERS = 16;
const PAGE = 100;

interface EventPage {
  data: { id: string; directory_id: string }[];
  list_metadata: { after: string };
}

/**
 * Issue 5: 100,000 events appended by concurrent SCIM writers on several
 * directories while one consumer pages `/v1/events?after=` in small pages with
 * long-poll. The consumer must end with every event exactly once, and each
 * directory's events in the order the log applied them.
 */
export const eventsNoGap: Bench = {
  name: 'events-no-gap',
  apps: ['admin', 'ingest', 'delivery'],
  target: '100,000 events under concurrent SCIM load: none skipped, none repeated, per-directory order',
  async run(context: BenchContext): Promise<BenchOutcome> {
    const stack = requireStack(context);
    const users = context.quick ? 2_000 : 100_000;
    const directories: ScimDirectory[] = [];
    for (let d = 0; d < DIRECTORIES; d += 1) {
      directories.push(await createScimDirectory(stack.urls.admin, stack.urls.ingest, stack.apiKey, 'okta'));
    }
    const mine = new Set(directories.map((directory) => directory.directoryId));
    const seen: { id: string; directory_id: string }[] = [];
    let writing = true;
    const reader = (async () => {
      let after = 'now';
      // Until the writers are done and a last empty page shows the tail.
      for (;;) {
        const page = await expectOk<EventPage>(
          'GET',
          `${stack.urls.delivery}/v1/events?after=${after}&limit=${PAGE}&wait=1`,
          stack.apiKey,
        );
        seen.push(...page.body.data.filter((event) => mine.has(event.directory_id)));
        after = page.body.list_metadata.after;
        if (!writing && page.body.data.length === 0) return;
      }
    })();
    context.progress.step(`${formatNumber(users)} SCIM creates on ${DIRECTORIES} directories, ${WRITERS} writers`);
    const started = performance.now();
    await runWorkers(
      WRITERS,
      users,
      async (i) => {
        const directory = directories[i % DIRECTORIES]!;
        await expectOk('POST', `${directory.baseUrl}/Users`, directory.token, scimUser(`gap.user${i}@bench.example`));
      },
      (done) => context.progress.count('creates', done, users),
    );
    const writeSeconds = (performance.now() - started) / 1000;
    writing = false;
    await reader;
    const check = await compareWithLog(context.databaseUrl, [...mine], seen);
    const pass = check.missing === 0 && check.repeated === 0 && check.outOfOrder === 0;
    return {
      figure: `${formatNumber(check.logged)} events from ${formatNumber(users)} creates in ${round(writeSeconds)} s; the reader got ${formatNumber(seen.length)}: ${check.missing} missing, ${check.repeated} repeated, ${check.outOfOrder} out of order`,
      pass,
      writesPerSecond: users / writeSeconds,
      metrics: {
        users,
        directories: DIRECTORIES,
        writers: WRITERS,
        page: PAGE,
        writeSeconds: round(writeSeconds, 2),
        ...check,
      },
    };
  },
};

/** Compares what the reader got with the log itself, per directory in log order. */
async function compareWithLog(
  databaseUrl: string,
  directoryIds: string[],
  seen: { id: string; directory_id: string }[],
) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; directory_id: string }>(
      'SELECT id, directory_id FROM events WHERE directory_id = ANY($1) ORDER BY seq',
      [directoryIds],
    );
    const seenIds = new Set(seen.map((event) => event.id));
    const missing = rows.filter((row) => !seenIds.has(row.id)).length;
    const repeated = seen.length - seenIds.size;
    let outOfOrder = 0;
    for (const directoryId of directoryIds) {
      const logged = rows.filter((row) => row.directory_id === directoryId).map((row) => row.id);
      const read = seen.filter((event) => event.directory_id === directoryId).map((event) => event.id);
      outOfOrder += read.filter((id, index) => logged[index] !== id).length;
    }
    return { logged: rows.length, missing, repeated, outOfOrder };
  } finally {
    await client.end();
  }
}
