import type { PrismaTransaction } from '../prisma.service';

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
 * Runs a SCIM list over a resource table in two statements: the total count
 * and the ids of the page (both index-driven), then loads the page's rows.
 * Filters and sort keys come only from the allowlisted SQL compiler, never from
 * request text.
 */
export async function listResources<T extends { id: string }>(
  db: PrismaTransaction,
  table: 'directory_users' | 'directory_groups',
  directoryId: string,
  query: ResourceListQuery,
  load: (ids: string[]) => Promise<T[]>,
): Promise<{ total: number; rows: T[] }> {
  // Users the IdP DELETEd in `deactivate` mode live on for consumers only.
  const visible = table === 'directory_users' ? ' AND t.scim_deleted_at IS NULL' : '';
  const where = `t.directory_id = $1${visible}${query.where ? ` AND ${query.where.sql}` : ''}`;
  const params = [directoryId, ...(query.where?.params ?? [])];
  const direction = query.descending ? 'DESC' : 'ASC';
  const order = query.orderBy ? `${query.orderBy} ${direction} NULLS LAST, t.id ${direction}` : `t.id ${direction}`;
  // The count and the page are independent: run them side by side on two pooled connections.
  const [[counted], page] = await Promise.all([
    db.$queryRawUnsafe<{ count: bigint }[]>(`SELECT count(*) AS count FROM ${table} t WHERE ${where}`, ...params),
    query.limit === 0
      ? Promise.resolve([])
      : db.$queryRawUnsafe<{ id: string }[]>(
          `SELECT t.id FROM ${table} t WHERE ${where} ORDER BY ${order} LIMIT ${Number(query.limit)} OFFSET ${Number(query.offset)}`,
          ...params,
        ),
  ]);
  const total = Number(counted?.count ?? 0);
  const ids = page.map((row) => row.id);
  if (ids.length === 0) return { total, rows: [] };
  const byId = new Map((await load(ids)).map((row) => [row.id, row]));
  return { total, rows: ids.flatMap((id) => byId.get(id) ?? []) };
}
