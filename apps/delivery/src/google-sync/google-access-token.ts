import { createSign } from 'node:crypto';
import type { GoogleCredentials } from './google-credentials';
import { fetchJsonWithRetry, type RetryPolicy } from './google-retry';

/** Read-only: Roster never writes to Google. */
export const GOOGLE_SCOPES = [
  'https://www.googleapis.com/auth/admin.directory.user.readonly',
  'https://www.googleapis.com/auth/admin.directory.group.readonly',
  'https://www.googleapis.com/auth/admin.directory.group.member.readonly',
];

/**
 * The signed assertion of the OAuth 2.0 JWT bearer flow for service accounts
 * (RFC 7523; https://developers.google.com/identity/protocols/oauth2/service-account),
 * with `sub` = the admin it acts as (domain-wide delegation).
 */
export function serviceAccountAssertion(credentials: GoogleCredentials, now = Date.now()): string {
  const issuedAt = Math.floor(now / 1000);
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode({
    iss: credentials.clientEmail,
    sub: credentials.adminEmail,
    scope: GOOGLE_SCOPES.join(' '),
    aud: credentials.tokenUri,
    iat: issuedAt,
    exp: issuedAt + 3600,
  })}`;
  const signature = createSign('RSA-SHA256').update(unsigned).sign(credentials.privateKey).toString('base64url');
  return `${unsigned}.${signature}`;
}

/** Exchanges the assertion at the key's token_uri for a one-hour access token. */
export async function fetchAccessToken(credentials: GoogleCredentials, policy: RetryPolicy): Promise<string> {
  const body = new URLSearchParams({
    grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
    assertion: serviceAccountAssertion(credentials),
  });
  const answer = (await fetchJsonWithRetry(
    credentials.tokenUri,
    { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body },
    policy,
  )) as { access_token?: unknown } | null;
  if (typeof answer?.access_token !== 'string') throw new Error('the token endpoint returned no access_token');
  return answer.access_token;
}
