import { Injectable } from '@nestjs/common';
import {
  type DirectoryUser,
  type DirectoryUserFields,
  DirectoryUsersRepository,
  EventLogRepository,
  GroupMembershipsRepository,
  type Database,
} from '@roster/data';
import { toDirectoryGroupObject, userChangeEvents } from '@roster/events';
import { newId } from '@roster/ids';
import { deepEqual } from '@roster/scim';
import type { DirectoryContext } from './directory-context';
import { normalizedUser } from './normalized-objects';
import { userFields } from './user-fields';
import { userNameTaken, withUniqueness } from './write-preconditions';
import { failed, succeeded, type WriteOutcome } from './write-outcome';

/** The SCIM requests' plain pg transactions, or a Prisma one (the Google poller's). */

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
  async create(tx: Database, directory: DirectoryContext, resource: Record<string, unknown>): Promise<DirectoryUser> {
    const [user] = await this.createMany(tx, directory, [resource]);
    return user!;
  }

  /**
   * Creates many users with one insert and one event append (a burst of SCIM
   * POSTs, a polled directory's first sync). Each resource gets its own
   * outcome, the same as `create` would give it: a taken userName is a 409,
   * a userName the IdP had DELETEd in `deactivate` mode revives that user.
   */
  async createEach(
    tx: Database,
    directory: DirectoryContext,
    resources: readonly Record<string, unknown>[],
  ): Promise<WriteOutcome<DirectoryUser>[]> {
    const fields = resources.map((resource) => userFields(resource, directory.deprovisioning, null));
    const rows = fields.map((entry) => ({
      id: newId('directoryUser'),
      directoryId: directory.id,
      tenantId: directory.tenantId,
      ...entry,
    }));
    const inserted = await this.users.insertSkippingTaken(tx, rows);
    const scope = { tenantId: directory.tenantId, directoryId: directory.id };
    const created = [...inserted.values()].map((user) => ({
      before: null,
      after: normalizedUser(user, [], directory),
    }));
    await this.events.append(
      tx,
      created.flatMap((change) => userChangeEvents(scope, change, [])),
    );
    const taken = rows.filter((row) => !inserted.has(row.id));
    const deleted = await this.users.findScimDeletedByUserNames(
      tx,
      directory.id,
      taken.map((row) => row.userName),
    );
    const outcomes: WriteOutcome<DirectoryUser>[] = [];
    for (const [index, row] of rows.entries()) {
      const user = inserted.get(row.id);
      if (user) {
        outcomes.push(succeeded(user));
        continue;
      }
      const key = row.userName.toLowerCase();
      const previous = deleted.get(key);
      // One revival per userName: a second create of it in the same batch finds it taken.
      deleted.delete(key);
      const revive = { ...fields[index]!, scimDeletedAt: null };
      outcomes.push(previous ? succeeded(await this.write(tx, directory, previous, revive)) : failed(userNameTaken()));
    }
    return outcomes;
  }

  /** As `createEach`, all or nothing: the first failure is thrown. */
  async createMany(
    tx: Database,
    directory: DirectoryContext,
    resources: readonly Record<string, unknown>[],
  ): Promise<DirectoryUser[]> {
    return (await this.createEach(tx, directory, resources)).map((outcome) => {
      if (!outcome.ok) throw outcome.error;
      return outcome.value;
    });
  }

  /** Stores a new resource for an existing user; a write that changes nothing is not stored at all. */
  async save(
    tx: Database,
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
  async delete(tx: Database, directory: DirectoryContext, user: DirectoryUser): Promise<void> {
    if (directory.deprovisioning === 'deactivate' && user.state === 'active') {
      const fields = userFields({ ...(user.attributes as Record<string, unknown>), active: false }, 'deactivate', user);
      await this.write(tx, directory, user, { ...fields, scimDeletedAt: new Date() });
      return;
    }
    await this.appendEvents(tx, directory, user, null);
    await this.users.delete(tx, user.id);
  }

  private async write(
    tx: Database,
    directory: DirectoryContext,
    before: DirectoryUser,
    fields: DirectoryUserFields & { scimDeletedAt?: Date | null },
  ): Promise<DirectoryUser> {
    const after = await withUniqueness('userName', () => this.users.update(tx, before.id, fields));
    await this.appendEvents(tx, directory, before, after);
    return after;
  }

  private async appendEvents(
    tx: Database,
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
