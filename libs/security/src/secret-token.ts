import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A new bearer secret: a readable prefix plus 32 random bytes in base64url.
 * Secrets this random need no slow hash (no dictionary to attack), so they are
 * stored as SHA-256 and compared in constant time.
 */
export function generateSecret(prefix: string, bytes = 32): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Constant-time check of a presented secret against a stored hash. */
export function secretMatchesHash(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

/** Constant-time equality of two secrets of any length. */
export function secretsEqual(a: string, b: string): boolean {
  return secretMatchesHash(a, hashSecret(b));
}

/** The last four characters, to let people recognize a secret they hold. */
export function lastFour(secret: string): string {
  return secret.slice(-4);
}
