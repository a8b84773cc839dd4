import { type Bench, type BenchContext, type BenchOutcome, requireStack } from '../support/bench';
import { formatNumber, round } from '../support/format';
import { expectOk } from '../support/http-json';
import { summarize } from '../support/percentiles';
import { createScimDirectory, scimUser } from '../support/scim-directory';
import { runWorkers } from '../support/worker-pool';

const WORKERS = 10;
const TARGET_SECONDS = 8;

/**
 * An Okta initial import: for each user, `GET /Users?filter=userName eq "…"`
 * to see whether it exists, then `POST /Users`, on 10 concurrent workers.
 */
export const oktaInitialSync: Bench = {
  name: 'okta-initial-sync',
  apps: ['admin', 'ingest'],
  target: `10,000 users < ${TARGET_SECONDS} s`,
  async run(context: BenchContext): Promise<BenchOutcome> {
    const stack = requireStack(context);
    const users = context.quick ? 500 : 10_000;
    const directory = await createScimDirectory(stack.urls.admin, stack.urls.ingest, stack.apiKey, 'okta');
    const lookups: number[] = [];
    const creates: number[] = [];
    context.progress.step(`${formatNumber(users)} users, filter then POST, ${WORKERS} workers`);
    const started = performance.now();
    await runWorkers(
      WORKERS,
      users,
      async (i) => {
        const userName = `okta.user${i}@bench.example`;
        const filter = encodeURIComponent(`userName eq "${userName}"`);
        const lookup = await expectOk<{ totalResults: number }>(
          'GET',
          `${directory.baseUrl}/Users?filter=${filter}`,
          directory.token,
        );
        if (lookup.body.totalResults !== 0) throw new Error(`${userName} exists before its POST`);
        lookups.push(lookup.ms);
        creates.push((await expectOk('POST', `${directory.baseUrl}/Users`, directory.token, scimUser(userName))).ms);
      },
      (done) => context.progress.count('users', done, users),
    );
    const seconds = (performance.now() - started) / 1000;
    const scaled = (seconds * 10_000) / users;
    return {
      figure: `${round(seconds)} s for ${formatNumber(users)} users (${formatNumber(users / seconds)} users/s)`,
      pass: scaled < TARGET_SECONDS,
      writesPerSecond: users / seconds,
      metrics: {
        users,
        workers: WORKERS,
        seconds: round(seconds, 2),
        usersPerSecond: round(users / seconds),
        lookupMs: summarize(lookups),
        createMs: summarize(creates),
      },
    };
  },
};
