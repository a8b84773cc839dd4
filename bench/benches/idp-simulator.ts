import { DIRECTORY_PROVIDERS } from '@roster/events';
import { runSimulation, type SimulationSummary } from '../../tools/simulate/run-simulation';
import { type Bench, type BenchContext, type BenchOutcome, requireStack } from '../support/bench';
import { formatNumber, round } from '../support/format';
import { expectOk } from '../support/http-json';
import { createScimDirectory } from '../support/scim-directory';

// Every SCIM push provider; google_workspace is polled, not pushed.
const PROVIDERS = DIRECTORY_PROVIDERS.filter((provider) => provider !== 'google_workspace');

type TypeCounts = Record<string, number>;

/**
 * Issue 4's proof at size: the IdP simulator (npm run simulate) provisions
 * 1,000 users and 20 groups with members in each provider's dialect against the
 * running stack, and the Events API must show the same stream shape (event
 * counts per type) for every provider.
 */
export const idpSimulator: Bench = {
  name: 'idp-simulator',
  apps: ['admin', 'ingest', 'delivery'],
  target: 'same event stream shape for every dialect',
  async run(context: BenchContext): Promise<BenchOutcome> {
    const stack = requireStack(context);
    const users = context.quick ? 50 : 1_000;
    const groups = context.quick ? 3 : 20;
    const shapes: Record<string, TypeCounts> = {};
    const seconds: Record<string, number> = {};
    let failed = 0;
    for (const provider of PROVIDERS) {
      context.progress.step(provider);
      const directory = await createScimDirectory(stack.urls.admin, stack.urls.ingest, stack.apiKey, provider);
      const summary: SimulationSummary = await runSimulation({
        provider,
        users,
        groups,
        baseUrl: directory.baseUrl,
        token: directory.token,
        concurrency: 8,
        runId: 'bench',
        progress: { write: () => true },
      });
      failed += summary.failed;
      seconds[provider] = round(summary.duration_ms / 1000, 2);
      shapes[provider] = await eventTypeCounts(stack.urls.delivery, stack.apiKey, directory.directoryId);
    }
    const reference = JSON.stringify(shapes[PROVIDERS[0]!]);
    const differing = PROVIDERS.filter((provider) => JSON.stringify(shapes[provider]) !== reference);
    const events = Object.values(shapes[PROVIDERS[0]!] ?? {}).reduce((sum, count) => sum + count, 0);
    const slowest = Math.max(...Object.values(seconds));
    return {
      figure:
        differing.length === 0 && failed === 0
          ? `${PROVIDERS.length} dialects × ${formatNumber(users)} users, ${groups} groups: identical streams (${formatNumber(events)} events each); slowest ${slowest} s`
          : `streams differ for ${differing.join(', ') || 'none'}; ${failed} failed requests`,
      pass: differing.length === 0 && failed === 0,
      metrics: { users, groups, seconds, shapes, failedRequests: failed },
    };
  },
};

/** Reads a directory's whole stream through the Events API and counts it by type. */
async function eventTypeCounts(deliveryUrl: string, apiKey: string, directoryId: string): Promise<TypeCounts> {
  const counts: TypeCounts = {};
  let after = '';
  for (;;) {
    const page = await expectOk<{ data: { type: string }[]; list_metadata: { after: string } }>(
      'GET',
      `${deliveryUrl}/v1/events?directory_id=${directoryId}&limit=1000${after ? `&after=${after}` : ''}`,
      apiKey,
    );
    for (const event of page.body.data) counts[event.type] = (counts[event.type] ?? 0) + 1;
    if (page.body.data.length === 0) return counts;
    after = page.body.list_metadata.after;
  }
}
