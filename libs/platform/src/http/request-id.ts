import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The caller's X-Request-Id when it is sane, else a new UUID. It is also stored on
 * the raw request, where pino-http picks it up, so logs and the response agree.
 */
export function assignRequestId(req: IncomingMessage): string {
  const offered = req.headers[REQUEST_ID_HEADER];
  const id = typeof offered === 'string' && SAFE_REQUEST_ID.test(offered) ? offered : randomUUID();
  (req as IncomingMessage & { id: string }).id = id;
  return id;
}
