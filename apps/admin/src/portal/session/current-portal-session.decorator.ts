import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { PortalSessionContext } from './portal-session';
import type { PortalRequest } from './portal-session.guard';

/** The session PortalSessionGuard authenticated. */
export const CurrentPortalSession = createParamDecorator(
  (_data: unknown, context: ExecutionContext): PortalSessionContext =>
    context.switchToHttp().getRequest<PortalRequest>().portalSession!,
);
