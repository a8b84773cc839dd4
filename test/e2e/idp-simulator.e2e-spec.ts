import { useTestContext } from '@roster/testing';
import { runSimulation } from '../../tools/simulate/run-simulation';
import { STORY_PROVIDERS } from '../support/idp-replay';
import { type ScimStack, startScimStack } from './scim/scim-stack';

// The simulator (npm run simulate) against a real ingest, in every dialect: the
// sync succeeds and gives the same event counts whatever the IdP.
describe('IdP simulator', () => {
  const context = useTestContext();
  let stack: ScimStack;
  const counts: Record<string, Record<string, number>> = {};

  beforeAll(async () => {
    stack = await startScimStack(context);
  });

  it.each([...STORY_PROVIDERS])('%s: provisions 60 users in 3 groups with churn', async (provider) => {
    const directory = await stack.createDirectory({ provider });
    const summary = await runSimulation({
      provider,
      users: 60,
      groups: 3,
      baseUrl: `${stack.ingest.url}/scim/v2/${directory.id}`,
      token: directory.token,
      concurrency: 4,
      runId: 'e2e',
      progress: { write: () => true },
    });
    expect(summary.first_failures).toEqual([]);
    const events = await stack.events(directory.id);
    counts[provider] = events.reduce<Record<string, number>>(
      (tally, event) => ({ ...tally, [event.type]: (tally[event.type] ?? 0) + 1 }),
      {},
    );
    expect(counts[provider]).toEqual({
      'dsync.activated': 1,
      'dsync.user.created': 60,
      'dsync.group.created': 3,
      'dsync.group.user_added': 60,
      'dsync.user.updated': 6,
      'dsync.group.user_removed': 1,
      'dsync.user.deleted': 1,
    });
  });
});
