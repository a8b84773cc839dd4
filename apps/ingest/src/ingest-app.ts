import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@roster/config';
import { type DialectHint, detectClient } from '@roster/dialects';
import { createHttpApp } from '@roster/platform';
import { getRequestDirectory } from './auth/request-directory';
import { SCIM_BODY_LIMIT } from './bulk/bulk-limits';
import { ScimExceptionFilter } from './http/scim-exception.filter';
import { SCIM_MEDIA_TYPE } from './http/scim-media-type';
import { IngestModule } from './ingest.module';
import { addRequestLogHook, type RequestLogSink } from './request-log/request-log.hook';
import { ScimRequestLog } from './request-log/scim-request-log.service';
import { addScimV1Hooks, rewriteScimUrl } from './scim-v1/scim-v1-edge';

/** The ingest app, wired exactly as in production (also used by the e2e tests). */
export async function createIngestApp(config: AppConfig): Promise<NestFastifyApplication> {
  const sink: RequestLogSink = {};
  const app = await createHttpApp(IngestModule.forRoot(config), {
    bodyLimit: SCIM_BODY_LIMIT,
    apiErrors: false,
    jsonMediaTypes: ['application/scim+json'],
    rewriteUrl: rewriteScimUrl,
    configureFastify: (fastify) => {
      addRequestLogHook(fastify, sink);
      // Every SCIM answer is application/scim+json (RFC 7644 §3.1), errors included.
      fastify.addHook('onSend', async (request, reply, payload) => {
        if (
          request.url.startsWith('/scim/') &&
          String(reply.getHeader('content-type') ?? '').startsWith('application/json')
        ) {
          void reply.header('content-type', SCIM_MEDIA_TYPE);
        }
        return payload;
      });
      addScimV1Hooks(fastify);
    },
  });
  app.useGlobalFilters(new ScimExceptionFilter());
  sink.log = app.get(ScimRequestLog);
  sink.detectClient = (request) =>
    detectClient(
      { headers: request.headers, body: request.body, method: request.method, path: request.url },
      getRequestDirectory(request)?.provider as DialectHint | undefined,
    );
  return app;
}
