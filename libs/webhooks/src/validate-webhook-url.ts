import { type AddressClass, classifyAddress } from './classify-address';
import type { DestinationRefusal } from './destination-refused.error';
import { unbracket } from './ip-address';

export interface DestinationPolicy {
  /** ROSTER_WEBHOOK_ALLOW_PRIVATE: lets tests and local development deliver to private addresses. */
  allowPrivate?: boolean;
}

export type UrlCheck = { ok: true; url: URL } | { ok: false; reason: DestinationRefusal; message: string };

/**
 * The synchronous checks on an endpoint URL, for when it is created or
 * changed: http(s) only, a host, no credentials (they would be sent to
 * every redirect target and shown in logs), and no literal non-public IP or
 * `localhost`. Names are resolved later, by assertPublicDestination and at
 * connect time, because DNS answers change.
 */
export function validateWebhookUrl(input: string | URL, policy: DestinationPolicy = {}): UrlCheck {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return refuse('invalid_url', 'not an absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return refuse('unsupported_protocol', `only http and https are supported, not ${url.protocol.replace(/:$/, '')}`);
  }
  if (url.username !== '' || url.password !== '')
    return refuse('credentials_in_url', 'URLs may not contain credentials');
  if (url.hostname === '') return refuse('missing_host', 'the URL has no host');
  const literal = literalHostClass(url.hostname);
  if (!policy.allowPrivate && literal !== undefined && literal !== 'public') {
    return refuse('non_public_address', `${url.hostname} is a ${literal.replace('_', '-')} address`);
  }
  return { ok: true, url };
}

/**
 * The class of a URL-normalised hostname that is an IP literal or a
 * `localhost` name (RFC 6761: always loopback, whatever DNS says);
 * undefined for other names, which only DNS can judge.
 */
export function literalHostClass(hostname: string): AddressClass | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  const addressClass = classifyAddress(unbracket(host));
  return addressClass === 'invalid' ? undefined : addressClass;
}

function refuse(reason: DestinationRefusal, message: string): UrlCheck {
  return { ok: false, reason, message };
}
