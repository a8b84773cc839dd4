import { createHmac } from 'node:crypto';
import { decodeWebhookSecret } from './webhook-secret';

export const SIGNATURE_VERSION = 'v1';

/** The bytes that were (or will be) sent; signing a re-serialization would break verification. */
export type WebhookBody = string | Uint8Array;

export interface SignPayloadInput {
  /** The `webhook-id`: our event id, stable across retries so receivers can deduplicate. */
  msgId: string;
  /** A Date, or whole seconds since the epoch. */
  timestamp: Date | number;
  body: WebhookBody;
  /** Every active secret of the endpoint; two during a rotation overlap. */
  secrets: readonly string[];
}

export interface WebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
  'content-type': 'application/json';
}

/**
 * The `webhook-signature` header value: one `v1,<base64 HMAC-SHA256>` of
 * `{msgId}.{timestamp}.{body}` per secret, space-separated, so a receiver
 * holding either the old or the new secret verifies during a rotation.
 */
export function signPayload(input: SignPayloadInput): string {
  if (input.msgId === '') throw new TypeError('a webhook needs a non-empty msgId');
  if (input.secrets.length === 0) throw new TypeError('a webhook needs at least one signing secret');
  const content = signedContent(input.msgId, toUnixSeconds(input.timestamp), input.body);
  return input.secrets.map((secret) => `${SIGNATURE_VERSION},${hmacBase64(secret, content)}`).join(' ');
}

/** The full header set of one delivery attempt, per the Standard Webhooks spec. */
export function buildWebhookHeaders(input: SignPayloadInput): WebhookHeaders {
  return {
    'webhook-id': input.msgId,
    'webhook-timestamp': String(toUnixSeconds(input.timestamp)),
    'webhook-signature': signPayload(input),
    'content-type': 'application/json',
  };
}

/** `{msgId}.{timestamp}.{body}` as bytes; the body is appended untouched. */
export function signedContent(msgId: string, timestampSeconds: number, body: WebhookBody): Buffer {
  const bodyBytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return Buffer.concat([Buffer.from(`${msgId}.${timestampSeconds}.`, 'utf8'), bodyBytes]);
}

export function hmacBase64(secret: string, content: Buffer): string {
  return createHmac('sha256', decodeWebhookSecret(secret)).update(content).digest('base64');
}

export function toUnixSeconds(timestamp: Date | number): number {
  const seconds = timestamp instanceof Date ? Math.floor(timestamp.getTime() / 1000) : timestamp;
  if (!Number.isSafeInteger(seconds) || seconds < 0) {
    throw new RangeError(`a webhook timestamp is whole non-negative seconds, not ${String(seconds)}`);
  }
  return seconds;
}
