import { Injectable } from '@nestjs/common';
import { RolesRepository } from '@roster/data';
import type { ListResponse } from '@roster/platform';
import type { AuditActor } from '../audit/audit-actor';
import { AuditService } from '../audit/audit.service';
import { type RoleObject, toRoleObject } from './role.object';
import type { RoleBody } from './role.schemas';

/** The SaaS's role catalogue, which role_mapping and the portal offer. */
@Injectable()
export class RolesService {
  constructor(
    private readonly roles: RolesRepository,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<ListResponse<RoleObject>> {
    return asList((await this.roles.list()).map(toRoleObject));
  }

  async replace(actor: AuditActor, roles: RoleBody[]): Promise<ListResponse<RoleObject>> {
    const stored = await this.roles.replaceAll(roles);
    await this.audit.record(actor, {
      action: 'roles.replaced',
      targetType: 'role_catalogue',
      targetId: 'roles',
      details: { slugs: roles.map((role) => role.slug) },
    });
    return asList(stored.map(toRoleObject));
  }
}

// The catalogue is small and returned whole: a list without further pages.
function asList(data: RoleObject[]): ListResponse<RoleObject> {
  return { object: 'list', data, list_metadata: { before: null, after: null } };
}
