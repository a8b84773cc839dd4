import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { PortalPageError } from '../portal-page.error';
import { csrfTokenMatches } from './csrf';
import { readCookie, SESSION_COOKIE } from './portal-cookies';
import type { PortalSessionContext } from './portal-session';
import { PortalSessionsService } from './portal-sessions.service';

export type PortalRequest = FastifyRequest & { portalSession?: PortalSessionContext };

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * Portal pages need a live session cookie; forms (every non-GET) also need the
 * session's CSRF token and, when the browser sends one, an Origin of this host.
 */
@Injectable()
export class PortalSessionGuard implements CanActivate {
  constructor(private readonly sessions: PortalSessionsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<PortalRequest>();
    const sessionToken = readCookie(request.headers.cookie, SESSION_COOKIE);
    const session = await this.sessions.authenticate(sessionToken);
    if (!SAFE_METHODS.has(request.method)) {
      const body = (request.body ?? {}) as Record<string, unknown>;
      if (!sameOrigin(request) || !csrfTokenMatches(sessionToken!, body._csrf)) throw PortalPageError.formRefused();
    }
    request.portalSession = session;
    return true;
  }
}

function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}
