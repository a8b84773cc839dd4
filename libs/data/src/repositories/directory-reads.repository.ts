import { Injectable } from '@nestjs/common';
import type { GroupReference } from '@roster/events';
import { fetchPage, type IdRange, type Page, type PageQuery } from '../cursor-page';
import { type DirectoryGroup, type DirectoryUser, Prisma } from '../generated/prisma/client';
import { PrismaService, type PrismaTransaction } from '../prisma.service';

export interface DirectoryUserFilter {
  directoryId?: string;
  /** Only members of this group. */
  groupId?: string;
}

export interface DirectoryGroupFilter {
  directoryId?: string;
  /** Only groups this user belongs to. */
  userId?: string;
}

/**
 * Reads of the normalized directory: users and groups as the admin API and the
 * portal show them. A user row with `removed_at` set is a SCIM resource whose
 * directory user is gone (deprovisioned in `delete` mode): reads never show it.
 */
@Injectable()
export class DirectoryReadsRepository {
  constructor(private readonly prisma: PrismaService) {}

  findUser(id: string): Promise<DirectoryUser | null> {
    return this.prisma.directoryUser.findFirst({ where: { id, removedAt: null } });
  }

  findGroup(id: string): Promise<DirectoryGroup | null> {
    return this.prisma.directoryGroup.findUnique({ where: { id } });
  }

  async listUsers(page: PageQuery, filter: DirectoryUserFilter): Promise<Page<DirectoryUser>> {
    const { groupId, directoryId } = filter;
    if (groupId === undefined) {
      return fetchPage(page, ({ id, order, take }) =>
        this.prisma.directoryUser.findMany({
          where: { id, directoryId, removedAt: null },
          orderBy: { id: order },
          take,
        }),
      );
    }
    // Walk the group's memberships in user-id order (the primary key), joining
    // each to its user, so a page of a 10,000-member group reads a page of rows.
    return fetchPage(page, async ({ id, order, take }) => {
      const ids = await this.prisma.$queryRaw<{ id: string }[]>`
        SELECT m.user_id AS id FROM group_memberships m JOIN directory_users u ON u.id = m.user_id
         WHERE m.group_id = ${groupId} AND u.removed_at IS NULL
           ${directoryId === undefined ? Prisma.empty : Prisma.sql`AND u.directory_id = ${directoryId}`}
           ${keyRange(Prisma.sql`m.user_id`, id)}
         ORDER BY m.user_id ${order === 'asc' ? Prisma.sql`ASC` : Prisma.sql`DESC`} LIMIT ${take}`;
      return inOrder(ids, await this.prisma.directoryUser.findMany({ where: { id: { in: ids.map((row) => row.id) } } }));
    });
  }

  async listGroups(page: PageQuery, filter: DirectoryGroupFilter): Promise<Page<DirectoryGroup>> {
    const { userId, directoryId } = filter;
    if (userId === undefined) {
      return fetchPage(page, ({ id, order, take }) =>
        this.prisma.directoryGroup.findMany({ where: { id, directoryId }, orderBy: { id: order }, take }),
      );
    }
    return fetchPage(page, async ({ id, order, take }) => {
      const ids = await this.prisma.$queryRaw<{ id: string }[]>`
        SELECT m.group_id AS id FROM group_memberships m
         WHERE m.user_id = ${userId}
           ${directoryId === undefined ? Prisma.empty : Prisma.sql`AND m.directory_id = ${directoryId}`}
           ${keyRange(Prisma.sql`m.group_id`, id)}
         ORDER BY m.group_id ${order === 'asc' ? Prisma.sql`ASC` : Prisma.sql`DESC`} LIMIT ${take}`;
      return inOrder(ids, await this.prisma.directoryGroup.findMany({ where: { id: { in: ids.map((row) => row.id) } } }));
    });
  }

  /**
   * The groups of many users in one query, as the normalized user lists them:
   * `{id, name}` ordered by group name, then id. Users without groups map to [].
   */
  async groupsForUsers(
    userIds: readonly string[],
    db: PrismaTransaction = this.prisma,
  ): Promise<Map<string, GroupReference[]>> {
    const groups = new Map<string, GroupReference[]>(userIds.map((id) => [id, []]));
    if (userIds.length === 0) return groups;
    const rows = await db.$queryRaw<{ user_id: string; id: string; name: string }[]>`
      SELECT m.user_id, g.id, g.display_name AS name
        FROM group_memberships m
        JOIN directory_groups g ON g.id = m.group_id
       WHERE m.user_id = ANY(${[...userIds]}::text[])
       ORDER BY g.display_name, g.id`;
    for (const row of rows) groups.get(row.user_id)?.push({ id: row.id, name: row.name });
    return groups;
  }

  countUsers(directoryId: string): Promise<number> {
    return this.prisma.directoryUser.count({ where: { directoryId, removedAt: null } });
  }

  countGroups(directoryId: string): Promise<number> {
    return this.prisma.directoryGroup.count({ where: { directoryId } });
  }

  /** The stored SCIM attributes of the most recently created users: a bounded sample. */
  async sampleUserAttributes(directoryId: string, size: number): Promise<unknown[]> {
    const rows = await this.prisma.directoryUser.findMany({
      where: { directoryId, removedAt: null },
      orderBy: { id: 'desc' },
      take: size,
      select: { attributes: true },
    });
    return rows.map((row) => row.attributes);
  }

  /** Those of `ids` that are groups of the directory. */
  findGroupsIn(directoryId: string, ids: readonly string[]): Promise<DirectoryGroup[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.prisma.directoryGroup.findMany({ where: { directoryId, id: { in: [...ids] } } });
  }

  /** Groups by name (case-insensitive `search` within the name), at most `limit`. */
  searchGroups(directoryId: string, options: { search?: string; limit: number }): Promise<DirectoryGroup[]> {
    const search = options.search?.trim();
    return this.prisma.directoryGroup.findMany({
      where: { directoryId, ...(search ? { displayName: { contains: search, mode: 'insensitive' } } : {}) },
      orderBy: [{ displayName: 'asc' }, { id: 'asc' }],
      take: options.limit,
    });
  }
}

function keyRange(column: Prisma.Sql, range?: IdRange): Prisma.Sql {
  if (range?.gt !== undefined) return Prisma.sql`AND ${column} > ${range.gt}`;
  if (range?.lt !== undefined) return Prisma.sql`AND ${column} < ${range.lt}`;
  return Prisma.empty;
}

/** Rows in the order of `ids` (an IN query returns them in any order). */
function inOrder<T extends { id: string }>(ids: { id: string }[], rows: T[]): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((row) => byId.get(row.id) ?? []);
}
