import { DatabaseError } from 'pg';

export const UNIQUE_VIOLATION = '23505';

/**
 * The SQLSTATE of a failed statement, whichever way it ran: pg's own error, or
 * Prisma's wrapping of it (a raw query on a Prisma transaction).
 */
export function sqlStateOf(error: unknown): string | undefined {
  if (error instanceof DatabaseError) return error.code;
  const code = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null)?.meta
    ?.driverAdapterError?.cause?.originalCode;
  return typeof code === 'string' ? code : undefined;
}
