import { Injectable } from '@nestjs/common';
import { DirectoryGroupsRepository, DirectoryUsersRepository, type PrismaTransaction } from '@roster/data';
import { type DirectoryContext, DirectoryTransactions, GroupWriter, UserWriter } from '@roster/directory-sync';
import type { MembershipOperation } from '@roster/scim';
import type { SyncPlan } from './google-sync-plan';

// Rows per transaction: one sync of 20,000 users is 40 short transactions, not one
// that holds the directory's lock (and SCIM traffic) for its whole length.
const USER_BATCH = 500;
const GROUP_BATCH = 50;

/**
 * Applies a sync plan through the same writers as SCIM requests, so the same
 * change gives the same events. Order: users gone from Google first (a
 * re-created account may reuse an email), then new and changed users, then
 * groups with their memberships, then groups gone. `between` runs between
 * batches (the caller renews its lease there).
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

  /** `userIds` maps Google user ids to row ids; users created here are added to it. */
  async apply(
    directory: DirectoryContext,
    plan: SyncPlan,
    userIds: Map<string, string>,
    between: () => Promise<void>,
  ): Promise<void> {
    const inBatches = async <T>(
      items: readonly T[],
      size: number,
      work: (tx: PrismaTransaction, batch: T[]) => Promise<void>,
    ) => {
      for (let start = 0; start < items.length; start += size) {
        await this.transactions.run(directory.id, (tx) => work(tx, items.slice(start, start + size)));
        await between();
      }
    };
    const memberIds = (googleIds: readonly string[]) =>
      googleIds.map((googleId) => userIds.get(googleId)).filter((id): id is string => id !== undefined);

    await inBatches(plan.users.delete, USER_BATCH, async (tx, ids) => {
      for (const user of await this.users.findMany(tx, directory.id, ids))
        await this.userWriter.delete(tx, directory, user);
    });
    await inBatches(plan.users.create, USER_BATCH, async (tx, resources) => {
      const users = await this.userWriter.createMany(tx, directory, resources);
      users.forEach((user, index) => userIds.set(String(resources[index]!.externalId), user.id));
    });
    await inBatches(plan.users.update, USER_BATCH, async (tx, updates) => {
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
    await inBatches(plan.groups.create, GROUP_BATCH, async (tx, creates) => {
      for (const create of creates)
        await this.groupWriter.create(tx, directory, create.resource, memberIds(create.members));
    });
    await inBatches(plan.groups.update, GROUP_BATCH, async (tx, updates) => {
      for (const update of updates) {
        const before = await this.groups.find(tx, directory.id, update.id);
        if (!before) continue;
        const resource = update.attributesChanged ? update.resource : (before.attributes as Record<string, unknown>);
        const membership: MembershipOperation[] = [
          { kind: 'remove', userIds: update.removeMembers },
          { kind: 'add', userIds: memberIds(update.addMembers) },
        ];
        await this.groupWriter.save(tx, directory, before, resource, membership);
      }
    });
    await inBatches(plan.groups.delete, GROUP_BATCH, async (tx, ids) => {
      for (const id of ids) {
        const group = await this.groups.find(tx, directory.id, id);
        if (group) await this.groupWriter.delete(tx, directory, group);
      }
    });
  }
}
