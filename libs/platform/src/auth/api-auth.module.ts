import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeyVerifier } from './api-key-verifier';
import { ApiKeyStrategy } from './api-key.strategy';

@Module({
  imports: [PassportModule],
  providers: [ApiKeyVerifier, ApiKeyStrategy, ApiKeyGuard],
  exports: [ApiKeyGuard, ApiKeyVerifier],
})
export class ApiAuthModule {}
