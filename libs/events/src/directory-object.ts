/** The stored fields a directory object is built from. */
export interface DirectoryRecord {
  id: string;
  tenantId: string;
  name: string;
  provider: string;
  state: string;
  deprovisioning: string;
  attributeMapping: unknown;
  roleMapping: unknown;
  activatedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The public JSON shape of a directory, in API reads and in dsync.* event data. */
export interface DirectoryObject {
  object: 'directory';
  id: string;
  tenant_id: string;
  name: string;
  provider: string;
  state: string;
  deprovisioning: string;
  scim_base_url: string | null;
  attribute_mapping: unknown;
  role_mapping: unknown;
  activated_at: string | null;
  created_at: string;
  updated_at: string;
}

/** `publicScimUrl` is ROSTER_PUBLIC_SCIM_URL; polled directories (google_workspace) have no SCIM URL. */
export function toDirectoryObject(directory: DirectoryRecord, publicScimUrl: string): DirectoryObject {
  return {
    object: 'directory',
    id: directory.id,
    tenant_id: directory.tenantId,
    name: directory.name,
    provider: directory.provider,
    state: directory.state,
    deprovisioning: directory.deprovisioning,
    scim_base_url: scimBaseUrl(directory, publicScimUrl),
    attribute_mapping: directory.attributeMapping,
    role_mapping: directory.roleMapping,
    activated_at: directory.activatedAt?.toISOString() ?? null,
    created_at: directory.createdAt.toISOString(),
    updated_at: directory.updatedAt.toISOString(),
  };
}

export function scimBaseUrl(directory: Pick<DirectoryRecord, 'id' | 'provider'>, publicScimUrl: string): string | null {
  if (directory.provider === 'google_workspace') return null;
  const version = directory.provider === 'generic_scim_v1' ? 'v1' : 'v2';
  return `${publicScimUrl}/scim/${version}/${directory.id}`;
}

/**
 * The SCIM base URL to paste into the IdP. Okta refuses base URLs containing
 * "_", so Okta directories get `…/directory-<suffix>`, which the ingest app
 * accepts as the same directory; every other IdP gets `scimBaseUrl`.
 */
export function scimBaseUrlForIdp(
  directory: Pick<DirectoryRecord, 'id' | 'provider'>,
  publicScimUrl: string,
): string | null {
  const url = scimBaseUrl(directory, publicScimUrl);
  return url && directory.provider === 'okta' ? url.replace(/\/directory_([^/]+)$/, '/directory-$1') : url;
}
