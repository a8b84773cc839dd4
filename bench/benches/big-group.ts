import { type Bench, type BenchContext, type BenchOutcome, requireStack } from '../support/bench';
import { formatNumber, round } from '../support/format';
import { expectOk } from '../support/http-json';
import { summarize } from '../support/percentiles';
import type { Progress } from '../support/progress';
import { createScimDirectory, type ScimDirectory } from '../support/scim-directory';
import { seedUsers } from '../support/seed-users';

const BATCH_SIZES = [100, 1_000];
const TARGET_PATCH_MS = 300;
const TARGET_TOTAL_SECONDS = 15;
/** "At the end" means the mean of the last few PATCHes, near the full size. */
const TAIL = 5;

interface Growth {
  batch: number;
  members: number;
  patches: number;
  seconds: number;
  /** Mean latency of the last PATCHes, when the group is nearly full. */
  lastPatchMs: number;
  patchMs: ReturnType<typeof summarize>;
}

/** One group grown to 50,000 members by PATCH add of 100 members at a time, then another by 1,000. */
export const bigGroup: Bench = {
  name: 'big-group',
  apps: ['admin', 'ingest'],
  target: `1,000-member PATCH at 50k < ${TARGET_PATCH_MS} ms; growth to 50k < ${TARGET_TOTAL_SECONDS} s`,
  async run(context: BenchContext): Promise<BenchOutcome> {
    const stack = requireStack(context);
    const members = context.quick ? 5_000 : 50_000;
    const directory = await createScimDirectory(stack.urls.admin, stack.urls.ingest, stack.apiKey, 'okta');
    context.progress.step(`seeding ${formatNumber(members)} users`);
    const userIds = await seedUsers(context.databaseUrl, directory, members, context.progress);
    const growths: Growth[] = [];
    for (const batch of BATCH_SIZES) {
      growths.push(await growGroup(directory, userIds, batch, context.progress));
    }
    const large = growths.find((growth) => growth.batch === 1_000)!;
    return {
      figure:
        growths
          .map(
            (g) =>
              `by ${formatNumber(g.batch)}: ${round(g.seconds)} s total, last PATCH ${formatNumber(g.lastPatchMs)} ms`,
          )
          .join('; ') + ` (${formatNumber(members)} members)`,
      pass: members === 50_000 && large.lastPatchMs < TARGET_PATCH_MS && large.seconds < TARGET_TOTAL_SECONDS,
      metrics: { members, growths },
    };
  },
};

async function growGroup(
  directory: ScimDirectory,
  userIds: readonly string[],
  batch: number,
  progress: Progress,
): Promise<Growth> {
  const group = await expectOk<{ id: string }>('POST', `${directory.baseUrl}/Groups`, directory.token, {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
    displayName: `Everyone by ${batch}`,
  });
  progress.step(`PATCH add ${formatNumber(batch)} members at a time`);
  const latencies: number[] = [];
  const started = performance.now();
  for (let start = 0; start < userIds.length; start += batch) {
    const value = userIds.slice(start, start + batch).map((id) => ({ value: id }));
    const patch = await expectOk('PATCH', `${directory.baseUrl}/Groups/${group.body.id}`, directory.token, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'add', path: 'members', value }],
    });
    latencies.push(patch.ms);
    progress.count(`members (by ${batch})`, start + value.length, userIds.length);
  }
  const seconds = (performance.now() - started) / 1000;
  const tail = latencies.slice(-TAIL);
  return {
    batch,
    members: userIds.length,
    patches: latencies.length,
    seconds: round(seconds, 2),
    lastPatchMs: round(tail.reduce((sum, ms) => sum + ms, 0) / tail.length),
    patchMs: summarize(latencies),
  };
}
