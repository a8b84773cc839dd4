// Prisma's codes for "could not reach / lost the database" and pool timeouts.
const PRISMA_TRANSIENT = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028', 'P2034']);
// Node socket errors and Postgres SQLSTATEs for shutdowns, lost connections and serialization.
const DRIVER_TRANSIENT = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
  '40001',
  '40P01',
]);
const TRANSIENT_MESSAGE =
  /Connection terminated|connection is closed|Can't reach database|Transaction already closed|terminating connection|Server has closed the connection|is not queryable|database system is (shutting down|starting up|in recovery mode)/i;
// Prisma 7's driver-adapter errors carry the SQLSTATE only in their message: "Code: `57P03`".
const SQLSTATE_IN_MESSAGE = /Code: `([0-9A-Z]{5})`/;

/** True when a failure is the database's, not the request's: the client should retry. */
export function isTransientDatabaseError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    const { code, name, message } = current as { code?: unknown; name?: unknown; message?: unknown };
    if (typeof code === 'string' && (PRISMA_TRANSIENT.has(code) || DRIVER_TRANSIENT.has(code))) return true;
    if (name === 'PrismaClientInitializationError') return true;
    if (typeof message === 'string') {
      if (TRANSIENT_MESSAGE.test(message)) return true;
      const sqlState = SQLSTATE_IN_MESSAGE.exec(message)?.[1];
      if (sqlState && DRIVER_TRANSIENT.has(sqlState)) return true;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
