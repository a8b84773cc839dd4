import { Injectable } from '@nestjs/common';
import {
  type DirectoryUser,
  type DirectoryUserFields,
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

  /** A new user; or, in `deactivate` mode, the same directory user again if the IdP had DELETEd it. */
  async create(
    tx: PrismaTransaction,
    directory: DirectoryContext,
    resource: Record<string, unknown>,
  ): Promise<DirectoryUser> {
    const fields = userFields(resource, directory.deprovisioning, null);
    const deleted = await this.users.findScimDeleted(tx, directory.id, fields.userName);
    if (deleted) return this.write(tx, directory, deleted, { ...fields, scimDeletedAt: null });
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

  /**
   * Creates many users with one insert and one event append (a polled
   * directory's first sync brings thousands). Same outcome as `create` per user.
   */
  async createMany(
    tx: PrismaTransaction,
    directory: DirectoryContext,
    resources: readonly Record<string, unknown>[],
  ): Promise<DirectoryUser[]> {
    const fields = resources.map((resource) => userFields(resource, directory.deprovisioning, null));
    const deleted = await this.users.findScimDeletedByUserNames(
      tx,
      directory.id,
      fields.map((entry) => entry.userName),
    );
    const revived = new Map<number, DirectoryUser>();
    for (const [index, entry] of fields.entries()) {
      const previous = deleted.get(entry.userName.toLowerCase());
      if (previous) revived.set(index, await this.write(tx, directory, previous, { ...entry, scimDeletedAt: null }));
    }
    const fresh = fields.flatMap((entry, index) =>
      revived.has(index)
        ? []
        : [{ id: newId('directoryUser'), directoryId: directory.id, tenantId: directory.tenantId, ...entry }],
    );
    const inserted = await withUniqueness('userName', () => this.users.insertMany(tx, fresh));
    const scope = { tenantId: directory.tenantId, directoryId: directory.id };
    const events = inserted.flatMap((user) =>
      userChangeEvents(scope, { before: null, after: normalizedUser(user, [], directory) }, []),
    );
    await this.events.append(tx, events);
    const created = [...inserted];
    return fields.map((_, index) => revived.get(index) ?? created.shift()!);
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
    return this.write(tx, directory, before, fields);
  }

  /**
   * The IdP removed the user. DELETE is one of the ways an IdP says "this person
   * lost access" (CONTRACT section 5), so in `deactivate` mode an active user is
   * kept as inactive, exactly as after `active: false`, while its SCIM resource
   * is gone; a user already inactive is deleted.
   */
  async delete(tx: PrismaTransaction, directory: DirectoryContext, user: DirectoryUser): Promise<void> {
    if (directory.deprovisioning === 'deactivate' && user.state === 'active') {
      const fields = userFields({ ...(user.attributes as Record<string, unknown>), active: false }, 'deactivate', user);
      await this.write(tx, directory, user, { ...fields, scimDeletedAt: new Date() });
      return;
    }
    await this.appendEvents(tx, directory, user, null);
    await this.users.delete(tx, user.id);
  }

  private async write(
    tx: PrismaTransaction,
    directory: DirectoryContext,
    before: DirectoryUser,
    fields: DirectoryUserFields & { scimDeletedAt?: Date | null },
  ): Promise<DirectoryUser> {
    const after = await withUniqueness('userName', () => this.users.update(tx, before.id, fields));
    await this.appendEvents(tx, directory, before, after);
    return after;
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
