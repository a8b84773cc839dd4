import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import type { RosterEvent, WebhookTestEvent } from './roster-event';

export { WebhookVerificationError } from 'standardwebhooks';

/**
 * Headers as any Node framework gives them: names in any case, values as
 * strings (repeated ones as arrays). Typed loosely so that Express, Fastify,
 * Node and fetch-style header objects all fit.
 */
export type IncomingHeaders = object;

/**
 * Checks a received Roster webhook and returns its event. A thin layer over
 * the Standard Webhooks library: `rawBody` must be the bytes received (not a
 * re-serialized parse), the signature must match `secret` (`whsec_…`) and the
 * timestamp be within 5 minutes. Throws WebhookVerificationError otherwise.
 *
 * Deliveries are at least once and `webhook-id` is the event id: keep the ids
 * you processed to ignore repeats.
 */
export function verifyWebhook(rawBody: string | Buffer, headers: IncomingHeaders, secret: string): RosterEvent | WebhookTestEvent {
  return new Webhook(secret).verify(rawBody, lowercased(headers)) as RosterEvent | WebhookTestEvent;
}

/** True when `error` is a failed verification (answer 400, do not retry the processing). */
export function isVerificationError(error: unknown): error is WebhookVerificationError {
  return error instanceof WebhookVerificationError;
}

function lowercased(headers: IncomingHeaders): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === 'string') result[name.toLowerCase()] = value;
    else if (Array.isArray(value)) result[name.toLowerCase()] = value.join(' ');
  }
  return result;
}
