/** The IT admin's session: httpOnly, SameSite=Lax, scoped to /portal. */
export const SESSION_COOKIE = 'roster_portal';
/** A one-time message to the next page (a freshly issued SCIM token), encrypted. */
export const FLASH_COOKIE = 'roster_portal_flash';

/** The value of one cookie in a Cookie header (no library: the header format is simple). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0 || part.slice(0, separator).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(separator + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

// Lax, not Strict: the portal is opened from the SaaS application (another
// site), and Strict cookies would be withheld from the redirect that follows.
// Forms are protected by a CSRF token and an Origin check instead.
export function setCookie(name: string, value: string, options: { maxAgeSeconds: number; secure: boolean }): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/portal', 'HttpOnly', 'SameSite=Lax', `Max-Age=${options.maxAgeSeconds}`];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

export function clearCookie(name: string, options: { secure: boolean }): string {
  return setCookie(name, '', { maxAgeSeconds: 0, secure: options.secure });
}
