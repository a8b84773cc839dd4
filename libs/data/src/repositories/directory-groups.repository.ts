import { Injectable } from '@nestjs/common';
import type { DirectoryGroup, Prisma } from '../generated/prisma/client';
import { UniqueViolationError } from '../unique-violation';
import { type Database, sqlOf } from './repository-database';
import { type ResourceListQuery, listResources } from './resource-list-query';
import { sqlStateOf, UNIQUE_VIOLATION } from './sql-state';

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

/**
 * SCIM groups of a directory (`directory_groups`); members live in
 * group_memberships. Plain SQL on any Database: the SCIM group writes run in
 * plain pg transactions, the Google poller's in Prisma ones.
 */
@Injectable()
export class DirectoryGroupsRepository {
  /** @throws UniqueViolationError when the displayName is taken. */
  async insert(
    db: Database,
    group: { id: string; directoryId: string; tenantId: string } & DirectoryGroupFields,
  ): Promise<DirectoryGroup> {
    return uniqueDisplayName(async () => {
      const [row] = await sqlOf(db).query<DirectoryGroup>(
        `INSERT INTO directory_groups AS g (id, directory_id, tenant_id, external_id, display_name, attributes)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb) RETURNING ${groupColumns('g')}`,
        [
          group.id,
          group.directoryId,
          group.tenantId,
          group.externalId,
          group.displayName,
          JSON.stringify(group.attributes),
        ],
      );
      return row!;
    });
  }

  async find(db: Database, directoryId: string, id: string): Promise<DirectoryGroup | null> {
    const [group] = await sqlOf(db).query<DirectoryGroup>(
      `SELECT ${groupColumns('g')} FROM directory_groups g WHERE g.id = $1 AND g.directory_id = $2`,
      [id, directoryId],
    );
    return group ?? null;
  }

  /** Which of `ids` are groups of the directory. */
  async existing(db: Database, directoryId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await sqlOf(db).query<{ id: string }>(
      'SELECT id FROM directory_groups WHERE directory_id = $1 AND id = ANY($2::text[])',
      [directoryId, ids],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** Writes new fields and bumps the version (the ETag). @throws UniqueViolationError when the displayName is taken. */
  async update(db: Database, id: string, fields: DirectoryGroupFields): Promise<DirectoryGroup> {
    return uniqueDisplayName(() =>
      this.updateRow(db, id, 'external_id = $2, display_name = $3, attributes = $4::jsonb,', [
        fields.externalId,
        fields.displayName,
        JSON.stringify(fields.attributes),
      ]),
    );
  }

  /** A membership change is a change of the group resource: new version, new lastModified. */
  touch(db: Database, id: string): Promise<DirectoryGroup> {
    return this.updateRow(db, id, '', []);
  }

  async delete(db: Database, id: string): Promise<void> {
    await sqlOf(db).query('DELETE FROM directory_groups WHERE id = $1', [id]);
  }

  list(
    db: Database,
    directoryId: string,
    query: ResourceListQuery,
  ): Promise<{ total: number; rows: DirectoryGroup[] }> {
    return listResources(db, 'directory_groups', directoryId, query, groupColumns('r'));
  }

  /** `set` assigns columns from $2 on (each followed by a comma); the version and updated_at always move. */
  private async updateRow(db: Database, id: string, set: string, values: unknown[]): Promise<DirectoryGroup> {
    const updatedAt = `$${values.length + 2}::timestamptz`;
    const [group] = await sqlOf(db).query<DirectoryGroup>(
      `UPDATE directory_groups g SET ${set} version = g.version + 1, updated_at = ${updatedAt}
       WHERE g.id = $1 RETURNING ${groupColumns('g')}`,
      [id, ...values, new Date()],
    );
    if (!group) throw new Error(`directory group ${id} does not exist`);
    return group;
  }
}

async function uniqueDisplayName<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (sqlStateOf(error) === UNIQUE_VIOLATION) throw new UniqueViolationError('displayName');
    throw error;
  }
}
