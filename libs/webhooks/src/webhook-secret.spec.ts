import { decodeWebhookSecret, generateWebhookSecret, WebhookSecretError } from './webhook-secret';

describe('webhook secrets', () => {
  it('generates whsec_ + base64 of 32 random bytes by default', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(decodeWebhookSecret(secret)).toHaveLength(32);
    expect(generateWebhookSecret()).not.toEqual(secret);
  });

  it.each([24, 32, 64])('generates and decodes %i-byte keys', (bytes) => {
    expect(decodeWebhookSecret(generateWebhookSecret(bytes))).toHaveLength(bytes);
  });

  it.each([0, 16, 23, 65, 24.5])('refuses to generate %p-byte keys', (bytes) => {
    expect(() => generateWebhookSecret(bytes)).toThrow(WebhookSecretError);
  });

  it('decodes a known secret', () => {
    const key = Buffer.alloc(24, 7);
    expect(decodeWebhookSecret(`whsec_${key.toString('base64')}`)).toEqual(key);
  });

  it.each([
    ['no prefix', Buffer.alloc(32, 1).toString('base64')],
    ['wrong prefix', `wh_${Buffer.alloc(32, 1).toString('base64')}`],
    ['empty', 'whsec_'],
    ['too short', `whsec_${Buffer.alloc(16, 1).toString('base64')}`],
    ['too long', `whsec_${Buffer.alloc(65, 1).toString('base64')}`],
    ['base64url alphabet', `whsec_${Buffer.alloc(32, 0xff).toString('base64url')}`],
    ['stray characters', `whsec_${Buffer.alloc(24, 1).toString('base64')}!!`],
    ['missing padding', `whsec_${Buffer.alloc(32, 1).toString('base64').replace('=', '')}`],
  ])('rejects a secret with %s', (_case, secret) => {
    expect(() => decodeWebhookSecret(secret)).toThrow(WebhookSecretError);
  });
});
