import type { DirectoryUser, GroupRef } from '@roster/data';
import { type DirectoryUserObject, toDirectoryUserObject } from '@roster/events';
import type { DirectoryContext } from './directory-context';

/**
 * The normalized user of a stored SCIM user, or null when there is none: a user
 * deprovisioned in `delete` mode keeps its SCIM resource but is gone for consumers.
 */
export function normalizedUser(
  user: DirectoryUser,
  groups: readonly GroupRef[],
  directory: DirectoryContext,
): DirectoryUserObject | null {
  if (user.removedAt) return null;
  return toDirectoryUserObject(
    user,
    groups.map((group) => ({ id: group.id, name: group.displayName })),
    directory.mappings,
  );
}
