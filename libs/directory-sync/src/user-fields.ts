import type { DirectoryUser, DirectoryUserFields } from '@roster/data';
import type { DeprovisioningMode } from '@roster/events';
import { readAttributeValue, USER_RESOURCE_TYPE } from '@roster/scim';

/**
 * The indexed columns of a user, derived from its stored SCIM resource, and its
 * normalized presence: an IdP's `active: false` makes the user `inactive` in
 * `deactivate` mode, and removes the normalized user (the SCIM resource stays)
 * in `delete` mode.
 */
export function userFields(
  resource: Record<string, unknown>,
  mode: DeprovisioningMode,
  before: DirectoryUser | null,
): DirectoryUserFields {
  const read = (path: string): unknown => readAttributeValue(resource, path, USER_RESOURCE_TYPE);
  const active = read('active') !== false;
  const givenName = text(read('name.givenName'));
  const familyName = text(read('name.familyName'));
  return {
    userName: String(read('userName')),
    externalId: text(read('externalId')),
    active,
    state: active ? 'active' : 'inactive',
    removedAt: active || mode === 'deactivate' ? null : (before?.removedAt ?? new Date()),
    givenName,
    familyName,
    displayName: text(read('displayName')) ?? text(read('name.formatted')) ?? joinNames(givenName, familyName),
    email: primaryEmail(read('emails')),
    attributes: resource as DirectoryUserFields['attributes'],
  };
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function joinNames(given: string | null, family: string | null): string | null {
  const joined = [given, family].filter(Boolean).join(' ');
  return joined === '' ? null : joined;
}

function primaryEmail(emails: unknown): string | null {
  if (!Array.isArray(emails)) return null;
  const values = emails as { value?: unknown; primary?: unknown }[];
  const chosen = values.find((email) => email?.primary === true) ?? values[0];
  return text(chosen?.value);
}
