import type { DestinationRefusal } from './destination-refused.error';
import { literalHostClass, validateWebhookUrl } from './validate-webhook-url';

describe('validateWebhookUrl', () => {
  it.each([
    'https://hooks.example.com/roster',
    'http://hooks.example.com:8080/a?b=c#d',
    'https://8.8.8.8/hook',
    'https://[2606:4700:4700::1111]/hook',
    'HTTPS://Hooks.Example.COM/path',
    'https://xn--bcher-kva.example/',
    'https://bücher.example/',
  ])('accepts %s', (url) => {
    const check = validateWebhookUrl(url);
    expect(check.ok).toBe(true);
    expect(check.ok && check.url.href).toBe(new URL(url).href);
  });

  it('accepts a URL object', () => {
    expect(validateWebhookUrl(new URL('https://example.com/')).ok).toBe(true);
  });

  it.each<[string, DestinationRefusal]>([
    ['not a url', 'invalid_url'],
    ['/relative/path', 'invalid_url'],
    ['https://', 'invalid_url'],
    ['http://exa mple.com/', 'invalid_url'],
    ['ftp://example.com/hook', 'unsupported_protocol'],
    ['file:///etc/passwd', 'unsupported_protocol'],
    ['gopher://127.0.0.1:6379/_FLUSHALL', 'unsupported_protocol'],
    ['javascript:alert(1)', 'unsupported_protocol'],
    ['data:text/plain,hi', 'unsupported_protocol'],
    ['ws://example.com/', 'unsupported_protocol'],
    ['https://user:pass@example.com/', 'credentials_in_url'],
    ['https://user@example.com/', 'credentials_in_url'],
    ['https://:pass@example.com/', 'credentials_in_url'],
    ['http://127.0.0.1/', 'non_public_address'],
    ['http://127.0.0.1:3000/hook', 'non_public_address'],
    ['http://2130706433/', 'non_public_address'],
    ['http://0x7f.1/', 'non_public_address'],
    ['http://0177.0.0.1/', 'non_public_address'],
    ['http://127.1/', 'non_public_address'],
    ['http://0/', 'non_public_address'],
    ['http://[::1]/', 'non_public_address'],
    ['http://[::ffff:127.0.0.1]/', 'non_public_address'],
    ['http://[0:0:0:0:0:0:0:1]/', 'non_public_address'],
    ['http://[fe80::1]/', 'non_public_address'],
    ['http://[fd00::1]/', 'non_public_address'],
    ['http://169.254.169.254/latest/meta-data/', 'non_public_address'],
    ['http://10.0.0.1/', 'non_public_address'],
    ['http://192.168.1.1/', 'non_public_address'],
    ['http://100.64.0.1/', 'non_public_address'],
    ['http://localhost/', 'non_public_address'],
    ['http://LOCALHOST./', 'non_public_address'],
    ['http://api.localhost:8080/', 'non_public_address'],
    ['http://%31%32%37.0.0.1/', 'non_public_address'],
  ])('refuses %s (%s)', (url, reason) => {
    const check = validateWebhookUrl(url);
    expect(check).toMatchObject({ ok: false, reason });
    expect(!check.ok && check.message).toEqual(expect.any(String));
  });

  it('allows private destinations when asked, but never bad URLs', () => {
    expect(validateWebhookUrl('http://127.0.0.1:3000/hook', { allowPrivate: true }).ok).toBe(true);
    expect(validateWebhookUrl('http://localhost/', { allowPrivate: true }).ok).toBe(true);
    expect(validateWebhookUrl('http://[::1]/', { allowPrivate: true }).ok).toBe(true);
    expect(validateWebhookUrl('ftp://127.0.0.1/', { allowPrivate: true })).toMatchObject({
      reason: 'unsupported_protocol',
    });
    expect(validateWebhookUrl('http://u:p@127.0.0.1/', { allowPrivate: true })).toMatchObject({
      reason: 'credentials_in_url',
    });
  });

  it('explains a refusal in words', () => {
    expect(validateWebhookUrl('http://169.254.169.254/')).toEqual({
      ok: false,
      reason: 'non_public_address',
      message: '169.254.169.254 is a link-local address',
    });
  });
});

describe('literalHostClass', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['[::1]', 'loopback'],
    ['localhost', 'loopback'],
    ['a.b.localhost.', 'loopback'],
    ['8.8.8.8', 'public'],
    ['example.com', undefined],
    ['localhost.example.com', undefined],
    ['notlocalhost', undefined],
  ])('%s -> %p', (host, expected) => {
    expect(literalHostClass(host)).toBe(expected);
  });
});
