import { timingSafeEqual } from 'node:crypto';
import { hmacBase64, SIGNATURE_VERSION, signedContent, type WebhookBody } from './sign-payload';

export type VerificationFailure =
  'missing_headers' | 'invalid_timestamp' | 'timestamp_too_old' | 'timestamp_too_new' | 'no_matching_signature';

/** Why a received webhook was rejected; `code` is stable, the message is for people. */
export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError';

  constructor(
    readonly code: VerificationFailure,
    message: string,
  ) {
    super(message);
  }
}

/** Header names may arrive in any case, and Node gives repeated headers as arrays. */
export type ReceivedHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

export interface VerifyOptions {
  /** How far the timestamp may be from `now`, either way; 5 minutes like every Standard Webhooks library. */
  toleranceSeconds?: number;
  now?: Date;
}

export interface VerifiedWebhook {
  msgId: string;
  timestamp: Date;
}

/**
 * Checks a received webhook the way a receiver should: the timestamp is
 * within tolerance (replay protection) and at least one `v1` signature
 * matches one of the secrets, compared in constant time. Throws
 * WebhookVerificationError otherwise. Mainly for our own tests and tooling;
 * receivers can use any Standard Webhooks library.
 */
export function verifyPayload(
  body: WebhookBody,
  headers: ReceivedHeaders,
  secret: string | readonly string[],
  options: VerifyOptions = {},
): VerifiedWebhook {
  const msgId = readHeader(headers, 'webhook-id');
  const timestampHeader = readHeader(headers, 'webhook-timestamp');
  const signatureHeader = readHeader(headers, 'webhook-signature');
  if (!msgId || !timestampHeader || !signatureHeader) {
    throw new WebhookVerificationError(
      'missing_headers',
      'webhook-id, webhook-timestamp and webhook-signature are required',
    );
  }
  const seconds = checkTimestamp(timestampHeader, options);
  const content = signedContent(msgId, seconds, body);
  const expected = (typeof secret === 'string' ? [secret] : secret).map((key) => hmacBase64(key, content));
  if (
    !presentedSignatures(signatureHeader).some((presented) => expected.some((sig) => sameSignature(presented, sig)))
  ) {
    throw new WebhookVerificationError('no_matching_signature', 'no v1 signature matches');
  }
  return { msgId, timestamp: new Date(seconds * 1000) };
}

function checkTimestamp(header: string, { toleranceSeconds = 300, now = new Date() }: VerifyOptions): number {
  if (!/^\d{1,15}$/.test(header)) {
    throw new WebhookVerificationError('invalid_timestamp', 'webhook-timestamp is not whole seconds since the epoch');
  }
  const seconds = Number(header);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (nowSeconds - seconds > toleranceSeconds) {
    throw new WebhookVerificationError('timestamp_too_old', 'webhook-timestamp is too old');
  }
  if (seconds - nowSeconds > toleranceSeconds) {
    throw new WebhookVerificationError('timestamp_too_new', 'webhook-timestamp is in the future');
  }
  return seconds;
}

// Unknown versions are skipped rather than rejected, so a sender may add a
// newer scheme (v1a, …) next to v1 without breaking older receivers.
function presentedSignatures(header: string): string[] {
  return header
    .trim()
    .split(/\s+/)
    .flatMap((entry) => {
      const comma = entry.indexOf(',');
      return comma > 0 && entry.slice(0, comma) === SIGNATURE_VERSION ? [entry.slice(comma + 1)] : [];
    });
}

function sameSignature(presented: string, expected: string): boolean {
  const a = Buffer.from(presented, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

function readHeader(headers: ReceivedHeaders, name: string): string | undefined {
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  return typeof value === 'string' ? value : value?.join(' ');
}
