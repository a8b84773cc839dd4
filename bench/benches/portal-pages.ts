import { type Bench, type BenchContext, type BenchOutcome, requireStack } from '../support/bench';
import { formatNumber } from '../support/format';
import { expectOk } from '../support/http-json';
import { percentile } from '../support/percentiles';
import { createScimDirectory } from '../support/scim-directory';
import { seedUsers } from '../support/seed-users';

const TARGET_MS = 100;
const LOADS_PER_PAGE = 30;

/**
 * Issue 7: every page of the IT-admin portal for a 10,000-user directory, as a
 * signed-in admin loads it (server time to the whole HTML), p50 and p95 per page.
 */
export const portalPages: Bench = {
  name: 'portal-pages',
  apps: ['admin', 'ingest'],
  target: `10,000 users: every page < ${TARGET_MS} ms`,
  async run(context: BenchContext): Promise<BenchOutcome> {
    const stack = requireStack(context);
    const users = context.quick ? 1_000 : 10_000;
    const directory = await createScimDirectory(stack.urls.admin, stack.urls.ingest, stack.apiKey, 'okta');
    await seedUsers(context.databaseUrl, directory, users, context.progress);
    const cookie = await openPortal(stack.urls.admin, stack.apiKey, directory.tenantId);
    const base = `/portal/directories/${directory.directoryId}`;
    const pages = [
      '/portal',
      '/portal/connect',
      '/portal/activity',
      base,
      `${base}/requests`,
      `${base}/requests?status=failed`,
      `${base}/settings`,
      `${base}/attributes`,
      `${base}/roles`,
    ];
    const timings: Record<string, { p50: number; p95: number }> = {};
    for (const page of pages) {
      context.progress.step(page);
      const samples: number[] = [];
      for (let i = 0; i < LOADS_PER_PAGE; i += 1) samples.push(await load(`${stack.urls.admin}${page}`, cookie));
      timings[page] = { p50: Math.round(percentile(samples, 50)), p95: Math.round(percentile(samples, 95)) };
    }
    const slowest = Object.entries(timings).sort((a, b) => b[1].p95 - a[1].p95)[0]!;
    return {
      figure: `${formatNumber(users)} users: slowest page ${slowest[0].replace(directory.directoryId, '{id}')} p50 ${slowest[1].p50} ms, p95 ${slowest[1].p95} ms`,
      pass: Object.values(timings).every((timing) => timing.p95 < TARGET_MS),
      metrics: { users, loadsPerPage: LOADS_PER_PAGE, timings },
    };
  },
};

/** Creates a portal link through the API and opens it, as the IT admin's browser would. */
async function openPortal(adminUrl: string, apiKey: string, tenantId: string): Promise<string> {
  const { link } = (
    await expectOk<{ link: string }>('POST', `${adminUrl}/v1/portal-links`, apiKey, { tenant_id: tenantId })
  ).body;
  const opened = await fetch(link.replace(/^https?:\/\/[^/]+/, adminUrl), { redirect: 'manual' });
  const cookie = opened.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`opening the portal link gave ${opened.status} without a session cookie`);
  return cookie;
}

async function load(url: string, cookie: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  await response.text();
  if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
  return Math.round((performance.now() - started) * 10) / 10;
}
