import { isIPv4, isIPv6 } from 'node:net';

/** A dotted-quad IPv4 address as an unsigned 32-bit number; undefined if it is not one. */
export function parseIPv4(text: string): number | undefined {
  if (!isIPv4(text)) return undefined;
  return text.split('.').reduce((value, octet) => value * 256 + Number(octet), 0);
}

/**
 * An IPv6 address as a 128-bit bigint; undefined if it is not one. Accepts
 * `::` compression, a dotted IPv4 tail (`::ffff:1.2.3.4`), a zone id
 * (`fe80::1%eth0`, as resolvers return it) and URL brackets.
 */
export function parseIPv6(text: string): bigint | undefined {
  const address = unbracket(text).split('%')[0]!;
  if (!isIPv6(address)) return undefined;
  const [head, tail] = address.split('::') as [string, string | undefined];
  const headGroups = groupsOf(head);
  const tailGroups = tail === undefined ? [] : groupsOf(tail);
  const zeros = new Array<number>(8 - headGroups.length - tailGroups.length).fill(0);
  return [...headGroups, ...zeros, ...tailGroups].reduce((value, group) => (value << 16n) | BigInt(group), 0n);
}

/** The dotted-quad form of a 32-bit number, for messages and embedded addresses. */
export function formatIPv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 0xff).join('.');
}

export function unbracket(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function groupsOf(part: string): number[] {
  if (part === '') return [];
  return part.split(':').flatMap((group) => {
    if (!group.includes('.')) return [Number.parseInt(group, 16)];
    const v4 = parseIPv4(group)!;
    return [v4 >>> 16, v4 & 0xffff];
  });
}
