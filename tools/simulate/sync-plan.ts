import type { ClientDialect, GroupSpec, Person } from './clients/client-dialect';
import type { StoryRequest } from './story-format';

/** Requests that must run in order (they share captured ids); phases run one after the other. */
export type Unit = readonly StoryRequest[];

export interface SyncPlanOptions {
  readonly users: number;
  readonly groups: number;
  /** Makes names unique per run, so a directory can be simulated into more than once. */
  readonly runId: string;
}

const MEMBER_BATCH = 20;

/**
 * A realistic initial sync followed by a little churn, in the client's dialect:
 * probes; every user provisioned (lookup then create); each group created with
 * half its members, the rest added in batches; one user in ten gets a new
 * title; one in fifty is deprovisioned.
 */
export function buildSyncPlan(client: ClientDialect, options: SyncPlanOptions): Unit[][] {
  const people = Array.from({ length: options.users }, (_, index) => person(index, options.runId));
  const groups = Array.from({ length: options.groups }, (_, index) => group(index, options.runId));
  const membersOf = (index: number) =>
    people.filter((_, personIndex) => personIndex % Math.max(1, options.groups) === index);
  return [
    [client.probe()],
    people.map((p) => client.createUser(p)),
    groups.map((g, index) => {
      const members = membersOf(index);
      const half = Math.ceil(members.length / 2);
      const requests = [...client.createGroup(g, members.slice(0, half))];
      for (let start = half; start < members.length; start += MEMBER_BATCH) {
        const added = members.slice(start, start + MEMBER_BATCH);
        requests.push(...client.addMembers(g, added, members.slice(0, start + added.length)));
      }
      return requests;
    }),
    people
      .filter((_, index) => index % 10 === 0)
      .map((p) => client.updateUser(p, { ...p, title: `Senior ${p.title}` })),
    people.filter((_, index) => index % 50 === 49).map((p) => client.deprovisionUser(p)),
  ];
}

function person(index: number, runId: string): Person {
  const number = String(index + 1).padStart(5, '0');
  const userName = `user${number}.${runId}@sim.example.com`;
  return {
    key: `user${number}`,
    userName,
    givenName: `Sim${number}`,
    familyName: `User-${runId}`,
    email: userName,
    title: ['Engineer', 'Designer', 'Analyst', 'Manager'][index % 4]!,
    externalId: `sim-${runId}-${number}`,
  };
}

function group(index: number, runId: string): GroupSpec {
  const number = String(index + 1).padStart(3, '0');
  return {
    key: `group${number}`,
    displayName: `Sim Group ${number} ${runId}`,
    externalId: `sim-group-${runId}-${number}`,
  };
}
