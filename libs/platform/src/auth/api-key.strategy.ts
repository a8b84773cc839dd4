import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-http-bearer';
import { ApiKeyVerifier } from './api-key-verifier';
import type { ApiPrincipal } from './principal';

export const API_KEY_STRATEGY = 'api-key';

/** Bearer API keys for `/v1` routes (passport-http-bearer). */
@Injectable()
export class ApiKeyStrategy extends PassportStrategy(Strategy, API_KEY_STRATEGY) {
  constructor(private readonly verifier: ApiKeyVerifier) {
    super();
  }

  async validate(token: string): Promise<ApiPrincipal | false> {
    return (await this.verifier.verify(token)) ?? false;
  }
}
