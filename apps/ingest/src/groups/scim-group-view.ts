import type { DirectoryGroup, GroupMember } from '@roster/data';
import { etagOf } from '../http/etag';

/** A stored group as its SCIM resource; `members` only when they were loaded. */
export function toScimGroup(
  group: DirectoryGroup,
  members: readonly GroupMember[] | undefined,
  baseUrl: string,
): Record<string, unknown> {
  const { schemas, ...attributes } = group.attributes as Record<string, unknown>;
  return {
    schemas,
    id: group.id,
    ...attributes,
    ...(members === undefined
      ? {}
      : {
          members: members.map((member) => ({
            value: member.userId,
            display: member.display,
            $ref: `${baseUrl}/Users/${member.userId}`,
            type: 'User',
          })),
        }),
    meta: {
      resourceType: 'Group',
      created: group.createdAt.toISOString(),
      lastModified: group.updatedAt.toISOString(),
      location: `${baseUrl}/Groups/${group.id}`,
      version: etagOf(group.version),
    },
  };
}
