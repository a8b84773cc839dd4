import { Injectable } from '@nestjs/common';
import {
  type DirectoryUser,
  DirectoryUsersRepository,
  EventLogRepository,
  GroupMembershipsRepository,
  type PrismaTransaction,
} from '@roster/data';
import { toDirectoryGroupObject, userChangeEvents } from '@roster/events';
import { newId } from '@roster/ids';
import { deepEqual } from '@roster/scim';
import type { DirectoryContext } from './directory-context';
import { normalizedUser } from './normalized-objects';
import { userFields } from './user-fields';
import { withUniqueness } from './write-preconditions';

/**
 * Stores users and appends the events of each change in the same transaction.
 * Callers (SCIM requests, the Google poller) hold the directory's lock through
 * DirectoryTransactions and pass canonical SCIM resources.
 */
@Injectable()
export class UserWriter {
  constructor(
    private readonly users: DirectoryUsersRepository,
    private readonly memberships: GroupMembershipsRepository,
    private readonly events: EventLogRepository,
  ) {}

  async create(
    tx: PrismaTransaction,
    directory: DirectoryContext,
    resource: Record<string, unknown>,
  ): Promise<DirectoryUser> {
    const fields = userFields(resource, directory.deprovisioning, null);
    const user = await withUniqueness('userName', () =>
      this.users.insert(tx, {
        id: newId('directoryUser'),
        directoryId: directory.id,
        tenantId: directory.tenantId,
        ...fields,
      }),
    );
    await this.appendEvents(tx, directory, null, user);
    return user;
  }

  /** Stores a new resource for an existing user; a write that changes nothing is not stored at all. */
  async save(
    tx: PrismaTransaction,
    directory: DirectoryContext,
    before: DirectoryUser,
    resource: Record<string, unknown>,
  ): Promise<DirectoryUser> {
    const fields = userFields(resource, directory.deprovisioning, before);
    if (isUnchanged(before, fields)) return before;
    const after = await withUniqueness('userName', () => this.users.update(tx, before.id, fields));
    await this.appendEvents(tx, directory, before, after);
    return after;
  }

  async delete(tx: PrismaTransaction, directory: DirectoryContext, user: DirectoryUser): Promise<void> {
    await this.appendEvents(tx, directory, user, null);
    await this.users.delete(tx, user.id);
  }

  private async appendEvents(
    tx: PrismaTransaction,
    directory: DirectoryContext,
    before: DirectoryUser | null,
    after: DirectoryUser | null,
  ): Promise<void> {
    // A user that did not exist before belongs to no group yet.
    const existing = before ?? undefined;
    const groups = existing ? ((await this.memberships.groupsOfUsers(tx, [existing.id])).get(existing.id) ?? []) : [];
    const change = {
      before: before && normalizedUser(before, groups, directory),
      after: after && normalizedUser(after, groups, directory),
    };
    const scope = { tenantId: directory.tenantId, directoryId: directory.id };
    await this.events.append(tx, userChangeEvents(scope, change, groups.map(toDirectoryGroupObject)));
  }
}

function isUnchanged(before: DirectoryUser, fields: ReturnType<typeof userFields>): boolean {
  return (
    deepEqual(before.attributes, fields.attributes) &&
    before.state === fields.state &&
    (before.removedAt === null) === (fields.removedAt === null)
  );
}
