import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@roster/config';
import type { SigningEndpoint } from '@roster/data';
import { SecretBox } from '@roster/security';

// Opened secrets are kept this long, so a busy lane does not decrypt on every
// delivery, and no longer, so plaintext does not linger in memory.
const OPENED_TTL_MS = 60_000;
const OPENED_MAX = 10_000;

/** Endpoint signing secrets: sealed at rest with ROSTER_ENCRYPTION_KEY, opened only to sign. */
@Injectable()
export class WebhookSigningSecrets {
  private readonly box: SecretBox;
  /** Keyed by the sealed text itself: a rotation seals a new one, so a cached entry is never stale. */
  private readonly opened = new Map<string, { secret: string; until: number }>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.box = SecretBox.fromEncodedKey(config.encryptionKey ?? '');
  }

  seal(secret: string): string {
    return this.box.encrypt(secret);
  }

  /** The secrets to sign with now: the current one, and the previous one during a rotation's overlap. */
  activeSecrets(endpoint: Omit<SigningEndpoint, 'id' | 'url'>, now = new Date()): string[] {
    const secrets = [this.open(endpoint.secretEncrypted, now.getTime())];
    const previous = endpoint.previousSecretEncrypted;
    if (previous && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now) {
      secrets.push(this.open(previous, now.getTime()));
    }
    return secrets;
  }

  private open(sealed: string, now: number): string {
    const cached = this.opened.get(sealed);
    if (cached && cached.until > now) return cached.secret;
    const secret = this.box.decrypt(sealed);
    // Misses are rare (once a minute per endpoint): the time to drop what expired.
    for (const [key, entry] of this.opened) if (entry.until <= now) this.opened.delete(key);
    if (this.opened.size >= OPENED_MAX) this.opened.clear();
    this.opened.set(sealed, { secret, until: now + OPENED_TTL_MS });
    return secret;
  }
}
