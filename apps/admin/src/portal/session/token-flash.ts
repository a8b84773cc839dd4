import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@roster/config';
import { SecretBox } from '@roster/security';

/** How long a freshly issued token waits for the page that shows it. */
export const TOKEN_FLASH_TTL_MS = 2 * 60 * 1000;

interface FlashPayload {
  sessionId: string;
  directoryId: string;
  token: string;
  expiresAt: number;
}

/**
 * Carries a newly issued SCIM token from the form that created it to the page
 * that shows it once (Post/Redirect/Get), without storing it anywhere: it rides
 * in a short-lived httpOnly cookie, encrypted, bound to the session and directory.
 */
@Injectable()
export class TokenFlash {
  private readonly box: SecretBox;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.box = SecretBox.fromEncodedKey(config.encryptionKey ?? '');
  }

  seal(sessionId: string, directoryId: string, token: string, now = Date.now()): string {
    const payload: FlashPayload = { sessionId, directoryId, token, expiresAt: now + TOKEN_FLASH_TTL_MS };
    return this.box.encrypt(JSON.stringify(payload));
  }

  /** The token, when the cookie is for this session and directory and still fresh. */
  open(sealed: string | undefined, sessionId: string, directoryId: string, now = Date.now()): string | null {
    if (!sealed) return null;
    try {
      const payload = JSON.parse(this.box.decrypt(sealed)) as FlashPayload;
      const fits = payload.sessionId === sessionId && payload.directoryId === directoryId && payload.expiresAt > now;
      return fits ? payload.token : null;
    } catch {
      return null;
    }
  }
}
