/** A page request in the style of Stripe and WorkOS: `before`/`after` are ids. */
export interface PageQuery {
  limit: number;
  before?: string;
  after?: string;
  order: 'asc' | 'desc';
}

export interface Page<T> {
  data: T[];
  /** Pass as `before` to get the previous page; null at the start. */
  before: string | null;
  /** Pass as `after` to get the next page; null at the end. */
  after: string | null;
}

export interface IdRange {
  lt?: string;
  gt?: string;
}

/**
 * Keyset pagination over sortable ids: one indexed range scan per page, whatever
 * the page number. `fetch` runs the query with the id range, order and row count.
 */
export async function fetchPage<T extends { id: string }>(
  query: PageQuery,
  fetch: (args: { id?: IdRange; order: 'asc' | 'desc'; take: number }) => Promise<T[]>,
): Promise<Page<T>> {
  const backwards = !!query.before && !query.after;
  const cursor = backwards ? query.before : query.after;
  const order = backwards ? flip(query.order) : query.order;
  const id = cursor ? (order === 'desc' ? { lt: cursor } : { gt: cursor }) : undefined;
  const rows = await fetch({ id, order, take: query.limit + 1 });
  const hasMore = rows.length > query.limit;
  const data = rows.slice(0, query.limit);
  if (backwards) data.reverse();
  const first = data[0]?.id ?? null;
  const last = data[data.length - 1]?.id ?? null;
  return backwards
    ? { data, before: hasMore ? first : null, after: last }
    : { data, before: cursor ? first : null, after: hasMore ? last : null };
}

function flip(order: 'asc' | 'desc'): 'asc' | 'desc' {
  return order === 'asc' ? 'desc' : 'asc';
}
