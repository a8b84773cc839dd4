import { Injectable } from '@nestjs/common';
import type { DirectoryGroup } from '../generated/prisma/client';
import type { PrismaTransaction } from '../prisma.service';
import { groupColumns } from './directory-groups.repository';
import { type Database, sqlOf } from './repository-database';

/** A member as a SCIM group lists it. */
export interface GroupMember {
  userId: string;
  display: string;
}

/**
 * Group membership as rows, changed set-wise: adding 1,000 members to a
 * 50,000-member group touches 1,000 rows, and every method returns only the
 * user ids whose membership really changed (for exactly one event each).
 */
@Injectable()
export class GroupMembershipsRepository {
  async add(
    db: PrismaTransaction,
    directoryId: string,
    groupId: string,
    userIds: readonly string[],
  ): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows = await db.$queryRaw<{ user_id: string }[]>`
      INSERT INTO group_memberships (group_id, user_id, directory_id)
      SELECT ${groupId}, u, ${directoryId} FROM unnest(${[...userIds]}::text[]) WITH ORDINALITY AS x(u, n) ORDER BY n
      ON CONFLICT DO NOTHING RETURNING user_id`;
    return orderLike(userIds, rows);
  }

  async remove(db: PrismaTransaction, groupId: string, userIds: readonly string[]): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows = await db.$queryRaw<{ user_id: string }[]>`
      DELETE FROM group_memberships WHERE group_id = ${groupId} AND user_id = ANY(${[...userIds]}::text[]) RETURNING user_id`;
    return orderLike(userIds, rows);
  }

  /** Removes every member but `keep` (a full-list replace), returning the removed ids in id order. */
  async removeAllExcept(db: PrismaTransaction, groupId: string, keep: readonly string[]): Promise<string[]> {
    const rows = await db.$queryRaw<{ user_id: string }[]>`
      DELETE FROM group_memberships WHERE group_id = ${groupId} AND NOT (user_id = ANY(${[...keep]}::text[])) RETURNING user_id`;
    return rows.map((row) => row.user_id).sort();
  }

  /** Members in user-id order, a keyset page at a time, with the display name SCIM shows. */
  membersPage(db: PrismaTransaction, groupId: string, afterUserId: string, limit: number): Promise<GroupMember[]> {
    return db.$queryRaw<GroupMember[]>`
      SELECT m.user_id AS "userId", coalesce(u.display_name, u.user_name) AS display
      FROM group_memberships m JOIN directory_users u ON u.id = m.user_id
      WHERE m.group_id = ${groupId} AND m.user_id > ${afterUserId} AND u.scim_deleted_at IS NULL
      ORDER BY m.user_id LIMIT ${limit}`;
  }

  /** The groups of each user, by group name then id, in one query. */
  async groupsOfUsers(db: Database, userIds: readonly string[]): Promise<Map<string, DirectoryGroup[]>> {
    const groups = new Map<string, DirectoryGroup[]>(userIds.map((id) => [id, []]));
    if (userIds.length === 0) return groups;
    const rows = await sqlOf(db).query<DirectoryGroup & { memberId: string }>(
      `SELECT m.user_id AS "memberId", ${groupColumns('g')}
       FROM group_memberships m JOIN directory_groups g ON g.id = m.group_id
       WHERE m.user_id = ANY($1::text[]) ORDER BY g.display_name, g.id`,
      [userIds],
    );
    for (const { memberId, ...group } of rows) groups.get(memberId)?.push(group);
    return groups;
  }
}

function orderLike(requested: readonly string[], rows: { user_id: string }[]): string[] {
  const changed = new Set(rows.map((row) => row.user_id));
  return requested.filter((id) => changed.has(id));
}
