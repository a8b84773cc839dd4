import { readAttributeValue, USER_RESOURCE_TYPE } from '@roster/scim';
import { type DirectoryObjectMappings, type GroupReference, rolesForGroups } from './directory-mappings';

/** The stored fields a directory user object is built from (a `directory_users` row). */
export interface DirectoryUserRecord {
  id: string;
  directoryId: string;
  tenantId: string;
  externalId: string | null;
  userName: string;
  state: string;
  displayName: string | null;
  givenName: string | null;
  familyName: string | null;
  /** The SCIM resource as stored (core attributes at the top, extensions under their URN). */
  attributes: unknown;
  createdAt: Date;
  updatedAt: Date;
}

export interface UserEmail {
  value: string;
  type: string | null;
  primary: boolean;
}

/** The normalized directory user of CONTRACT section 5: in events, webhooks and reads. */
export interface DirectoryUserObject {
  object: 'directory_user';
  id: string;
  idp_id: string | null;
  directory_id: string;
  tenant_id: string;
  username: string;
  email: string | null;
  emails: UserEmail[];
  first_name: string | null;
  last_name: string | null;
  display_name: string | null;
  state: 'active' | 'inactive';
  groups: GroupReference[];
  roles: { slug: string }[];
  custom_attributes: Record<string, unknown>;
  raw_attributes: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}

/**
 * Builds the normalized user. `groups` are the user's current groups (in a
 * stable order, so equal states give equal objects); the directory's mappings
 * decide `roles` and `custom_attributes`.
 */
export function toDirectoryUserObject(
  user: DirectoryUserRecord,
  groups: readonly GroupReference[],
  mappings: DirectoryObjectMappings,
): DirectoryUserObject {
  const raw = asObject(user.attributes);
  const emails = readEmails(raw);
  return {
    object: 'directory_user',
    id: user.id,
    idp_id: user.externalId,
    directory_id: user.directoryId,
    tenant_id: user.tenantId,
    username: user.userName,
    email: (emails.find((email) => email.primary) ?? emails[0])?.value ?? null,
    emails,
    first_name: user.givenName,
    last_name: user.familyName,
    display_name: user.displayName,
    state: user.state === 'inactive' ? 'inactive' : 'active',
    groups: groups.map((group) => ({ id: group.id, name: group.name })),
    roles: rolesForGroups(groups, mappings.roleMapping).map((slug) => ({ slug })),
    custom_attributes: customAttributes(raw, mappings.attributeMapping),
    raw_attributes: raw,
    created_at: user.createdAt.toISOString(),
    updated_at: user.updatedAt.toISOString(),
  };
}

function readEmails(raw: Record<string, unknown>): UserEmail[] {
  const emails = readAttributeValue(raw, 'emails', USER_RESOURCE_TYPE);
  if (!Array.isArray(emails)) return [];
  return emails.flatMap((email): UserEmail[] => {
    const entry = asObject(email);
    if (typeof entry.value !== 'string' || entry.value === '') return [];
    return [
      { value: entry.value, type: typeof entry.type === 'string' ? entry.type : null, primary: entry.primary === true },
    ];
  });
}

// A mapped attribute the user lacks is null, so consumers see a stable shape.
function customAttributes(raw: Record<string, unknown>, mapping: Record<string, string>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [path, key] of Object.entries(mapping)) {
    result[key] = readAttributeValue(raw, path, USER_RESOURCE_TYPE) ?? null;
  }
  return result;
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
