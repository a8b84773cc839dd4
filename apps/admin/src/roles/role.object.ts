import type { Role } from '@roster/data';

export interface RoleObject {
  object: 'role';
  slug: string;
  name: string;
}

export function toRoleObject(role: Role): RoleObject {
  return { object: 'role', slug: role.slug, name: role.name };
}
