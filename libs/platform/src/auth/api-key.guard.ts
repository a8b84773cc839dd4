import { type ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { ApiError } from '../errors/api-error';
import { ApiRateLimiter } from '../rate-limit/api-rate-limiter';
import { API_KEY_STRATEGY } from './api-key.strategy';
import type { ApiPrincipal } from './principal';

/** Guards `/v1` routes: a valid API key (else 401) within its rate limit (else 429), in the CONTRACT error shape. */
@Injectable()
export class ApiKeyGuard extends AuthGuard(API_KEY_STRATEGY) {
  constructor(private readonly rateLimiter: ApiRateLimiter) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    await super.canActivate(context);
    this.rateLimiter.take(context.switchToHttp().getRequest<{ user: ApiPrincipal }>().user);
    return true;
  }

  override handleRequest<T>(error: unknown, principal: T): T {
    if (error || !principal) {
      throw new ApiError(401, 'unauthorized', 'A valid API key is required: send Authorization: Bearer <API key>.');
    }
    return principal;
  }
}
