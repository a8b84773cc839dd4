import autocannon from 'autocannon';
import { type Bench, type BenchContext, type BenchOutcome, requireStack } from '../support/bench';
import { formatNumber, round } from '../support/format';
import { expectOk } from '../support/http-json';
import { createScimDirectory, type ScimDirectory } from '../support/scim-directory';
import { seedUsers } from '../support/seed-users';

const TARGET_FILTER_P50_MS = 5;
const TARGET_PAGE_P50_MS = 20;

interface ReadFigure {
  p50: number;
  p99: number;
  requestsPerSecond: number;
  non2xx: number;
}

/**
 * SCIM reads in a directory of 100,000 users (issue 3): `filter=userName eq`
 * on random users, and 100-user list pages at the first and at random offsets,
 * one request at a time.
 */
export const scimRead: Bench = {
  name: 'scim-read',
  apps: ['admin', 'ingest'],
  target: `100k users: filter eq p50 < ${TARGET_FILTER_P50_MS} ms, 100-user page p50 < ${TARGET_PAGE_P50_MS} ms`,
  async run(context: BenchContext): Promise<BenchOutcome> {
    const stack = requireStack(context);
    const users = context.quick ? 10_000 : 100_000;
    const seconds = context.quick ? 2 : 5;
    const directory = await createScimDirectory(stack.urls.admin, stack.urls.ingest, stack.apiKey, 'okta');
    context.progress.step(`seeding ${formatNumber(users)} users`);
    await seedUsers(context.databaseUrl, directory, users, context.progress);
    const random = () => Math.floor(Math.random() * users);
    await checkAnswers(directory, users);
    context.progress.step('filter=userName eq, random users');
    const filter = await measure(
      directory,
      seconds,
      () => `/Users?filter=${encodeURIComponent(`userName eq "seed.user${random()}@bench.example"`)}`,
    );
    context.progress.step('first 100-user page');
    const firstPage = await measure(directory, seconds, () => '/Users?count=100&startIndex=1');
    context.progress.step('100-user pages at random offsets');
    const randomPage = await measure(directory, seconds, () => `/Users?count=100&startIndex=${random() + 1}`);
    const clean = [filter, firstPage, randomPage].every((figure) => figure.non2xx === 0);
    return {
      figure:
        `filter eq p50 ${filter.p50} ms (p99 ${filter.p99}); page p50 ${firstPage.p50} ms first, ${randomPage.p50} ms at random offsets` +
        ` (${formatNumber(users)} users${clean ? '' : ', with errors'})`,
      pass: clean && users === 100_000 && filter.p50 < TARGET_FILTER_P50_MS && randomPage.p50 < TARGET_PAGE_P50_MS,
      metrics: { users, seconds, filter, firstPage, randomPage },
    };
  },
};

async function measure(directory: ScimDirectory, seconds: number, path: () => string): Promise<ReadFigure> {
  const base = new URL(directory.baseUrl).pathname;
  const result = await autocannon({
    url: directory.baseUrl,
    connections: 1,
    duration: seconds,
    requests: [
      {
        method: 'GET',
        headers: { authorization: `Bearer ${directory.token}` },
        setupRequest: (request) => ({ ...request, path: `${base}${path()}` }),
      },
    ],
  });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    requestsPerSecond: round(result.requests.average),
    non2xx: result.non2xx,
  };
}

// A fast wrong answer is no figure: the filter must find its one user and a page hold 100.
async function checkAnswers(directory: ScimDirectory, users: number): Promise<void> {
  type ListResponse = { totalResults: number; Resources?: unknown[] };
  const filter = encodeURIComponent(`userName eq "seed.user${users - 1}@bench.example"`);
  const found = await expectOk<ListResponse>('GET', `${directory.baseUrl}/Users?filter=${filter}`, directory.token);
  const page = await expectOk<ListResponse>(
    'GET',
    `${directory.baseUrl}/Users?count=100&startIndex=${users - 200}`,
    directory.token,
  );
  if (found.body.totalResults !== 1 || page.body.Resources?.length !== 100 || page.body.totalResults !== users + 1) {
    throw new Error(
      `unexpected answers: filter found ${found.body.totalResults}, page held ${page.body.Resources?.length} of ${page.body.totalResults}`,
    );
  }
}
