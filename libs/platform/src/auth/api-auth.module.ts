import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeyVerifier } from './api-key-verifier';
import { ApiKeyStrategy } from './api-key.strategy';
import { ApiRateLimiter } from '../rate-limit/api-rate-limiter';

@Module({
  imports: [PassportModule],
  providers: [ApiKeyVerifier, ApiKeyStrategy, ApiKeyGuard, ApiRateLimiter],
  exports: [ApiKeyGuard, ApiKeyVerifier, ApiRateLimiter],
})
export class ApiAuthModule {}
