import { generateSecret, hashSecret, lastFour } from '@roster/security';

/** A new SCIM bearer token (32 random bytes) with what is stored of it. */
export function issueScimToken(): { token: string; hash: string; lastFour: string } {
  const token = generateSecret('scim_');
  return { token, hash: hashSecret(token), lastFour: lastFour(token) };
}
