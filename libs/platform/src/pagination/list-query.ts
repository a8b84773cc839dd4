import { z } from 'zod';

const pageFields = {
  limit: z.coerce.number().int().min(1).max(100).default(10),
  before: z.string().min(1).optional(),
  after: z.string().min(1).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
};

/**
 * The query of a `/v1` list (CONTRACT section 2): `limit`, `before`, `after`,
 * `order`, plus the list's own filters. Unknown parameters are refused, as in Stripe.
 */
export function listQuerySchema<Filters extends z.ZodRawShape = Record<never, never>>(filters = {} as Filters) {
  return z
    .strictObject({ ...pageFields, ...filters })
    .refine((query) => !('before' in query && 'after' in query && query.before && query.after), {
      message: 'use either before or after, not both',
    });
}

export interface ListResponse<T> {
  object: 'list';
  data: T[];
  list_metadata: { before: string | null; after: string | null };
}

export function toListResponse<R, T>(
  page: { data: R[]; before: string | null; after: string | null },
  present: (row: R) => T,
): ListResponse<T> {
  return { object: 'list', data: page.data.map(present), list_metadata: { before: page.before, after: page.after } };
}
