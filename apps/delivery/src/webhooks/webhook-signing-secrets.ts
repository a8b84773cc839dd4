import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@roster/config';
import type { WebhookEndpoint } from '@roster/data';
import { SecretBox } from '@roster/security';

/** Endpoint signing secrets: sealed at rest with ROSTER_ENCRYPTION_KEY, opened only to sign. */
@Injectable()
export class WebhookSigningSecrets {
  private readonly box: SecretBox;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.box = SecretBox.fromEncodedKey(config.encryptionKey ?? '');
  }

  seal(secret: string): string {
    return this.box.encrypt(secret);
  }

  /** The secrets to sign with now: the current one, and the previous one during a rotation's overlap. */
  activeSecrets(endpoint: WebhookEndpoint, now = new Date()): string[] {
    const secrets = [this.box.decrypt(endpoint.secretEncrypted)];
    const previous = endpoint.previousSecretEncrypted;
    if (previous && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now) {
      secrets.push(this.box.decrypt(previous));
    }
    return secrets;
  }
}
