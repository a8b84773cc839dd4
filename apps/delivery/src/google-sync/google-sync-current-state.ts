import { Injectable } from '@nestjs/common';
import { PrismaService } from '@roster/data';
import { missingFromGoogle, type StoredKey, type StoredMember, type StoredResource } from './google-sync-plan';

// Stored users read at a time to find the ones Google no longer lists: ids only, ~100 bytes each.
const KEYS_PAGE = 5_000;

/**
 * The stored side of the diff, read a part at a time: the users of one Google
 * page, the members of a batch of groups, the ids of the rest. Never every
 * stored resource at once, which for 20,000 users was ~25 MB of heap. Plain
 * SQL on the app's pool, as on the SCIM hot paths: cheaper per statement than
 * Prisma, whose debug history would also keep a copy of each id list.
 */
@Injectable()
export class GoogleSyncCurrentState {
  constructor(private readonly prisma: PrismaService) {}

  /** How many users are stored, and the row ids of those whose externalId is not among `googleUserIds`. */
  async usersMissingFrom(
    directoryId: string,
    googleUserIds: ReadonlySet<string>,
  ): Promise<{ stored: number; missing: string[] }> {
    let stored = 0;
    const missing: string[] = [];
    for (let after = ''; ;) {
      const keys = await this.prisma.sql.query<StoredKey>(
        `SELECT id, external_id AS "externalId" FROM directory_users
         WHERE directory_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
        [directoryId, after, KEYS_PAGE],
      );
      stored += keys.length;
      missing.push(...missingFromGoogle(keys, googleUserIds));
      if (keys.length < KEYS_PAGE) return { stored, missing };
      after = keys.at(-1)!.id;
    }
  }

  /** The stored users with these Google ids. */
  usersByExternalId(directoryId: string, googleIds: readonly string[]): Promise<StoredResource[]> {
    return this.prisma.sql.query<StoredResource>(
      `SELECT id, external_id AS "externalId", attributes FROM directory_users
       WHERE directory_id = $1 AND external_id = ANY($2::text[])`,
      [directoryId, googleIds],
    );
  }

  /** Every stored group (a directory has few next to its users). */
  groups(directoryId: string): Promise<StoredResource[]> {
    return this.prisma.sql.query<StoredResource>(
      `SELECT id, external_id AS "externalId", attributes FROM directory_groups WHERE directory_id = $1`,
      [directoryId],
    );
  }

  /** The members of these groups, with each user's externalId: group row id -> members. */
  async memberships(groupIds: readonly string[]): Promise<Map<string, StoredMember[]>> {
    const memberships = new Map<string, StoredMember[]>(groupIds.map((id) => [id, []]));
    if (groupIds.length === 0) return memberships;
    const rows = await this.prisma.sql.query<StoredMember & { groupId: string }>(
      `SELECT m.group_id AS "groupId", m.user_id AS "userId", u.external_id AS "externalId"
       FROM group_memberships m JOIN directory_users u ON u.id = m.user_id
       WHERE m.group_id = ANY($1::text[])`,
      [groupIds],
    );
    for (const { groupId, ...member } of rows) memberships.get(groupId)?.push(member);
    return memberships;
  }
}
