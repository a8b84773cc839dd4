import { parseIPv4, parseIPv6 } from './ip-address';

/** What kind of destination an IP address is; only `public` may receive webhooks by default. */
export type AddressClass =
  | 'public'
  | 'private'
  | 'loopback'
  | 'link_local'
  | 'cgnat'
  | 'unspecified'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  | 'invalid';

interface Range<T extends number | bigint> {
  prefix: T;
  bits: number;
  class: AddressClass;
}

// IANA IPv4 Special-Purpose Address Registry (RFC 6890 and successors).
// Ranges nest (255.255.255.255 sits inside 240/4), so the first match wins.
const IPV4_RANGES: readonly Range<number>[] = [
  v4('0.0.0.0', 8, 'unspecified'),
  v4('10.0.0.0', 8, 'private'),
  v4('100.64.0.0', 10, 'cgnat'),
  v4('127.0.0.0', 8, 'loopback'),
  v4('169.254.0.0', 16, 'link_local'), // includes 169.254.169.254, the cloud metadata service
  v4('172.16.0.0', 12, 'private'),
  v4('192.0.0.0', 24, 'reserved'), // IETF protocol assignments
  v4('192.0.2.0', 24, 'reserved'), // TEST-NET-1
  v4('192.88.99.0', 24, 'reserved'), // deprecated 6to4 relay anycast
  v4('192.168.0.0', 16, 'private'),
  v4('198.18.0.0', 15, 'reserved'), // benchmarking
  v4('198.51.100.0', 24, 'reserved'), // TEST-NET-2
  v4('203.0.113.0', 24, 'reserved'), // TEST-NET-3
  v4('224.0.0.0', 4, 'multicast'),
  v4('255.255.255.255', 32, 'broadcast'),
  v4('240.0.0.0', 4, 'reserved'),
];

// IANA IPv6 Special-Purpose Address Registry. Ranges that embed an IPv4
// address are handled by EMBEDDED_IPV4 before these.
const IPV6_RANGES: readonly Range<bigint>[] = [
  v6('64:ff9b:1::', 48, 'private'), // local-use NAT64 (RFC 8215)
  v6('100::', 64, 'reserved'), // discard-only
  v6('2001::', 23, 'reserved'), // IETF protocol assignments, Teredo included
  v6('2001:db8::', 32, 'reserved'), // documentation
  v6('3fff::', 20, 'reserved'), // documentation (RFC 9637)
  v6('5f00::', 16, 'reserved'), // SRv6 SIDs
  v6('fc00::', 7, 'private'), // unique local
  v6('fe80::', 10, 'link_local'),
  v6('fec0::', 10, 'private'), // deprecated site-local
  v6('ff00::', 8, 'multicast'),
];

const GLOBAL_UNICAST = v6('2000::', 3, 'public');

interface EmbeddingRange extends Range<bigint> {
  /** Where the IPv4 address sits: how far to shift its 32 bits down. */
  shift: bigint;
  /** The class when the embedded address is public: deprecated forms are never reachable. */
  whenPublic: AddressClass;
}

// An IPv6 address that carries an IPv4 one is as dangerous as that IPv4
// address: ::ffff:127.0.0.1 reaches loopback, 64:ff9b::a00:1 reaches 10.0.0.1
// through a NAT64 gateway, 2002:a00:1:: through a 6to4 relay.
const EMBEDDED_IPV4: readonly EmbeddingRange[] = [
  { ...v6('::ffff:0:0', 96, 'public'), shift: 0n, whenPublic: 'public' }, // IPv4-mapped
  { ...v6('::', 96, 'reserved'), shift: 0n, whenPublic: 'reserved' }, // deprecated IPv4-compatible
  { ...v6('::ffff:0:0:0', 96, 'reserved'), shift: 0n, whenPublic: 'reserved' }, // SIIT IPv4-translated
  { ...v6('64:ff9b::', 96, 'public'), shift: 0n, whenPublic: 'public' }, // well-known NAT64
  { ...v6('2002::', 16, 'public'), shift: 80n, whenPublic: 'public' }, // 6to4
];

/**
 * Classifies an IPv4 or IPv6 address (bracketed or with a zone id is fine).
 * Anything that is not an IP address is `invalid`, which callers must treat
 * as non-public.
 */
export function classifyAddress(ip: string): AddressClass {
  const v4 = parseIPv4(ip);
  if (v4 !== undefined) return classifyIPv4(v4);
  const v6 = parseIPv6(ip);
  return v6 === undefined ? 'invalid' : classifyIPv6(v6);
}

export function isPublicAddress(ip: string): boolean {
  return classifyAddress(ip) === 'public';
}

function classifyIPv4(value: number): AddressClass {
  return IPV4_RANGES.find((range) => inRange(BigInt(value), BigInt(range.prefix), range.bits, 32))?.class ?? 'public';
}

function classifyIPv6(value: bigint): AddressClass {
  if (value === 0n) return 'unspecified';
  if (value === 1n) return 'loopback';
  const embedding = EMBEDDED_IPV4.find((range) => inRange(value, range.prefix, range.bits, 128));
  if (embedding) {
    const inner = classifyIPv4(Number((value >> embedding.shift) & 0xffffffffn));
    return inner === 'public' ? embedding.whenPublic : inner;
  }
  const range = IPV6_RANGES.find((candidate) => inRange(value, candidate.prefix, candidate.bits, 128));
  if (range) return range.class;
  return inRange(value, GLOBAL_UNICAST.prefix, GLOBAL_UNICAST.bits, 128) ? 'public' : 'reserved';
}

function inRange(value: bigint, prefix: bigint, bits: number, width: number): boolean {
  const shift = BigInt(width - bits);
  return value >> shift === prefix >> shift;
}

function v4(address: string, bits: number, addressClass: AddressClass): Range<number> {
  return { prefix: parseIPv4(address)!, bits, class: addressClass };
}

function v6(address: string, bits: number, addressClass: AddressClass): Range<bigint> {
  return { prefix: parseIPv6(address)!, bits, class: addressClass };
}
