import { createVerify, generateKeyPairSync } from 'node:crypto';
import { GOOGLE_SCOPES, serviceAccountAssertion } from './google-access-token';
import { readGoogleCredentials } from './google-credentials';
import { isRetryable, retryDelayMs } from './google-retry';

describe('isRetryable', () => {
  it.each([
    [429, null, true],
    [500, null, true],
    [503, null, true],
    [403, { error: { errors: [{ reason: 'userRateLimitExceeded' }] } }, true],
    [403, { error: { errors: [{ reason: 'rateLimitExceeded' }] } }, true],
    [403, { error: { errors: [{ reason: 'forbidden' }] } }, false],
    [401, null, false],
    [404, null, false],
  ])('%i %j -> %s', (status, body, expected) => {
    expect(isRetryable(status, body)).toBe(expected);
  });
});

describe('retryDelayMs', () => {
  const policy = { attempts: 5, baseDelayMs: 1000, maxDelayMs: 8000 };
  it('backs off exponentially with jitter, capped, and honours Retry-After', () => {
    expect(retryDelayMs(0, policy, null, () => 0)).toBe(500);
    expect(retryDelayMs(2, policy, null, () => 1)).toBe(4000);
    expect(retryDelayMs(10, policy, null, () => 1)).toBe(8000);
    expect(retryDelayMs(0, policy, '3', () => 0)).toBe(3000);
    expect(retryDelayMs(0, policy, '600', () => 0)).toBe(8000);
  });
});

describe('service-account credentials and assertion', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const key = { client_email: 'sa@p.iam.gserviceaccount.com', private_key: pem, token_uri: 'https://oauth2.example/token' };

  it('reads the key pasted as JSON text or sent as an object', () => {
    for (const serviceAccountKey of [JSON.stringify(key), key]) {
      const plaintext = JSON.stringify({ admin_email: 'admin@acme.com', service_account_key: serviceAccountKey });
      expect(readGoogleCredentials(plaintext)).toEqual({
        adminEmail: 'admin@acme.com',
        clientEmail: key.client_email,
        privateKey: pem,
        tokenUri: key.token_uri,
      });
    }
  });

  it('names what is missing without echoing secrets', () => {
    expect(() => readGoogleCredentials(null)).toThrow(expect.objectContaining({ code: 'google_not_configured' }));
    try {
      readGoogleCredentials(JSON.stringify({ admin_email: 'admin@acme.com', service_account_key: { private_key: 'secret PRIVATE KEY' } }));
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toMatchObject({ code: 'google_invalid_config' });
      expect((error as Error).message).toContain('client_email');
      expect((error as Error).message).not.toContain('secret');
    }
  });

  it('signs an RS256 JWT for the token URI with read-only scopes, acting as the admin', () => {
    const credentials = readGoogleCredentials(JSON.stringify({ admin_email: 'admin@acme.com', service_account_key: key }));
    const [header, claims, signature] = serviceAccountAssertion(credentials, 1_700_000_000_000).split('.');
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toEqual({ alg: 'RS256', typ: 'JWT' });
    expect(JSON.parse(Buffer.from(claims!, 'base64url').toString())).toEqual({
      iss: key.client_email,
      sub: 'admin@acme.com',
      scope: GOOGLE_SCOPES.join(' '),
      aud: key.token_uri,
      iat: 1_700_000_000,
      exp: 1_700_003_600,
    });
    expect(GOOGLE_SCOPES.every((scope) => scope.endsWith('.readonly'))).toBe(true);
    expect(createVerify('RSA-SHA256').update(`${header}.${claims}`).verify(publicKey, Buffer.from(signature!, 'base64url'))).toBe(true);
  });
});
