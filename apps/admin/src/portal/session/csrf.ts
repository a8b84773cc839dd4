import { createHmac } from 'node:crypto';
import { secretsEqual } from '@roster/security';

/**
 * The CSRF token of a session: an HMAC of the session secret, so it needs no
 * storage, differs per session, and cannot be derived without the httpOnly cookie.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('roster-portal-csrf').digest('base64url');
}

export function csrfTokenMatches(sessionToken: string, presented: unknown): boolean {
  return typeof presented === 'string' && presented.length > 0 && secretsEqual(presented, csrfTokenFor(sessionToken));
}
