import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiError } from './api-error';

const CODES_BY_STATUS: Record<number, string> = {
  400: 'invalid_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'unavailable',
};

/**
 * Renders every error of a non-SCIM app in the CONTRACT section 2 shape. Unknown
 * errors become a 500 with a generic message; their stack goes to the log only.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const error = this.toApiError(exception);
    if (error.status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    void reply.headers(error.headers).status(error.status).header('content-type', 'application/json').send(error.toBody());
  }

  private toApiError(exception: unknown): ApiError {
    if (exception instanceof ApiError) return exception;
    if (exception instanceof HttpException) return fromHttpException(exception);
    const status = (exception as { statusCode?: number } | null)?.statusCode;
    // Fastify's own errors (body too large, bad JSON, bad content type) carry a statusCode.
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return new ApiError(status, CODES_BY_STATUS[status] ?? 'invalid_request', (exception as Error).message);
    }
    return new ApiError(500, 'internal_error', 'Something went wrong on our side. The request can be retried.');
  }
}

function fromHttpException(exception: HttpException): ApiError {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const message =
    typeof response === 'object' && response !== null && typeof (response as { message?: unknown }).message === 'string'
      ? (response as { message: string }).message
      : exception.message;
  return new ApiError(status, CODES_BY_STATUS[status] ?? (status >= 500 ? 'internal_error' : 'invalid_request'), message);
}
