import { FakeGoogleApi, googleGroup, googleMember, googleUser } from '../../test/fixtures/google/fake-google-api';
import { type Bench, type BenchContext, type BenchOutcome, requireStack } from '../support/bench';
import { formatNumber, round } from '../support/format';
import { expectOk } from '../support/http-json';

// The delivery app reads the Directory API's URL from its environment when it
// starts, before the bench runs: the fake listens on a fixed port.
const FAKE_GOOGLE_PORT = 39_871;
const GROUPS = 20;
const TARGET_SECONDS = 60;

interface SyncStatus {
  state: string;
  last_result: string | null;
  last_finished_at: string | null;
}

/**
 * Issue 8: a 20,000-user Google Workspace directory (20 groups, every user in
 * one) synced for the first time through the Directory API, against a local
 * fake of it; then an unchanged re-sync, which must emit no event.
 */
export const googleFirstSync: Bench = {
  name: 'google-first-sync',
  apps: ['admin', 'delivery'],
  env: { ROSTER_GOOGLE_API_URL: `http://127.0.0.1:${FAKE_GOOGLE_PORT}`, ROSTER_GOOGLE_SYNC_INTERVAL: '24h' },
  target: `20,000 users < ${TARGET_SECONDS} s; unchanged re-sync emits nothing`,
  async run(context: BenchContext): Promise<BenchOutcome> {
    const stack = requireStack(context);
    const users = context.quick ? 1_000 : 20_000;
    const google = await new FakeGoogleApi().start(FAKE_GOOGLE_PORT);
    try {
      google.users = Array.from({ length: users }, (_, i) => googleUser(i + 1));
      google.groups = Array.from({ length: GROUPS }, (_, g) => googleGroup(g + 1));
      google.members = new Map(
        google.groups.map((group, g) => [
          String(group.id),
          google.users.filter((_, i) => i % GROUPS === g).map(googleMember),
        ]),
      );
      const directoryId = await googleDirectory(stack.urls.admin, stack.apiKey, google);
      context.progress.step(`first sync of ${formatNumber(users)} users`);
      const first = await timedSync(stack.urls.delivery, stack.apiKey, directoryId);
      const eventsAfterFirst = await eventCount(stack.urls.delivery, stack.apiKey, directoryId);
      context.progress.step('unchanged re-sync');
      const second = await timedSync(stack.urls.delivery, stack.apiKey, directoryId);
      const newEvents = (await eventCount(stack.urls.delivery, stack.apiKey, directoryId)) - eventsAfterFirst;
      const pass = first.result === 'succeeded' && first.seconds < TARGET_SECONDS && newEvents === 0;
      return {
        figure: `first sync ${round(first.seconds)} s for ${formatNumber(users)} users, ${GROUPS} groups (${formatNumber(eventsAfterFirst)} events); unchanged re-sync ${round(second.seconds)} s, ${newEvents} events`,
        pass,
        writesPerSecond: users / first.seconds,
        metrics: { users, groups: GROUPS, first, second, eventsAfterFirst, newEventsOnResync: newEvents },
      };
    } finally {
      await google.close();
    }
  },
};

async function googleDirectory(adminUrl: string, apiKey: string, google: FakeGoogleApi): Promise<string> {
  const tenant = await expectOk<{ id: string }>('POST', `${adminUrl}/v1/tenants`, apiKey, { name: 'Bench Google' });
  const created = await expectOk<{ directory: { id: string } }>(
    'POST',
    `${adminUrl}/v1/tenants/${tenant.body.id}/directories`,
    apiKey,
    { name: 'Bench Google', provider: 'google_workspace' },
  );
  const id = created.body.directory.id;
  await expectOk('PATCH', `${adminUrl}/v1/directories/${id}`, apiKey, { provider_config: google.providerConfig() });
  return id;
}

/** "Sync now", then the status until that sync has finished. */
async function timedSync(deliveryUrl: string, apiKey: string, directoryId: string) {
  const url = `${deliveryUrl}/v1/directories/${directoryId}/sync`;
  const before = (await expectOk<SyncStatus>('GET', url, apiKey)).body.last_finished_at;
  const started = performance.now();
  await expectOk('POST', url, apiKey);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const status = (await expectOk<SyncStatus>('GET', url, apiKey)).body;
    if (status.last_finished_at && status.last_finished_at !== before && status.state !== 'running') {
      return { seconds: round((performance.now() - started) / 1000, 2), result: status.last_result };
    }
  }
}

async function eventCount(deliveryUrl: string, apiKey: string, directoryId: string): Promise<number> {
  let count = 0;
  let after = '';
  for (;;) {
    const page = await expectOk<{ data: unknown[]; list_metadata: { after: string } }>(
      'GET',
      `${deliveryUrl}/v1/events?directory_id=${directoryId}&limit=1000${after ? `&after=${after}` : ''}`,
      apiKey,
    );
    if (page.body.data.length === 0) return count;
    count += page.body.data.length;
    after = page.body.list_metadata.after;
  }
}
