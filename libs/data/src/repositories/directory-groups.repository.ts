import { Injectable } from '@nestjs/common';
import type { DirectoryGroup, Prisma } from '../generated/prisma/client';
import type { PrismaTransaction } from '../prisma.service';
import { translateUniqueViolation } from '../unique-violation';
import { type ResourceListQuery, listResources } from './resource-list-query';

/** A row of `alias` as the DirectoryGroup type has it, for statements that run on plain SQL. */
export function groupColumns(alias: string): string {
  return `${alias}.id, ${alias}.directory_id AS "directoryId", ${alias}.tenant_id AS "tenantId",
    ${alias}.external_id AS "externalId", ${alias}.display_name AS "displayName", ${alias}.attributes,
    ${alias}.version, ${alias}.created_at AS "createdAt", ${alias}.updated_at AS "updatedAt"`;
}

export interface DirectoryGroupFields {
  externalId: string | null;
  displayName: string;
  attributes: Prisma.InputJsonValue;
}

/** SCIM groups of a directory (`directory_groups`); members live in group_memberships. */
@Injectable()
export class DirectoryGroupsRepository {
  async insert(
    db: PrismaTransaction,
    group: { id: string; directoryId: string; tenantId: string } & DirectoryGroupFields,
  ): Promise<DirectoryGroup> {
    try {
      return await db.directoryGroup.create({ data: group });
    } catch (error) {
      return translateUniqueViolation(error, 'displayName');
    }
  }

  find(db: PrismaTransaction, directoryId: string, id: string): Promise<DirectoryGroup | null> {
    return db.directoryGroup.findFirst({ where: { id, directoryId } });
  }

  /** Which of `ids` are groups of the directory. */
  async existing(db: PrismaTransaction, directoryId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await db.directoryGroup.findMany({
      where: { directoryId, id: { in: [...ids] } },
      select: { id: true },
    });
    return new Set(rows.map((row) => row.id));
  }

  async update(db: PrismaTransaction, id: string, fields: DirectoryGroupFields): Promise<DirectoryGroup> {
    try {
      return await db.directoryGroup.update({
        where: { id },
        data: { ...fields, version: { increment: 1 }, updatedAt: new Date() },
      });
    } catch (error) {
      return translateUniqueViolation(error, 'displayName');
    }
  }

  /** A membership change is a change of the group resource: new version, new lastModified. */
  touch(db: PrismaTransaction, id: string): Promise<DirectoryGroup> {
    return db.directoryGroup.update({ where: { id }, data: { version: { increment: 1 }, updatedAt: new Date() } });
  }

  async delete(db: PrismaTransaction, id: string): Promise<void> {
    await db.directoryGroup.delete({ where: { id } });
  }

  list(
    db: PrismaTransaction,
    directoryId: string,
    query: ResourceListQuery,
  ): Promise<{ total: number; rows: DirectoryGroup[] }> {
    return listResources(db, 'directory_groups', directoryId, query, (ids) =>
      db.directoryGroup.findMany({ where: { id: { in: ids } } }),
    );
  }
}
