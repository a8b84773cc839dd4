import type { QueryResultRow } from 'pg';
import type { SqlRunner } from '../sql';
import { type Database, sqlOf } from './repository-database';

/** A compiled SCIM list request: the WHERE fragment is produced by @roster/scim's compileFilter over alias `t`. */
export interface ResourceListQuery {
  /** SQL boolean expression over alias `t`, with `$n` placeholders starting at $2 ($1 is the directory id). */
  where?: { sql: string; params: unknown[] };
  /** SQL expression over alias `t` to order by (from compileSortKey); id order when absent. */
  orderBy?: string;
  descending?: boolean;
  /** 0-based offset (SCIM startIndex - 1). */
  offset: number;
  /** Page size; 0 counts only. */
  limit: number;
}

/**
 * Runs a SCIM list over a resource table: the total count and the page (both
 * index-driven). `columns` is the select list of a row, over the table as alias
 * `r`. Filters and sort keys come only from the allowlisted SQL compiler,
 * never from request text.
 */
export async function listResources<T extends { id: string }>(
  db: Database,
  table: 'directory_users' | 'directory_groups',
  directoryId: string,
  query: ResourceListQuery,
  columns: string,
): Promise<{ total: number; rows: T[] }> {
  const params = [directoryId, ...(query.where?.params ?? [])];
  const sql = sqlOf(db);
  if (!query.where) {
    const where = `t.directory_id = $1${visibleUsers(table, VISIBLE_IN_LISTING)}`;
    return countAndPageSideBySide<T>(sql, table, where, params, query, columns);
  }
  const where = `t.directory_id = $1${visibleUsers(table, VISIBLE_IN_FILTERS)} AND ${query.where.sql}`;
  const { total, ids } = await countAndPageOfMatches(sql, table, where, params, query);
  const rows = ids.length === 0 ? [] : await sql.query<T>(rowsOf(table, columns, '$1::text[]'), [ids]);
  return { total, rows };
}

/**
 * Users the IdP DELETEd in `deactivate` mode live on for consumers only. A
 * full listing says `scim_deleted_at IS NULL`, the predicate of the partial
 * index it counts and pages on. A filtered one says the same thing as
 * `(scim_deleted_at IS NULL) IS TRUE`, which that index does not match: while
 * a directory is first filled there are no statistics, Postgres takes `IS
 * NULL` to match 0.5% of rows, the partial index looks as cheap as the unique
 * (directory_id, lower(user_name)) one, and it was chosen for `userName eq`
 * lookups: a walk of the whole directory (3-5 ms at 3,000 users) instead of
 * one probe (0.05 ms), most of Postgres's CPU in the Okta initial sync.
 */
export const VISIBLE_IN_LISTING = 't.scim_deleted_at IS NULL';
export const VISIBLE_IN_FILTERS = '(t.scim_deleted_at IS NULL) IS TRUE';

function visibleUsers(table: string, visible: string): string {
  return table === 'directory_users' ? ` AND ${visible}` : '';
}

/**
 * A filtered list is mostly an IdP looking one resource up before it writes
 * (Okta, Entra): one statement that finds the matches once, through the index
 * the filter names, then counts and pages them. Materialized, because a
 * directory growing fast (an initial sync) has stale statistics, and with them
 * the planner would rather walk the whole directory in page order for LIMIT.
 */
async function countAndPageOfMatches(
  sql: SqlRunner,
  table: string,
  where: string,
  params: unknown[],
  query: ResourceListQuery,
): Promise<{ total: number; ids: string[] }> {
  const sortKey = query.orderBy ? `, ${query.orderBy} AS sort_key` : '';
  const [row] = await sql.query<{ total: number; ids: string[] }>(
    `WITH matched AS MATERIALIZED (SELECT t.id${sortKey} FROM ${table} t WHERE ${where})
     SELECT (SELECT count(*)::int FROM matched) AS total,
       ARRAY(SELECT id FROM matched ${pageOf(query, query.orderBy && 'sort_key', 'id')}) AS ids`,
    params,
  );
  return row!;
}

/**
 * A full listing pages through what may be a 100,000-user directory: the count
 * and the page (both index-only) each take a while, so they run side by side on
 * two pooled connections. The page statement also loads its rows, so the
 * request waits on one round trip after the longer of the two scans.
 */
async function countAndPageSideBySide<T extends QueryResultRow>(
  sql: SqlRunner,
  table: string,
  where: string,
  params: unknown[],
  query: ResourceListQuery,
  columns: string,
): Promise<{ total: number; rows: T[] }> {
  const page = `ARRAY(SELECT t.id FROM ${table} t WHERE ${where} ${pageOf(query, query.orderBy, 't.id')})`;
  const [[counted], rows] = await Promise.all([
    sql.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${table} t WHERE ${where}`, params),
    query.limit === 0 ? Promise.resolve([]) : sql.query<T>(rowsOf(table, columns, page), params),
  ]);
  return { total: counted?.count ?? 0, rows };
}

/** The rows of a page, in the order of `ids` (a text[] expression): one primary-key probe each. */
function rowsOf(table: string, columns: string, ids: string): string {
  return `SELECT ${columns} FROM unnest(${ids}) WITH ORDINALITY AS page(page_id, page_n)
    JOIN ${table} r ON r.id = page.page_id ORDER BY page.page_n`;
}

/** ORDER BY, LIMIT and OFFSET of a page, by `sortKey` (when sorted) then `id`. */
function pageOf(query: ResourceListQuery, sortKey: string | undefined, id: string): string {
  const direction = query.descending ? 'DESC' : 'ASC';
  const order = sortKey ? `${sortKey} ${direction} NULLS LAST, ${id} ${direction}` : `${id} ${direction}`;
  return `ORDER BY ${order} LIMIT ${Number(query.limit)} OFFSET ${Number(query.offset)}`;
}
