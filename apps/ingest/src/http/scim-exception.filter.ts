import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ApiExceptionFilter } from '@roster/platform';
import { ScimError } from '@roster/scim';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { recordErrorDetail } from '../request-log/error-detail';
import { SCIM_MEDIA_TYPE } from './scim-media-type';
import { isTransientDatabaseError } from './transient-errors';
import { RateLimitedError } from './directory-rate-limiter';

const DIRECTORY_GONE = new Set(['P2003', '23503']);

/**
 * Renders every error of the ingest app as an RFC 7644 §3.12 SCIM error. Client
 * mistakes keep their detail; database outages become a retryable 503; anything
 * unexpected a 500 whose stack goes to the log only. The transaction of a failed
 * request has rolled back, so a retry is always safe.
 */
@Catch()
export class ScimExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ScimExceptionFilter');
  private readonly apiErrors = new ApiExceptionFilter();

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    // Health and metrics routes answer in Roster's own error shape, like every other app.
    if (!http.getRequest<FastifyRequest>().url.startsWith('/scim/')) return this.apiErrors.catch(exception, host);
    const reply = http.getResponse<FastifyReply>();
    const error = this.toScimError(exception);
    recordErrorDetail(http.getRequest<FastifyRequest>(), error.detail);
    if (error instanceof RateLimitedError) void reply.header('retry-after', String(error.retryAfterSeconds));
    if (error.status === 401) void reply.header('www-authenticate', 'Bearer realm="scim"');
    if (error.status === 503) void reply.header('retry-after', '1');
    void reply.status(error.status).header('content-type', SCIM_MEDIA_TYPE).send(error.toScimErrorBody());
  }

  private toScimError(exception: unknown): ScimError {
    if (exception instanceof ScimError) return exception;
    if (exception instanceof HttpException) return fromHttpException(exception);
    const status = (exception as { statusCode?: number } | null)?.statusCode;
    // Fastify's own errors: body too large, malformed JSON, unsupported media type.
    if (typeof status === 'number' && status >= 400 && status < 500)
      return fromFastifyError(status, exception as Error);
    // A write racing the deletion of its directory (auth reads a one-second cache) finds it gone:
    // a foreign-key violation, from Prisma (P2003) or from Postgres on the plain-SQL writes (23503).
    if (DIRECTORY_GONE.has(String((exception as { code?: unknown } | null)?.code)))
      return ScimError.notFound('This directory no longer exists');
    if (isTransientDatabaseError(exception)) {
      this.logger.warn(`database unavailable: ${(exception as Error).message}`);
      return new ScimError({
        status: 503,
        detail: 'The service is briefly unavailable; nothing was changed. Retry the request.',
      });
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return new ScimError({
      status: 500,
      detail: 'Something went wrong on our side; nothing was changed. Retry the request.',
    });
  }
}

function fromHttpException(exception: HttpException): ScimError {
  const status = exception.getStatus();
  if (status === 404) return ScimError.notFound('No such SCIM endpoint');
  // Nest wraps Fastify's body-parser failures (malformed JSON, size, media type) as HttpExceptions.
  if (status >= 400 && status < 500) return fromFastifyError(status, exception);
  return new ScimError({ status, detail: exception.message });
}

function fromFastifyError(status: number, error: Error): ScimError {
  if (status === 413) return new ScimError({ status, detail: 'The request body is too large' });
  if (status === 415) return new ScimError({ status, detail: 'Send application/scim+json or application/json' });
  if (status === 400) return ScimError.invalidSyntax(`The request body is not valid JSON: ${error.message}`);
  return new ScimError({ status, detail: error.message });
}
