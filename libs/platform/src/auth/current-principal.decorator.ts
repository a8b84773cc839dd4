import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { ApiPrincipal } from './principal';

/** The authenticated caller of a guarded route. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): ApiPrincipal => context.switchToHttp().getRequest().user,
);
