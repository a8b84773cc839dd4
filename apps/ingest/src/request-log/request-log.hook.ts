import type { FastifyInstance, FastifyRequest } from 'fastify';
import { clientUrl } from '../scim-v1/scim-v1-edge';
import { errorDetailOf } from './error-detail';
import { redactBody } from './redact-body';
import type { ScimRequestLog } from './scim-request-log.service';

/** How the hook finds the log and the dialect detector once Nest has built them. */
export interface RequestLogSink {
  log?: ScimRequestLog;
  detectClient?: (request: FastifyRequest) => string | null;
}

/**
 * Records every SCIM request that names a directory, failures included (a bad
 * token is exactly what an IT admin needs to see). Paths keep their query but
 * never headers, so tokens never reach the log.
 */
export function addRequestLogHook(fastify: FastifyInstance, sink: RequestLogSink): void {
  fastify.addHook('onResponse', async (request, reply) => {
    const directoryId = (request.params as { directoryId?: string } | undefined)?.directoryId;
    if (!directoryId || !sink.log || !/^directory_[0-9a-z]{26}$/.test(directoryId)) return;
    sink.log.record({
      directoryId,
      method: request.method,
      path: clientUrl(request).slice(0, 2000),
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime),
      client: sink.detectClient?.(request) ?? null,
      errorDetail: reply.statusCode >= 400 ? (errorDetailOf(request) ?? null) : null,
      requestBody: redactBody(request.body) as never,
    });
  });
}
