import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import { isIPv6, type LookupFunction } from 'node:net';
import { classifyAddress } from './classify-address';
import { DestinationRefusedError } from './destination-refused.error';
import { unbracket } from './ip-address';
import { type DestinationPolicy, literalHostClass } from './validate-webhook-url';

/** Every address a hostname resolves to (A and AAAA). */
export type ResolveHost = (hostname: string) => Promise<readonly string[]>;

/** The shape of dns.lookup with `all: true`, which the guarded lookup wraps. */
export type LookupAll = (
  hostname: string,
  options: LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

export interface GuardedLookupOptions extends DestinationPolicy {
  /** The real resolver; dns.lookup unless a test injects one. */
  lookup?: LookupAll;
}

/**
 * Refuses a destination host unless every address it resolves to is public
 * (one private answer is enough for an attacker). `hostname` may be a name
 * or an IP literal in any form the URL parser accepts: bracketed IPv6,
 * `2130706433`, `0x7f.1`, `0177.0.0.1` are normalised before checking.
 *
 * Checking before connecting is not enough on its own (DNS can answer
 * differently a moment later), so also connect with createGuardedLookup.
 */
export async function assertPublicDestination(
  hostname: string,
  resolve: ResolveHost,
  policy: DestinationPolicy = {},
): Promise<void> {
  const host = normaliseHost(hostname);
  if (policy.allowPrivate) return;
  const literal = literalHostClass(host);
  if (literal === 'public') return;
  if (literal !== undefined) {
    throw new DestinationRefusedError('non_public_address', `${host} is a ${describe(literal)} address`, host, literal);
  }
  const addresses = await resolve(host);
  if (addresses.length === 0) throw new DestinationRefusedError('no_addresses', `${host} resolves to no address`);
  addresses.forEach((address) => assertPublicAddress(host, address));
}

/**
 * A `lookup` for http/https `request` (or an Agent) that re-checks every
 * resolved address at connect time, so a name that turned private after
 * assertPublicDestination (DNS rebinding) is refused before any byte is
 * sent. Node skips `lookup` for IP literals; those are checked by
 * validateWebhookUrl/assertPublicDestination.
 */
export function createGuardedLookup({
  allowPrivate = false,
  lookup = dnsLookup,
}: GuardedLookupOptions = {}): LookupFunction {
  return (hostname, options, callback) => {
    const requested = typeof options === 'object' && options !== null ? options : {};
    lookup(hostname, { ...requested, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refusal = allowPrivate ? undefined : refusalFor(hostname, addresses);
      if (refusal) return callback(refusal, []);
      const [first] = addresses;
      if (!first) return callback(new DestinationRefusedError('no_addresses', `${hostname} has no address`), []);
      if (requested.all) return callback(null, addresses);
      callback(null, first.address, first.family);
    });
  };
}

/** Resolves with the operating system's resolver (hosts file included), as connections will. */
export const resolveWithSystem: ResolveHost = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses.map((entry) => entry.address)),
    );
  });

/**
 * The hostname as the WHATWG URL parser (and so the HTTP client) sees it:
 * lowercased, punycoded, numeric IPv4 forms as dotted quads, IPv6 compressed
 * and unbracketed. Anything that is more than a host is refused.
 */
export function normaliseHost(hostname: string): string {
  const candidate = isIPv6(hostname) ? `[${hostname}]` : hostname;
  // The parser would quietly drop tabs and take "evil@host" or "host/x" apart;
  // a caller handing us those has a bug we should not paper over.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
  const notJustAHost = /[\s\u0000-\u001f/?#@\\]/.test(candidate) || hasPort(candidate) || candidate === '';
  const url = notJustAHost ? undefined : parseHttpUrl(`http://${candidate}/`);
  if (!url || url.host !== url.hostname || url.pathname !== '/') {
    throw new DestinationRefusedError('invalid_host', `${JSON.stringify(hostname)} is not a valid host name`);
  }
  return unbracket(url.hostname);
}

// A colon outside brackets is a port (or garbage); only a bare IPv6 may contain one.
function hasPort(candidate: string): boolean {
  const bare = unbracket(candidate);
  return bare.includes(':') && !isIPv6(bare);
}

function parseHttpUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function refusalFor(hostname: string, addresses: readonly LookupAddress[]): DestinationRefusedError | undefined {
  try {
    addresses.forEach(({ address }) => assertPublicAddress(hostname, address));
    return undefined;
  } catch (error) {
    return error as DestinationRefusedError;
  }
}

function assertPublicAddress(host: string, address: string): void {
  const addressClass = classifyAddress(address);
  if (addressClass !== 'public') {
    const message = `${host} resolves to ${address}, a ${describe(addressClass)} address`;
    throw new DestinationRefusedError('non_public_address', message, address, addressClass);
  }
}

function describe(addressClass: string): string {
  return addressClass.replace('_', '-');
}
