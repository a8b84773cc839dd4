import { Injectable } from '@nestjs/common';
import {
  type DirectoryGroup,
  DirectoryGroupsRepository,
  DirectoryUsersRepository,
  EventLogRepository,
  GroupMembershipsRepository,
  type Database,
} from '@roster/data';
import { type DirectoryGroupObject, membershipEvent, type NewEvent, toDirectoryGroupObject } from '@roster/events';
import { type MembershipOperation, ScimError } from '@roster/scim';
import type { DirectoryContext } from './directory-context';
import { normalizedUser } from './normalized-objects';

type MembershipChange = { kind: 'added' | 'removed'; userId: string };

/** The SCIM requests' plain pg transactions, or a Prisma one (the Google poller's). */

// Events for big membership changes are built and appended a slice at a time.
const SLICE = 1000;

/**
 * Applies membership operations as set operations on group_memberships and
 * appends exactly one event per effective change of a normalized user (users
 * deprovisioned in `delete` mode keep their SCIM memberships silently).
 */
@Injectable()
export class MembershipWriter {
  constructor(
    private readonly memberships: GroupMembershipsRepository,
    private readonly users: DirectoryUsersRepository,
    private readonly groups: DirectoryGroupsRepository,
    private readonly events: EventLogRepository,
  ) {}

  /** @returns whether any membership changed. @throws ScimError 400 for members that are not users of the directory. */
  async apply(
    tx: Database,
    directory: DirectoryContext,
    group: DirectoryGroup,
    operations: readonly MembershipOperation[],
  ): Promise<boolean> {
    const changes: MembershipChange[] = [];
    for (const operation of operations) changes.push(...(await this.applyOne(tx, directory, group, operation)));
    await this.appendEvents(tx, directory, toDirectoryGroupObject(group), changes);
    return changes.length > 0;
  }

  /** Removes every member of a group about to be deleted, with their events. */
  async removeEveryone(tx: Database, directory: DirectoryContext, group: DirectoryGroup): Promise<void> {
    const removed = await this.memberships.removeAllExcept(tx, group.id, []);
    await this.appendEvents(
      tx,
      directory,
      toDirectoryGroupObject(group),
      removed.map((userId) => ({ kind: 'removed', userId })),
    );
  }

  private async applyOne(
    tx: Database,
    directory: DirectoryContext,
    group: DirectoryGroup,
    operation: MembershipOperation,
  ): Promise<MembershipChange[]> {
    const added = (ids: string[]) => ids.map((userId): MembershipChange => ({ kind: 'added', userId }));
    const removed = (ids: string[]) => ids.map((userId): MembershipChange => ({ kind: 'removed', userId }));
    switch (operation.kind) {
      case 'add': {
        const userIds = await this.memberUsers(tx, directory, operation.userIds);
        return added(await this.memberships.add(tx, directory.id, group.id, userIds));
      }
      case 'remove':
        return removed(await this.memberships.remove(tx, group.id, operation.userIds));
      case 'removeAll':
        return removed(await this.memberships.removeAllExcept(tx, group.id, []));
      case 'replace': {
        const userIds = await this.memberUsers(tx, directory, operation.userIds);
        const gone = removed(await this.memberships.removeAllExcept(tx, group.id, userIds));
        return [...gone, ...added(await this.memberships.add(tx, directory.id, group.id, userIds))];
      }
    }
  }

  /**
   * The member ids that are users of this directory. Nested groups are not
   * modelled (no IdP we serve pushes them) and are skipped; anything else is
   * the client's mistake, reported rather than silently dropped.
   */
  private async memberUsers(tx: Database, directory: DirectoryContext, ids: readonly string[]): Promise<string[]> {
    const users = await this.users.existing(tx, directory.id, ids);
    const missing = ids.filter((id) => !users.has(id));
    if (missing.length > 0) {
      const groups = await this.groups.existing(tx, directory.id, missing);
      const unknown = missing.filter((id) => !groups.has(id));
      if (unknown.length > 0) {
        throw ScimError.invalidValue(`No user ${unknown.slice(0, 5).join(', ')} in this directory`);
      }
    }
    return ids.filter((id) => users.has(id));
  }

  private async appendEvents(
    tx: Database,
    directory: DirectoryContext,
    group: DirectoryGroupObject,
    changes: readonly MembershipChange[],
  ): Promise<void> {
    const scope = { tenantId: directory.tenantId, directoryId: directory.id };
    for (let start = 0; start < changes.length; start += SLICE) {
      const slice = changes.slice(start, start + SLICE);
      const ids = [...new Set(slice.map((change) => change.userId))];
      const [users, groupsOfUsers] = await Promise.all([
        this.users.findMany(tx, directory.id, ids),
        this.memberships.groupRefsOfUsers(tx, ids),
      ]);
      const objects = new Map(
        users.map((user) => [user.id, normalizedUser(user, groupsOfUsers.get(user.id) ?? [], directory)]),
      );
      const events: NewEvent[] = [];
      for (const change of slice) {
        const user = objects.get(change.userId);
        if (!user) continue;
        const type = change.kind === 'added' ? 'dsync.group.user_added' : 'dsync.group.user_removed';
        events.push(membershipEvent(scope, type, user, group));
      }
      await this.events.append(tx, events);
    }
  }
}
