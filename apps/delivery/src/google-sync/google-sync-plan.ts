import { deepEqual } from '@roster/scim';
import type { GoogleDirectorySnapshot } from './google-directory.types';
import { groupDisplayNames, toScimGroup, toScimUser } from './google-resource-mapping';

type Resource = Record<string, unknown>;

/** What the sync needs to know of a stored user or group. */
export interface StoredResource {
  id: string;
  externalId: string | null;
  attributes: unknown;
}

export interface CurrentDirectoryState {
  users: readonly StoredResource[];
  groups: readonly StoredResource[];
  /** group row id -> user row ids */
  memberships: ReadonlyMap<string, readonly string[]>;
}

/** Members are named by Google user id: users created by this sync have no row id yet. */
export interface GroupChange {
  resource: Resource;
  addMembers: string[];
  /** Row ids of users to remove. */
  removeMembers: string[];
}

export interface SyncPlan {
  users: { create: Resource[]; update: { id: string; resource: Resource }[]; delete: string[] };
  groups: {
    create: { resource: Resource; members: string[] }[];
    update: ({ id: string; attributesChanged: boolean } & GroupChange)[];
    delete: string[];
  };
}

/**
 * The changes that make the stored directory equal to Google's, and nothing
 * more: rows that would not change are left out, so an unchanged directory of
 * any size plans no write at all. Rows are matched on externalId (the Google id).
 */
export function planSync(google: GoogleDirectorySnapshot, current: CurrentDirectoryState): SyncPlan {
  const usersByExternalId = byExternalId(current.users);
  const googleUserIds = new Set(google.users.map((user) => user.id));
  const plan: SyncPlan = {
    users: { create: [], update: [], delete: [] },
    groups: { create: [], update: [], delete: [] },
  };
  for (const user of google.users) {
    const resource = toScimUser(user);
    const stored = usersByExternalId.get(user.id);
    if (!stored) plan.users.create.push(resource);
    else if (!deepEqual(stored.attributes, resource)) plan.users.update.push({ id: stored.id, resource });
  }
  plan.users.delete = current.users.filter((row) => !row.externalId || !googleUserIds.has(row.externalId)).map((row) => row.id);

  const externalIdOfUser = new Map(current.users.map((row) => [row.id, row.externalId]));
  const groupsByExternalId = byExternalId(current.groups);
  const names = groupDisplayNames(google.groups);
  for (const group of google.groups) {
    const resource = toScimGroup(group, names.get(group.id)!);
    const wanted = new Set(
      (google.members.get(group.id) ?? [])
        .filter((member) => member.type === 'USER' && member.id && googleUserIds.has(member.id))
        .map((member) => member.id!),
    );
    const stored = groupsByExternalId.get(group.id);
    if (!stored) {
      plan.groups.create.push({ resource, members: [...wanted] });
      continue;
    }
    const have = current.memberships.get(stored.id) ?? [];
    const haveExternal = new Set(have.map((userId) => externalIdOfUser.get(userId)));
    const change = {
      id: stored.id,
      resource,
      attributesChanged: !deepEqual(stored.attributes, resource),
      addMembers: [...wanted].filter((googleId) => !haveExternal.has(googleId)),
      removeMembers: have.filter((userId) => !wanted.has(externalIdOfUser.get(userId) ?? '')),
    };
    if (change.attributesChanged || change.addMembers.length > 0 || change.removeMembers.length > 0) {
      plan.groups.update.push(change);
    }
  }
  const googleGroupIds = new Set(google.groups.map((group) => group.id));
  plan.groups.delete = current.groups
    .filter((row) => !row.externalId || !googleGroupIds.has(row.externalId))
    .map((row) => row.id);
  return plan;
}

/** How many rows each part of a plan touches: what a sync reports. */
export function planCounts(plan: SyncPlan): Record<string, number> {
  return {
    users_created: plan.users.create.length,
    users_updated: plan.users.update.length,
    users_deleted: plan.users.delete.length,
    groups_created: plan.groups.create.length,
    groups_updated: plan.groups.update.length,
    groups_deleted: plan.groups.delete.length,
  };
}

function byExternalId(rows: readonly StoredResource[]): Map<string, StoredResource> {
  return new Map(rows.filter((row) => row.externalId).map((row) => [row.externalId!, row]));
}
