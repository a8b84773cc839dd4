import fc from 'fast-check';
import { formatIPv4, parseIPv4, parseIPv6, unbracket } from './ip-address';

describe('parseIPv4', () => {
  it.each([
    ['0.0.0.0', 0],
    ['127.0.0.1', 0x7f000001],
    ['255.255.255.255', 0xffffffff],
    ['192.168.1.20', 0xc0a80114],
  ])('parses %s', (text, value) => {
    expect(parseIPv4(text)).toBe(value);
  });

  it.each(['', '1.2.3', '1.2.3.4.5', '256.0.0.1', '0x7f.0.0.1', '2130706433', '::1', 'example.com'])(
    'rejects %p',
    (text) => {
      expect(parseIPv4(text)).toBeUndefined();
    },
  );

  it('round-trips with formatIPv4', () => {
    fc.assert(fc.property(fc.ipV4(), (ip) => expect(formatIPv4(parseIPv4(ip)!)).toBe(ip)));
  });
});

describe('parseIPv6', () => {
  it.each([
    ['::', 0n],
    ['::1', 1n],
    ['[::1]', 1n],
    ['1::', 1n << 112n],
    ['::ffff:127.0.0.1', 0xffff7f000001n],
    ['::ffff:7f00:1', 0xffff7f000001n],
    ['fe80::1%eth0', (0xfe80n << 112n) | 1n],
    ['2001:db8:0:0:0:0:0:1', (0x20010db8n << 96n) | 1n],
    ['2001:DB8::1', (0x20010db8n << 96n) | 1n],
    ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', (1n << 128n) - 1n],
  ])('parses %s', (text, value) => {
    expect(parseIPv6(text)).toBe(value);
  });

  it.each(['', '1.2.3.4', ':::', '1::2::3', '12345::', 'g::1', '[::1', 'example.com'])('rejects %p', (text) => {
    expect(parseIPv6(text)).toBeUndefined();
  });

  it('agrees with the expanded form for any address', () => {
    fc.assert(
      fc.property(fc.ipV6(), (ip) => {
        const expanded = [...Array(8).keys()].map((i) =>
          ((parseIPv6(ip)! >> BigInt(112 - 16 * i)) & 0xffffn).toString(16),
        );
        expect(parseIPv6(expanded.join(':'))).toBe(parseIPv6(ip));
        expect(new URL(`http://[${expanded.join(':')}]/`).hostname).toBe(new URL(`http://[${ip}]/`).hostname);
      }),
    );
  });
});

describe('unbracket', () => {
  it('strips URL brackets only when both are there', () => {
    expect(unbracket('[::1]')).toBe('::1');
    expect(unbracket('[::1')).toBe('[::1');
    expect(unbracket('example.com')).toBe('example.com');
  });
});
