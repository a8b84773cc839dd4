import { SCIM_URNS } from '@roster/scim';
import type { GoogleGroup, GoogleUser } from './google-directory.types';

type Resource = Record<string, unknown>;

/**
 * A Google user as the canonical SCIM 2.0 resource a SCIM IdP would send for
 * the same person: primaryEmail is the userName, the Google id the externalId,
 * `suspended` (or `archived`) is `active: false`. Only stable fields are read,
 * and absent values are left out rather than set to undefined, so the resource
 * compares equal to what was stored by the previous sync.
 */
export function toScimUser(user: GoogleUser): Resource {
  const organization = user.organizations?.find((org) => org.primary) ?? user.organizations?.[0];
  const employeeNumber = user.externalIds?.find((id) => id.type === 'organization')?.value;
  const manager = user.relations?.find((relation) => relation.type === 'manager')?.value;
  const enterprise = compact({
    department: organization?.department,
    organization: organization?.name,
    costCenter: organization?.costCenter,
    employeeNumber,
    manager: manager ? { value: manager } : undefined,
  });
  return compact({
    schemas: Object.keys(enterprise).length > 0 ? [SCIM_URNS.user, SCIM_URNS.enterpriseUser] : [SCIM_URNS.user],
    externalId: user.id,
    userName: user.primaryEmail,
    name: emptyToUndefined(
      compact({
        givenName: user.name?.givenName,
        familyName: user.name?.familyName,
        formatted: user.name?.fullName,
      }),
    ),
    displayName: user.name?.fullName,
    title: organization?.title,
    emails: emailsOf(user),
    phoneNumbers: emptyToUndefined(
      (user.phones ?? [])
        .filter((phone) => phone.value)
        .map((phone) => compact({ value: phone.value, type: phone.type, primary: phone.primary === true || undefined })),
    ),
    active: !(user.suspended === true || user.archived === true),
    [SCIM_URNS.enterpriseUser]: emptyToUndefined(enterprise),
  });
}

/** A Google group as a SCIM group; `displayName` is chosen by the caller (Google names need not be unique). */
export function toScimGroup(group: GoogleGroup, displayName: string): Resource {
  return compact({
    schemas: [SCIM_URNS.group],
    externalId: group.id,
    displayName,
    // Not core SCIM, but stored and round-tripped: it is how IT admins know a Google group.
    email: group.email,
    description: group.description || undefined,
  });
}

/**
 * The display name of each group: its Google name, unless two groups share it
 * (case-insensitively, as Roster's uniqueness goes), then `name (email)`.
 */
export function groupDisplayNames(groups: readonly GoogleGroup[]): Map<string, string> {
  const nameOf = (group: GoogleGroup) => (group.name?.trim() ? group.name.trim() : group.email);
  const seen = new Map<string, number>();
  for (const group of groups) seen.set(nameOf(group).toLowerCase(), (seen.get(nameOf(group).toLowerCase()) ?? 0) + 1);
  return new Map(
    groups.map((group) => {
      const name = nameOf(group);
      return [group.id, (seen.get(name.toLowerCase()) ?? 0) > 1 ? `${name} (${group.email})` : name];
    }),
  );
}

// The primary email first and marked primary; the rest as Google lists them, without duplicates.
function emailsOf(user: GoogleUser): Resource[] {
  const emails: Resource[] = [{ value: user.primaryEmail, type: 'work', primary: true }];
  const seen = new Set([user.primaryEmail.toLowerCase()]);
  for (const email of user.emails ?? []) {
    if (!email.address || seen.has(email.address.toLowerCase())) continue;
    seen.add(email.address.toLowerCase());
    emails.push({ value: email.address, type: email.type === 'custom' ? (email.customType ?? 'other') : (email.type ?? 'other') });
  }
  return emails;
}

function compact<T extends Record<string, unknown>>(object: T): Resource {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined && value !== ''));
}

function emptyToUndefined<T extends object>(value: T): T | undefined {
  return (Array.isArray(value) ? value.length : Object.keys(value).length) > 0 ? value : undefined;
}
