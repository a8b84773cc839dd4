import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { APP_CONFIG, type AppConfig } from '@roster/config';
import { ApiKeysRepository } from '@roster/data';
import { hashSecret, secretsEqual } from '@roster/security';
import { Strategy } from 'passport-http-bearer';
import type { ApiPrincipal } from './principal';

export const API_KEY_STRATEGY = 'api-key';

/**
 * Bearer API keys. Keys are stored as SHA-256 and looked up by hash, so the
 * comparison never touches the secret; the bootstrap key is compared in constant time.
 */
@Injectable()
export class ApiKeyStrategy extends PassportStrategy(Strategy, API_KEY_STRATEGY) {
  constructor(
    private readonly apiKeys: ApiKeysRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async validate(token: string): Promise<ApiPrincipal | false> {
    const bootstrap = this.config.bootstrapApiKey;
    if (bootstrap && secretsEqual(token, bootstrap)) return { type: 'bootstrap_key', id: null };
    const key = await this.apiKeys.findByHash(hashSecret(token));
    if (!key) return false;
    void this.apiKeys.touch(key.id).catch(() => undefined);
    return { type: 'api_key', id: key.id };
  }
}
