import { Injectable } from '@nestjs/common';
import {
  DirectoryGroupsRepository,
  DirectoryUsersRepository,
  forgetPrismaDebugHistory,
  type PrismaTransaction,
} from '@roster/data';
import { type DirectoryContext, DirectoryTransactions, GroupWriter, UserWriter } from '@roster/directory-sync';
import type { MembershipOperation } from '@roster/scim';
import type { GroupChanges, UserChanges } from './google-sync-plan';

// Rows per transaction: one sync of 20,000 users is 40 short transactions, not one
// that holds the directory's lock (and SCIM traffic) for its whole length.
const USER_BATCH = 500;
const GROUP_BATCH = 50;

/** Runs between transactions (the caller renews its lease there). */
export type Between = () => Promise<void>;

/**
 * Applies a sync's changes through the same writers as SCIM requests, so the
 * same change gives the same events. The caller's order: users gone from
 * Google first (a re-created account may reuse an email), then new and changed
 * users a Google page at a time, then groups with their memberships, then
 * groups gone.
 */
@Injectable()
export class GoogleSyncApplier {
  constructor(
    private readonly transactions: DirectoryTransactions,
    private readonly users: DirectoryUsersRepository,
    private readonly groups: DirectoryGroupsRepository,
    private readonly userWriter: UserWriter,
    private readonly groupWriter: GroupWriter,
  ) {}

  async deleteUsers(directory: DirectoryContext, ids: readonly string[], between: Between): Promise<void> {
    await this.inBatches(directory, ids, USER_BATCH, between, async (tx, batch) => {
      for (const user of await this.users.findMany(tx, directory.id, batch))
        await this.userWriter.delete(tx, directory, user);
    });
  }

  /** The creates, then the updates, of one page of users. */
  async applyUsers(directory: DirectoryContext, changes: UserChanges, between: Between): Promise<void> {
    await this.inBatches(directory, changes.create, USER_BATCH, between, async (tx, resources) => {
      await this.userWriter.createMany(tx, directory, resources);
    });
    await this.inBatches(directory, changes.update, USER_BATCH, between, async (tx, updates) => {
      const rows = new Map(
        (
          await this.users.findMany(
            tx,
            directory.id,
            updates.map((update) => update.id),
          )
        ).map((row) => [row.id, row]),
      );
      for (const update of updates) {
        const before = rows.get(update.id);
        if (before) await this.userWriter.save(tx, directory, before, update.resource);
      }
    });
  }

  /** Groups after the users: members are named by Google id, found here among the stored users. */
  async applyGroups(directory: DirectoryContext, changes: GroupChanges, between: Between): Promise<void> {
    await this.inBatches(directory, changes.create, GROUP_BATCH, between, async (tx, creates) => {
      for (const create of creates) {
        await this.groupWriter.create(
          tx,
          directory,
          create.resource,
          await this.memberIds(tx, directory.id, create.members),
        );
        forgetPrismaDebugHistory();
      }
    });
    await this.inBatches(directory, changes.update, GROUP_BATCH, between, async (tx, updates) => {
      for (const update of updates) {
        const before = await this.groups.find(tx, directory.id, update.id);
        if (!before) continue;
        const resource = update.attributesChanged ? update.resource : (before.attributes as Record<string, unknown>);
        const membership: MembershipOperation[] = [
          { kind: 'remove', userIds: update.removeMembers },
          { kind: 'add', userIds: await this.memberIds(tx, directory.id, update.addMembers) },
        ];
        await this.groupWriter.save(tx, directory, before, resource, membership);
        forgetPrismaDebugHistory();
      }
    });
    await this.inBatches(directory, changes.delete, GROUP_BATCH, between, async (tx, ids) => {
      for (const id of ids) {
        const group = await this.groups.find(tx, directory.id, id);
        if (group) await this.groupWriter.delete(tx, directory, group);
        forgetPrismaDebugHistory();
      }
    });
  }

  private async inBatches<T>(
    directory: DirectoryContext,
    items: readonly T[],
    size: number,
    between: Between,
    work: (tx: PrismaTransaction, batch: T[]) => Promise<void>,
  ): Promise<void> {
    for (let start = 0; start < items.length; start += size) {
      await this.transactions.run(directory.id, (tx) => work(tx, items.slice(start, start + size)));
      // A group's membership events or a page of users are MBs of query parameters.
      forgetPrismaDebugHistory();
      await between();
    }
  }

  /** Row ids of the stored users with these Google ids, in the same order; unknown ones are left out. */
  private async memberIds(tx: PrismaTransaction, directoryId: string, googleIds: readonly string[]): Promise<string[]> {
    if (googleIds.length === 0) return [];
    const rows = await tx.$queryRaw<{ id: string; externalId: string }[]>`
      SELECT id, external_id AS "externalId" FROM directory_users
      WHERE directory_id = ${directoryId} AND external_id = ANY(${[...googleIds]}::text[])`;
    const rowIds = new Map(rows.map((row) => [row.externalId, row.id]));
    return googleIds.map((googleId) => rowIds.get(googleId)).filter((id): id is string => id !== undefined);
  }
}
