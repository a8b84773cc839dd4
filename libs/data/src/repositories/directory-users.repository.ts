import { Injectable } from '@nestjs/common';
import type { DirectoryUser, Prisma } from '../generated/prisma/client';
import type { PrismaTransaction } from '../prisma.service';
import { translateUniqueViolation } from '../unique-violation';
import { type ResourceListQuery, listResources } from './resource-list-query';

/** The columns a SCIM user write sets; the resource JSON is the source, the rest mirror it for indexes. */
export interface DirectoryUserFields {
  externalId: string | null;
  userName: string;
  active: boolean;
  state: string;
  removedAt: Date | null;
  displayName: string | null;
  givenName: string | null;
  familyName: string | null;
  email: string | null;
  attributes: Prisma.InputJsonValue;
}

/** SCIM users of a directory (`directory_users`). Writes join the caller's transaction. */
@Injectable()
export class DirectoryUsersRepository {
  async insert(
    db: PrismaTransaction,
    user: { id: string; directoryId: string; tenantId: string } & DirectoryUserFields,
  ): Promise<DirectoryUser> {
    try {
      return await db.directoryUser.create({ data: user });
    } catch (error) {
      return translateUniqueViolation(error, 'userName');
    }
  }

  /**
   * Inserts many users in one statement. Users whose userName is taken (by a
   * stored user or an earlier one of the same call) are skipped, not an error:
   * the result holds only the inserted rows, by id.
   */
  async insertSkippingTaken(
    db: PrismaTransaction,
    users: ({ id: string; directoryId: string; tenantId: string } & DirectoryUserFields)[],
  ): Promise<Map<string, DirectoryUser>> {
    if (users.length === 0) return new Map();
    const rows = await db.directoryUser.createManyAndReturn({ data: users, skipDuplicates: true });
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** A user the SCIM client can see (not DELETEd in `deactivate` mode). */
  find(db: PrismaTransaction, directoryId: string, id: string): Promise<DirectoryUser | null> {
    return db.directoryUser.findFirst({ where: { id, directoryId, scimDeletedAt: null } });
  }

  /** A user the IdP DELETEd in `deactivate` mode, by userName (case-insensitive), to revive on re-create. */
  async findScimDeleted(db: PrismaTransaction, directoryId: string, userName: string): Promise<DirectoryUser | null> {
    return (await this.findScimDeletedByUserNames(db, directoryId, [userName])).get(userName.toLowerCase()) ?? null;
  }

  /** As `findScimDeleted` for many userNames in one query, keyed by lower-cased userName. */
  async findScimDeletedByUserNames(
    db: PrismaTransaction,
    directoryId: string,
    userNames: readonly string[],
  ): Promise<Map<string, DirectoryUser>> {
    if (userNames.length === 0) return new Map();
    // lower() = lower() is what the unique index covers.
    const rows = await db.$queryRaw<{ id: string }[]>`
      SELECT id FROM directory_users
      WHERE directory_id = ${directoryId} AND scim_deleted_at IS NOT NULL
        AND lower(user_name) = ANY(SELECT lower(n) FROM unnest(${[...userNames]}::text[]) AS n)`;
    if (rows.length === 0) return new Map();
    const users = await db.directoryUser.findMany({ where: { id: { in: rows.map((row) => row.id) } } });
    return new Map(users.map((user) => [user.userName.toLowerCase(), user]));
  }

  findMany(db: PrismaTransaction, directoryId: string, ids: readonly string[]): Promise<DirectoryUser[]> {
    return db.directoryUser.findMany({ where: { directoryId, id: { in: [...ids] } } });
  }

  /** Users that exist for consumers (not removed), a keyset page at a time by id. */
  normalizedPage(db: PrismaTransaction, directoryId: string, afterId: string, limit: number): Promise<DirectoryUser[]> {
    return db.directoryUser.findMany({
      where: { directoryId, removedAt: null, id: { gt: afterId } },
      orderBy: { id: 'asc' },
      take: limit,
    });
  }

  /** Which of `ids` are users of the directory, in one indexed lookup. */
  async existing(db: PrismaTransaction, directoryId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await db.directoryUser.findMany({
      where: { directoryId, id: { in: [...ids] } },
      select: { id: true },
    });
    return new Set(rows.map((row) => row.id));
  }

  /** Writes new fields and bumps the version (the ETag). */
  async update(
    db: PrismaTransaction,
    id: string,
    fields: DirectoryUserFields & { scimDeletedAt?: Date | null },
  ): Promise<DirectoryUser> {
    try {
      return await db.directoryUser.update({
        where: { id },
        data: { ...fields, version: { increment: 1 }, updatedAt: new Date() },
      });
    } catch (error) {
      return translateUniqueViolation(error, 'userName');
    }
  }

  async delete(db: PrismaTransaction, id: string): Promise<void> {
    await db.directoryUser.delete({ where: { id } });
  }

  /** A filtered, sorted page for SCIM list requests, with the total count. */
  list(
    db: PrismaTransaction,
    directoryId: string,
    query: ResourceListQuery,
  ): Promise<{ total: number; rows: DirectoryUser[] }> {
    return listResources(db, 'directory_users', directoryId, query, (ids) =>
      db.directoryUser.findMany({ where: { id: { in: ids } } }),
    );
  }
}
