import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@roster/config';
import { ApiKeysRepository } from '@roster/data';
import { hashSecret, secretsEqual } from '@roster/security';
import type { ApiPrincipal } from './principal';

/**
 * Checks an API key. Keys are stored as SHA-256 and looked up by hash, so the
 * comparison never touches the secret; the bootstrap key is compared in constant time.
 */
@Injectable()
export class ApiKeyVerifier {
  constructor(
    private readonly apiKeys: ApiKeysRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async verify(token: string): Promise<ApiPrincipal | null> {
    const bootstrap = this.config.bootstrapApiKey;
    if (bootstrap && secretsEqual(token, bootstrap)) return { type: 'bootstrap_key', id: null };
    const key = await this.apiKeys.findByHash(hashSecret(token));
    if (!key) return null;
    void this.apiKeys.touch(key.id).catch(() => undefined);
    return { type: 'api_key', id: key.id };
  }
}
