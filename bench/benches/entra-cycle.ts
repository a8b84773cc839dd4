import { randomUUID } from 'node:crypto';
import { type Bench, type BenchContext, type BenchOutcome, requireStack } from '../support/bench';
import { formatNumber, round } from '../support/format';
import { expectOk } from '../support/http-json';
import { createScimDirectory, type ScimDirectory } from '../support/scim-directory';
import { runWorkers } from '../support/worker-pool';

const WORKERS = 10;
const GROUPS_PER_USER = 2;
const DEPROVISIONED_SHARE = 0.05;
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/**
 * An Entra ID initial cycle in its own dialect (idp-quirks.md section 2): a
 * random-GUID probe, 5,000 users (filter then POST), 200 groups created empty
 * (filter excluding members, then POST), members in PATCH "Add" with `$ref: null`,
 * then 5% of users unassigned with PATCH "Replace" active "False".
 */
export const entraCycle: Bench = {
  name: 'entra-cycle',
  apps: ['admin', 'ingest'],
  target: 'reference (no target in issue 9)',
  async run(context: BenchContext): Promise<BenchOutcome> {
    const stack = requireStack(context);
    const users = context.quick ? 500 : 5_000;
    const groups = context.quick ? 20 : 200;
    const directory = await createScimDirectory(stack.urls.admin, stack.urls.ingest, stack.apiKey, 'entra');
    const phases: Record<string, number> = {};
    const timed = async (phase: string, work: () => Promise<void>) => {
      context.progress.step(phase);
      const started = performance.now();
      await work();
      phases[phase] = round((performance.now() - started) / 1000, 2);
    };
    const started = performance.now();
    const userIds: string[] = [];
    const groupIds: string[] = [];
    await timed('probe', () => lookup(directory, 'Users', `userName eq "${randomUUID()}"`, 0));
    await timed('users', () =>
      runWorkers(
        WORKERS,
        users,
        async (i) => {
          const userName = `Entra_User_${i}@bench.example`;
          await lookup(directory, 'Users', `userName eq "${userName}"`, 0);
          userIds[i] = (
            await expectOk<{ id: string }>(
              'POST',
              `${directory.baseUrl}/Users`,
              directory.token,
              entraUser(userName, i),
            )
          ).body.id;
        },
        (done) => context.progress.count('users', done, users),
      ),
    );
    await timed('groups', () =>
      runWorkers(WORKERS, groups, async (i) => {
        const name = `Entra Group ${i}`;
        await lookup(directory, 'Groups', `displayName eq "${name}"`, 0, '&excludedAttributes=members');
        const body = {
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
          externalId: randomUUID(),
          displayName: name,
          members: [],
        };
        groupIds[i] = (
          await expectOk<{ id: string }>('POST', `${directory.baseUrl}/Groups`, directory.token, body)
        ).body.id;
      }),
    );
    // Each user joins GROUPS_PER_USER groups; each group gets its members in one PATCH.
    const members = groupIds.map(() => [] as string[]);
    userIds.forEach((id, i) => {
      for (let k = 0; k < GROUPS_PER_USER; k += 1) members[(i + k * 7) % groups]!.push(id);
    });
    await timed('memberships', () =>
      runWorkers(
        WORKERS,
        groups,
        async (g) => {
          const value = members[g]!.map((id) => ({ $ref: null, value: id }));
          await expectOk('PATCH', `${directory.baseUrl}/Groups/${groupIds[g]}`, directory.token, {
            schemas: [PATCH_OP],
            Operations: [{ op: 'Add', path: 'members', value }],
          });
        },
        (done) => context.progress.count('group PATCHes', done, groups),
      ),
    );
    const unassigned = Math.round(users * DEPROVISIONED_SHARE);
    await timed('unassign', () =>
      runWorkers(WORKERS, unassigned, async (i) => {
        await expectOk('PATCH', `${directory.baseUrl}/Users/${userIds[i]}`, directory.token, {
          schemas: [PATCH_OP],
          Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
        });
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return {
      figure: `${round(seconds)} s for ${formatNumber(users)} users, ${groups} groups, ${formatNumber(users * GROUPS_PER_USER)} memberships, ${unassigned} unassigned`,
      pass: null,
      // One commit per user, group, group PATCH and unassignment.
      writesPerSecond: (users + groups * 2 + unassigned) / seconds,
      metrics: {
        users,
        groups,
        memberships: users * GROUPS_PER_USER,
        unassigned,
        workers: WORKERS,
        seconds: round(seconds, 2),
        phases,
      },
    };
  },
};

async function lookup(
  directory: ScimDirectory,
  resource: string,
  filter: string,
  expected: number,
  extra = '',
): Promise<void> {
  // Entra form-encodes the filter: spaces as +.
  const query = encodeURIComponent(filter).replace(/%20/g, '+');
  const found = await expectOk<{ totalResults: number }>(
    'GET',
    `${directory.baseUrl}/${resource}?filter=${query}${extra}`,
    directory.token,
  );
  if (found.body.totalResults !== expected)
    throw new Error(`${filter}: ${found.body.totalResults} found, expected ${expected}`);
}

function entraUser(userName: string, i: number): Record<string, unknown> {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE],
    externalId: randomUUID(),
    userName,
    active: true,
    displayName: `Entra User ${i}`,
    emails: [{ primary: true, type: 'work', value: userName }],
    meta: { resourceType: 'User' },
    name: { formatted: `Entra User ${i}`, familyName: `User ${i}`, givenName: 'Entra' },
    title: 'Engineer',
    roles: [],
    [ENTERPRISE]: { department: `Department ${i % 20}`, employeeNumber: String(100000 + i) },
  };
}
