import { randomBytes } from 'node:crypto';

export const WEBHOOK_SECRET_PREFIX = 'whsec_';

// The Standard Webhooks spec asks for keys of 24 to 64 bytes; we generate 32.
const MIN_KEY_BYTES = 24;
const MAX_KEY_BYTES = 64;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Thrown when a signing secret is not `whsec_` followed by canonical base64 of 24-64 bytes. */
export class WebhookSecretError extends Error {
  override readonly name = 'WebhookSecretError';
}

/**
 * A new endpoint signing secret, `whsec_<base64>`, in the format every
 * Standard Webhooks library accepts. Shown to the customer once.
 */
export function generateWebhookSecret(bytes = 32): string {
  assertKeyLength(bytes);
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(bytes).toString('base64')}`;
}

/** The raw HMAC key inside a `whsec_` secret. */
export function decodeWebhookSecret(secret: string): Buffer {
  if (!secret.startsWith(WEBHOOK_SECRET_PREFIX)) {
    throw new WebhookSecretError(`a webhook secret starts with "${WEBHOOK_SECRET_PREFIX}"`);
  }
  const encoded = secret.slice(WEBHOOK_SECRET_PREFIX.length);
  // Buffer.from(…, 'base64') skips characters it does not know, so check the
  // alphabet first: a mangled secret must fail loudly, not sign with other bytes.
  if (!BASE64.test(encoded)) throw new WebhookSecretError('a webhook secret is standard base64 after its prefix');
  const key = Buffer.from(encoded, 'base64');
  assertKeyLength(key.length);
  return key;
}

function assertKeyLength(bytes: number): void {
  if (!Number.isInteger(bytes) || bytes < MIN_KEY_BYTES || bytes > MAX_KEY_BYTES) {
    throw new WebhookSecretError(`a webhook secret holds ${MIN_KEY_BYTES} to ${MAX_KEY_BYTES} bytes, not ${bytes}`);
  }
}
