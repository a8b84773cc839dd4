import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@roster/config';
import { ApiError } from '../errors/api-error';
import type { ApiPrincipal } from '../auth/principal';
import { TokenBucketLimiter } from './token-bucket-limiter';

/** `/v1` requests per API key (ROSTER_API_RATE_LIMIT a second, bursts of twice that), per process. */
@Injectable()
export class ApiRateLimiter {
  private readonly limiter: TokenBucketLimiter;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.limiter = new TokenBucketLimiter(config.apiRateLimit);
  }

  /** @throws ApiError 429 `rate_limited` with a Retry-After header. */
  take(principal: ApiPrincipal): void {
    const retryAfter = this.limiter.take(principal.id ?? principal.type);
    if (retryAfter === 0) return;
    throw new ApiError(429, 'rate_limited', `Too many requests for this API key; retry after ${retryAfter} s.`, undefined, {
      'retry-after': String(retryAfter),
    });
  }
}
