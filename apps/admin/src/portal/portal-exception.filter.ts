import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ApiError } from '@roster/platform';
import type { FastifyReply } from 'fastify';
import { messagePage } from './pages/message.page';
import { PortalPageError } from './portal-page.error';
import { sendPage } from './render/send-page';

/** Portal routes answer errors with a page a person can read, never JSON or a stack. */
@Catch()
export class PortalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('PortalExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    sendPage(reply, messagePage(this.describe(exception)));
  }

  private describe(exception: unknown): { status: number; title: string; detail: string; returnUrl?: string | null } {
    if (exception instanceof PortalPageError) return exception;
    if (exception instanceof ApiError && exception.status < 500) {
      return { status: exception.status, title: 'That did not work', detail: exception.message };
    }
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      return { status: exception.getStatus(), title: 'That did not work', detail: exception.message };
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return { status: 500, title: 'Something went wrong', detail: 'Something went wrong on our side. Please try again in a moment.' };
  }
}
