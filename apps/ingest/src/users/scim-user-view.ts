import type { DirectoryUser, GroupRef } from '@roster/data';
import { etagOf } from '../http/etag';

/** A stored user as its SCIM resource: what the IdP sent, plus id, groups and meta. */
export function toScimUser(
  user: DirectoryUser,
  groups: readonly GroupRef[] | undefined,
  baseUrl: string,
): Record<string, unknown> {
  const { schemas, ...attributes } = user.attributes as Record<string, unknown>;
  return {
    schemas,
    id: user.id,
    ...attributes,
    ...(groups === undefined
      ? {}
      : {
          groups: groups.map((group) => ({
            value: group.id,
            display: group.displayName,
            $ref: `${baseUrl}/Groups/${group.id}`,
            type: 'direct',
          })),
        }),
    meta: {
      resourceType: 'User',
      created: user.createdAt.toISOString(),
      lastModified: user.updatedAt.toISOString(),
      location: `${baseUrl}/Users/${user.id}`,
      version: etagOf(user.version),
    },
  };
}
