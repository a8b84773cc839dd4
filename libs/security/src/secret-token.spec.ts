import { generateSecret, hashSecret, lastFour, secretMatchesHash, secretsEqual } from './secret-token';

describe('secret tokens', () => {
  it('carries the prefix and at least 32 random bytes', () => {
    const secret = generateSecret('scim_');
    expect(secret.startsWith('scim_')).toBe(true);
    expect(Buffer.from(secret.slice(5), 'base64url')).toHaveLength(32);
    expect(generateSecret('scim_')).not.toEqual(secret);
  });

  it('matches its own hash only', () => {
    const secret = generateSecret('k_');
    const hash = hashSecret(secret);
    expect(hash).not.toContain(secret);
    expect(secretMatchesHash(secret, hash)).toBe(true);
    expect(secretMatchesHash(`${secret}x`, hash)).toBe(false);
    expect(secretMatchesHash(secret, 'not-hex')).toBe(false);
  });

  it('compares secrets of different lengths without throwing', () => {
    expect(secretsEqual('abc', 'abc')).toBe(true);
    expect(secretsEqual('abc', 'abcd')).toBe(false);
  });

  it('shows the last four characters', () => {
    expect(lastFour('scim_abcdef')).toBe('cdef');
  });
});
