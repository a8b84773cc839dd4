import type { DirectoryProvider } from '@roster/events';

/** The client dialects the request log names (CONTRACT section 5: "IdP detected"). */
export const DIALECTS = [
  'okta',
  'entra',
  'onelogin',
  'jumpcloud',
  'rippling',
  'pingfederate',
  'pingone',
  'cyberark',
  'google',
  'generic_scim_v2',
  'generic_scim_v1',
  'unknown',
] as const;

export type Dialect = (typeof DIALECTS)[number];

/** What the normalizers accept as a hint: the directory's provider, or a detected dialect. */
export type DialectHint = DirectoryProvider | Dialect;

/** The dialect a directory's configured provider speaks by default. */
export function dialectOfProvider(provider: DialectHint | undefined): Dialect {
  if (provider === undefined) return 'unknown';
  if (provider === 'google_workspace') return 'google';
  return (DIALECTS as readonly string[]).includes(provider) ? (provider as Dialect) : 'unknown';
}
