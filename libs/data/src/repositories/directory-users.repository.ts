import { Injectable } from '@nestjs/common';
import type { DirectoryUser, Prisma } from '../generated/prisma/client';
import type { PrismaTransaction } from '../prisma.service';
import { SqlParams } from '../sql';
import { UniqueViolationError } from '../unique-violation';
import { type Database, sqlOf } from './repository-database';
import { type ResourceListQuery, listResources } from './resource-list-query';
import { sqlStateOf, UNIQUE_VIOLATION } from './sql-state';

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

type NewDirectoryUser = { id: string; directoryId: string; tenantId: string } & DirectoryUserFields;

// A row as the DirectoryUser type has it, for the statements that run on plain SQL.
const USER_COLUMNS = `id, directory_id AS "directoryId", tenant_id AS "tenantId", external_id AS "externalId",
  user_name AS "userName", active, state, removed_at AS "removedAt", scim_deleted_at AS "scimDeletedAt",
  display_name AS "displayName", given_name AS "givenName", family_name AS "familyName", email, attributes,
  version, created_at AS "createdAt", updated_at AS "updatedAt"`;

/**
 * SCIM users of a directory (`directory_users`). Writes join the caller's
 * transaction. The statements of every SCIM request run as plain SQL on any
 * Database; the rarer reads stay on Prisma.
 */
@Injectable()
export class DirectoryUsersRepository {
  /**
   * Inserts many users in one statement. Users whose userName is taken (by a
   * stored user or an earlier one of the same call) are skipped, not an error:
   * the result holds only the inserted rows, by id, in the order given.
   */
  async insertSkippingTaken(db: Database, users: readonly NewDirectoryUser[]): Promise<Map<string, DirectoryUser>> {
    if (users.length === 0) return new Map();
    const rows = await sqlOf(db).query<DirectoryUser>(
      `INSERT INTO directory_users (id, directory_id, tenant_id, external_id, user_name, active, state, removed_at,
         display_name, given_name, family_name, email, attributes)
       SELECT id, directory_id, tenant_id, external_id, user_name, active, state, removed_at,
         display_name, given_name, family_name, email, attributes
       FROM ROWS FROM (jsonb_populate_recordset(NULL::directory_users, $1::jsonb)) WITH ORDINALITY AS u
       ORDER BY u.ordinality
       ON CONFLICT DO NOTHING
       RETURNING ${USER_COLUMNS}`,
      [JSON.stringify(users.map(toColumns))],
    );
    const inserted = new Map(rows.map((row) => [row.id, row]));
    return new Map(users.flatMap((user) => (inserted.has(user.id) ? [[user.id, inserted.get(user.id)!]] : [])));
  }

  /** A user the SCIM client can see (not DELETEd in `deactivate` mode). */
  async find(db: Database, directoryId: string, id: string): Promise<DirectoryUser | null> {
    const [user] = await sqlOf(db).query<DirectoryUser>(
      `SELECT ${USER_COLUMNS} FROM directory_users WHERE id = $1 AND directory_id = $2 AND scim_deleted_at IS NULL`,
      [id, directoryId],
    );
    return user ?? null;
  }

  /**
   * Users the IdP DELETEd in `deactivate` mode, by userName (case-insensitive,
   * as the unique index compares them), to revive on re-create; keyed by
   * lower-cased userName.
   */
  async findScimDeletedByUserNames(
    db: Database,
    directoryId: string,
    userNames: readonly string[],
  ): Promise<Map<string, DirectoryUser>> {
    if (userNames.length === 0) return new Map();
    const users = await sqlOf(db).query<DirectoryUser>(
      `SELECT ${USER_COLUMNS} FROM directory_users
       WHERE directory_id = $1 AND scim_deleted_at IS NOT NULL
         AND lower(user_name) = ANY(SELECT lower(n) FROM unnest($2::text[]) AS n)`,
      [directoryId, userNames],
    );
    return new Map(users.map((user) => [user.userName.toLowerCase(), user]));
  }

  findMany(db: Database, directoryId: string, ids: readonly string[]): Promise<DirectoryUser[]> {
    return sqlOf(db).query<DirectoryUser>(
      `SELECT ${USER_COLUMNS} FROM directory_users WHERE directory_id = $1 AND id = ANY($2::text[])`,
      [directoryId, ids],
    );
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
  async existing(db: Database, directoryId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await sqlOf(db).query<{ id: string }>(
      'SELECT id FROM directory_users WHERE directory_id = $1 AND id = ANY($2::text[])',
      [directoryId, ids],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** Writes new fields and bumps the version (the ETag). @throws UniqueViolationError when the userName is taken. */
  async update(
    db: Database,
    id: string,
    fields: DirectoryUserFields & { scimDeletedAt?: Date | null },
  ): Promise<DirectoryUser> {
    const params = new SqlParams();
    const scimDeleted =
      fields.scimDeletedAt === undefined ? '' : `scim_deleted_at = ${params.add(fields.scimDeletedAt)}::timestamptz,`;
    const set = `external_id = ${params.add(fields.externalId)}, user_name = ${params.add(fields.userName)},
      active = ${params.add(fields.active)}, state = ${params.add(fields.state)},
      removed_at = ${params.add(fields.removedAt)}::timestamptz, display_name = ${params.add(fields.displayName)},
      given_name = ${params.add(fields.givenName)}, family_name = ${params.add(fields.familyName)},
      email = ${params.add(fields.email)}, attributes = ${params.add(JSON.stringify(fields.attributes))}::jsonb,
      ${scimDeleted} updated_at = ${params.add(new Date())}::timestamptz, version = version + 1`;
    try {
      const [user] = await sqlOf(db).query<DirectoryUser>(
        `UPDATE directory_users SET ${set} WHERE id = ${params.add(id)} RETURNING ${USER_COLUMNS}`,
        params.values,
      );
      if (!user) throw new Error(`directory user ${id} does not exist`);
      return user;
    } catch (error) {
      if (sqlStateOf(error) === UNIQUE_VIOLATION) throw new UniqueViolationError('userName');
      throw error;
    }
  }

  async delete(db: Database, id: string): Promise<void> {
    await sqlOf(db).query('DELETE FROM directory_users WHERE id = $1', [id]);
  }

  /** A filtered, sorted page for SCIM list requests, with the total count. */
  list(db: Database, directoryId: string, query: ResourceListQuery): Promise<{ total: number; rows: DirectoryUser[] }> {
    return listResources(db, 'directory_users', directoryId, query, USER_COLUMNS);
  }
}

/** A new user under its column names, for jsonb_populate_recordset. */
function toColumns(user: NewDirectoryUser) {
  return {
    id: user.id,
    directory_id: user.directoryId,
    tenant_id: user.tenantId,
    external_id: user.externalId,
    user_name: user.userName,
    active: user.active,
    state: user.state,
    removed_at: user.removedAt,
    display_name: user.displayName,
    given_name: user.givenName,
    family_name: user.familyName,
    email: user.email,
    attributes: user.attributes,
  };
}
