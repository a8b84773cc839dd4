import type { Tenant } from '@roster/data';

export interface TenantObject {
  object: 'tenant';
  id: string;
  name: string;
  external_id: string | null;
  domains: string[];
  created_at: string;
  updated_at: string;
}

export function toTenantObject(tenant: Tenant): TenantObject {
  return {
    object: 'tenant',
    id: tenant.id,
    name: tenant.name,
    external_id: tenant.externalId,
    domains: tenant.domains,
    created_at: tenant.createdAt.toISOString(),
    updated_at: tenant.updatedAt.toISOString(),
  };
}
