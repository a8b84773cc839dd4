import { deepEqual } from '@roster/scim';
import type { GoogleDirectoryOutline, GoogleGroup, GoogleUser } from './google-directory.types';
import { toScimGroup, toScimUser } from './google-resource-mapping';

type Resource = Record<string, unknown>;

/** What the sync needs to know of a stored user or group. */
export interface StoredResource {
  id: string;
  externalId: string | null;
  attributes: unknown;
}

/** A stored user as deletion detection sees it: no resource, so all of them fit in little memory. */
export type StoredKey = Pick<StoredResource, 'id' | 'externalId'>;

/** A member of a stored group, with the user's externalId (its Google id). */
export interface StoredMember {
  userId: string;
  externalId: string | null;
}

/** The changes to the users of one Google page. */
export interface UserChanges {
  create: Resource[];
  update: { id: string; resource: Resource }[];
}

/** Members are named by Google user id: users created by this sync have no row id yet. */
export interface GroupChange {
  resource: Resource;
  addMembers: string[];
  /** Row ids of users to remove. */
  removeMembers: string[];
}

export interface GroupChanges {
  create: { resource: Resource; members: string[] }[];
  update: ({ id: string; attributesChanged: boolean } & GroupChange)[];
  delete: string[];
}

/** What group planning reads of Google: the display names (see groupDisplayNames), members and users. */
export type GoogleGroupsView = Pick<GoogleDirectoryOutline, 'members' | 'userIds'> & {
  names: ReadonlyMap<string, string>;
};

/*
 * The changes that make the stored directory equal to Google's, and nothing
 * more: rows that would not change are left out, so an unchanged directory of
 * any size plans no write at all. Rows are matched on externalId (the Google id).
 * Each function sees a part (a page of users, a batch of groups) so that a sync
 * never holds a whole directory.
 */

/** Creates and updates for one page of Google users; `stored`: the stored users with those Google ids. */
export function planUsers(users: readonly GoogleUser[], stored: readonly StoredResource[]): UserChanges {
  const byGoogleId = byExternalId(stored);
  const changes: UserChanges = { create: [], update: [] };
  for (const user of users) {
    const resource = toScimUser(user);
    const row = byGoogleId.get(user.id);
    if (!row) changes.create.push(resource);
    else if (!deepEqual(row.attributes, resource)) changes.update.push({ id: row.id, resource });
  }
  return changes;
}

/** Row ids of the stored users or groups Google does not list (or that did not come from it). */
export function missingFromGoogle(stored: readonly StoredKey[], googleIds: ReadonlySet<string>): string[] {
  return stored.filter((row) => !row.externalId || !googleIds.has(row.externalId)).map((row) => row.id);
}

/**
 * Creates and updates for some Google groups. `stored`: stored groups by
 * externalId; `memberships`: the members of those of them among `groups`.
 */
export function planGroups(
  groups: readonly GoogleGroup[],
  google: GoogleGroupsView,
  stored: ReadonlyMap<string, StoredResource>,
  memberships: ReadonlyMap<string, readonly StoredMember[]>,
): Omit<GroupChanges, 'delete'> {
  const changes: Omit<GroupChanges, 'delete'> = { create: [], update: [] };
  for (const group of groups) {
    const resource = toScimGroup(group, google.names.get(group.id)!);
    const wanted = new Set((google.members.get(group.id) ?? []).filter((googleId) => google.userIds.has(googleId)));
    const row = stored.get(group.id);
    if (!row) {
      changes.create.push({ resource, members: [...wanted] });
      continue;
    }
    const have = memberships.get(row.id) ?? [];
    const haveExternal = new Set(have.map((member) => member.externalId));
    const change = {
      id: row.id,
      resource,
      attributesChanged: !deepEqual(row.attributes, resource),
      addMembers: [...wanted].filter((googleId) => !haveExternal.has(googleId)),
      removeMembers: have.filter((member) => !wanted.has(member.externalId ?? '')).map((member) => member.userId),
    };
    if (change.attributesChanged || change.addMembers.length > 0 || change.removeMembers.length > 0) {
      changes.update.push(change);
    }
  }
  return changes;
}

/** How many rows the group changes touch: part of what a sync reports. */
export function groupCounts(changes: GroupChanges): Record<string, number> {
  return {
    groups_created: changes.create.length,
    groups_updated: changes.update.length,
    groups_deleted: changes.delete.length,
  };
}

export function byExternalId<T extends StoredKey>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.filter((row) => row.externalId).map((row) => [row.externalId!, row]));
}
